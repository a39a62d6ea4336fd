//! Secrets: API keys by their documented prefixes, JWTs, `Authorization` header values,
//! cookies and session ids, PEM private keys, and the values of `password=`/`token:`/
//! `--secret x` style key-value pairs.
//!
//! Candidates come from two cheap passes. Tokens: every documented prefix (`ghp_`, `AKIA`,
//! `eyJ`, ...) starts a run of at least 14 token bytes, so 64-byte blocks are first checked
//! for such a run with a vectorizable bit mask, and only inside runs are word starts (and
//! the few mid-word anchors) dispatched on their first two bytes; `-----BEGIN ` is found
//! by memmem. Key-value pairs: the text is lower-cased in chunks and searched for rare
//! 3-4 byte needles of the key-name stems (`ecret`, `token`, `pass`, `key`, ...) with the
//! SIMD prefilter of aho-corasick. Each hit is then validated by a small hand-written
//! scanner, cheapest necessary conditions (a separator after the key) first. Only the
//! value is reported, never the key name.
//!
//! Placeholders are never reported: empty values, `<password>`, `${VAR}`, `%s`, `{{token}}`,
//! `***`, `xxx`, `null`/`None`/`true`, our own `[SECRET-1]`, prose ("password is required").
//! `changeme` and similar well-known defaults ARE reported: they are real, working
//! credentials far more often than placeholders, and redacting one costs nothing.

use super::{Category, Detector, Finding};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

pub struct SecretDetector;

/// Bytes a token body may be made of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cs {
    /// `[A-Za-z0-9]`
    Alnum,
    /// `[A-Za-z0-9_]`
    Word,
    /// `[A-Za-z0-9_-]`
    Url,
    /// `[A-Za-z0-9_.-]`
    UrlDot,
    /// `[A-Za-z0-9+/=_-]`
    B64,
    /// `[0-9a-fA-F]`
    Hex,
    /// `[A-Z0-9]`
    Upper,
    /// `[a-z0-9]`
    Lower,
    /// `[a-z0-9-]`
    LowerDash,
    /// `[A-Z0-9-]`
    UpperDash,
    /// `[A-Za-z0-9/_-]` (URL paths of webhooks)
    Path,
    /// `[A-Za-z0-9$]`
    Dollar,
    /// `[A-Za-z0-9%]`
    Pct,
}

impl Cs {
    #[inline]
    fn has(self, b: u8) -> bool {
        match self {
            Cs::Alnum => b.is_ascii_alphanumeric(),
            Cs::Word => b.is_ascii_alphanumeric() || b == b'_',
            Cs::Url => b.is_ascii_alphanumeric() || b == b'_' || b == b'-',
            Cs::UrlDot => b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'),
            Cs::B64 => b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'_' | b'-'),
            Cs::Hex => b.is_ascii_hexdigit(),
            Cs::Upper => b.is_ascii_uppercase() || b.is_ascii_digit(),
            Cs::Lower => b.is_ascii_lowercase() || b.is_ascii_digit(),
            Cs::LowerDash => b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-',
            Cs::UpperDash => b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-',
            Cs::Path => b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-'),
            Cs::Dollar => b.is_ascii_alphanumeric() || b == b'$',
            Cs::Pct => b.is_ascii_alphanumeric() || b == b'%',
        }
    }
}

/// What to do after a prefix match.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A token: prefix plus a body of `min..=max` bytes of `cs`.
    Token,
    /// A token whose prefix is only part of a longer word (`hooks.slack.com/services/`):
    /// only the body is reported.
    Tail,
    Jwt,
    Pem,
    PemBase64,
    Telegram,
    AzureSecret,
    Twilio,
    SendGrid,
    /// Terraform Cloud: 14 characters, `.atlasv1.`, 60+ more.
    Atlas,
    /// A fixed suffix after `min` bytes of `cs` (`...NRAL`, `...-us12`).
    Suffix,
}

struct Tok {
    pat: &'static str,
    rule: &'static str,
    kind: Kind,
    min: usize,
    max: usize,
    cs: Cs,
}

const fn t(pat: &'static str, rule: &'static str, min: usize, max: usize, cs: Cs) -> Tok {
    Tok {
        pat,
        rule,
        kind: Kind::Token,
        min,
        max,
        cs,
    }
}

const fn special(pat: &'static str, rule: &'static str, kind: Kind) -> Tok {
    Tok {
        pat,
        rule,
        kind,
        min: 0,
        max: 0,
        cs: Cs::Alnum,
    }
}

const fn tail(pat: &'static str, rule: &'static str, min: usize, cs: Cs) -> Tok {
    Tok {
        pat,
        rule,
        kind: Kind::Tail,
        min,
        max: 512,
        cs,
    }
}

/// Documented token prefixes. `min`/`max` bound the body after the prefix.
static TOKENS: &[Tok] = &[
    // AWS
    t("AKIA", "secret.aws_access_key", 16, 16, Cs::Upper),
    t("ASIA", "secret.aws_access_key", 16, 16, Cs::Upper),
    t("ABIA", "secret.aws_access_key", 16, 16, Cs::Upper),
    t("ACCA", "secret.aws_access_key", 16, 16, Cs::Upper),
    t("A3T", "secret.aws_access_key", 17, 17, Cs::Upper),
    t("amzn.mws.", "secret.aws_mws_key", 36, 36, Cs::LowerDash),
    t("da2-", "secret.aws_appsync_key", 26, 26, Cs::Lower),
    // A short-lived Bedrock key is the base64 of a presigned `bedrock.amazonaws.com/` URL.
    t(
        "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t",
        "secret.aws_bedrock_key",
        0,
        4096,
        Cs::B64,
    ),
    // Any other body: long enough to carry a signature.
    t(
        "bedrock-api-key-",
        "secret.aws_bedrock_key",
        32,
        4096,
        Cs::B64,
    ),
    t("ABSK", "secret.aws_bedrock_key", 60, 1024, Cs::B64),
    // GitHub
    t("ghp_", "secret.github_token", 30, 255, Cs::Word),
    t("gho_", "secret.github_token", 30, 255, Cs::Word),
    t("ghu_", "secret.github_token", 30, 255, Cs::Word),
    t("ghs_", "secret.github_token", 30, 1024, Cs::UrlDot),
    t("ghr_", "secret.github_token", 30, 255, Cs::Word),
    t("github_pat_", "secret.github_token", 22, 255, Cs::Word),
    // GitLab
    t("glpat-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("gloas-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("gldt-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("glrt-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("glrtr-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("glcbt-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("glptt-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("glft-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("glimt-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("glagent-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("glsoat-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("glffct-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("glwt-", "secret.gitlab_token", 20, 255, Cs::UrlDot),
    t("GR1348941", "secret.gitlab_token", 20, 64, Cs::Url),
    // Slack
    t("xoxb-", "secret.slack_token", 10, 255, Cs::Url),
    t("xoxp-", "secret.slack_token", 10, 255, Cs::Url),
    t("xoxa-", "secret.slack_token", 10, 255, Cs::Url),
    t("xoxo-", "secret.slack_token", 10, 255, Cs::Url),
    t("xoxs-", "secret.slack_token", 10, 255, Cs::Url),
    t("xoxr-", "secret.slack_token", 10, 255, Cs::Url),
    t("xoxe-", "secret.slack_token", 10, 255, Cs::Url),
    t("xoxe.xoxp-", "secret.slack_token", 10, 255, Cs::Url),
    t("xapp-", "secret.slack_token", 10, 255, Cs::Url),
    tail(
        "hooks.slack.com/services/",
        "secret.slack_webhook",
        20,
        Cs::Path,
    ),
    tail(
        "hooks.slack.com/workflows/",
        "secret.slack_webhook",
        20,
        Cs::Path,
    ),
    tail(
        "hooks.slack.com/triggers/",
        "secret.slack_webhook",
        20,
        Cs::Path,
    ),
    tail(
        "discord.com/api/webhooks/",
        "secret.discord_webhook",
        20,
        Cs::Path,
    ),
    tail(
        "discordapp.com/api/webhooks/",
        "secret.discord_webhook",
        20,
        Cs::Path,
    ),
    // Stripe
    t("sk_live_", "secret.stripe_key", 16, 255, Cs::Alnum),
    t("rk_live_", "secret.stripe_key", 16, 255, Cs::Alnum),
    t("pk_live_", "secret.stripe_key", 16, 255, Cs::Alnum),
    t("sk_test_", "secret.stripe_key", 16, 255, Cs::Alnum),
    t("rk_test_", "secret.stripe_key", 16, 255, Cs::Alnum),
    t("sk_prod_", "secret.stripe_key", 16, 255, Cs::Alnum),
    t("rk_prod_", "secret.stripe_key", 16, 255, Cs::Alnum),
    t("pk_test_", "secret.stripe_key", 16, 255, Cs::Alnum),
    t("whsec_", "secret.stripe_key", 24, 255, Cs::Alnum),
    // Google
    t("AIza", "secret.google_api_key", 35, 35, Cs::Url),
    t("GOCSPX-", "secret.google_oauth", 20, 64, Cs::Url),
    t("ya29.", "secret.google_oauth", 20, 2048, Cs::UrlDot),
    t("1//0", "secret.google_oauth", 30, 512, Cs::Url),
    // AI providers
    t("sk-ant-", "secret.anthropic_key", 32, 255, Cs::Url),
    t("sk-proj-", "secret.openai_key", 20, 255, Cs::Url),
    t("sk-svcacct-", "secret.openai_key", 20, 255, Cs::Url),
    t("sk-admin-", "secret.openai_key", 20, 255, Cs::Url),
    t("sk-", "secret.openai_key", 20, 255, Cs::Url),
    t("gsk_", "secret.groq_key", 40, 64, Cs::Alnum),
    t("pplx-", "secret.perplexity_key", 40, 64, Cs::Alnum),
    t("tgp_v1_", "secret.together_key", 40, 64, Cs::Url),
    t("xai-", "secret.xai_key", 70, 100, Cs::Alnum),
    t("llx-", "secret.llamacloud_key", 40, 64, Cs::Url),
    t("hf_", "secret.huggingface_token", 30, 40, Cs::Alnum),
    t("tvly-", "secret.tavily_key", 28, 64, Cs::Url),
    // Package registries and developer platforms
    t("npm_", "secret.npm_token", 36, 36, Cs::Alnum),
    t("pypi-AgE", "secret.pypi_token", 50, 1024, Cs::Url),
    t("rubygems_", "secret.rubygems_key", 48, 48, Cs::Hex),
    t("oy2", "secret.nuget_key", 43, 43, Cs::Lower),
    t("CLOJARS_", "secret.clojars_token", 40, 80, Cs::Alnum),
    t("dckr_pat_", "secret.docker_token", 20, 64, Cs::Url),
    t("dckr_oat_", "secret.docker_token", 20, 64, Cs::Url),
    t("SWMTKN-1-", "secret.docker_swarm", 50, 128, Cs::LowerDash),
    t("SWMKEY-1-", "secret.docker_swarm", 40, 64, Cs::B64),
    t("AKCp", "secret.jfrog_token", 69, 69, Cs::Alnum),
    t("cmVmdGtuOjAx", "secret.jfrog_token", 50, 80, Cs::B64),
    t("ATATT3", "secret.atlassian_token", 60, 512, Cs::B64),
    t("ATCTT3", "secret.bitbucket_token", 60, 512, Cs::B64),
    t("ATBB", "secret.bitbucket_token", 28, 40, Cs::Alnum),
    t("BBDC-", "secret.bitbucket_token", 40, 64, Cs::Url),
    t("PMAK-", "secret.postman_key", 50, 64, Cs::LowerDash),
    t("PMAT-", "secret.postman_key", 26, 26, Cs::Upper),
    t("sntrys_eyJ", "secret.sentry_token", 50, 1024, Cs::B64),
    t("sntryu_", "secret.sentry_token", 64, 64, Cs::Hex),
    t("squ_", "secret.sonarqube_token", 40, 40, Cs::Hex),
    t("sqp_", "secret.sonarqube_token", 40, 40, Cs::Hex),
    t("sqa_", "secret.sonarqube_token", 40, 40, Cs::Hex),
    t("lin_api_", "secret.linear_key", 40, 40, Cs::Alnum),
    t("ntn_", "secret.notion_token", 40, 50, Cs::Alnum),
    t("figd_", "secret.figma_token", 40, 64, Cs::Url),
    t("vcp_", "secret.vercel_token", 50, 64, Cs::Alnum),
    t("vci_", "secret.vercel_token", 50, 64, Cs::Alnum),
    t("vca_", "secret.vercel_token", 50, 64, Cs::Alnum),
    t("vcr_", "secret.vercel_token", 50, 64, Cs::Alnum),
    t("vck_", "secret.vercel_token", 50, 64, Cs::Alnum),
    t("nfp_", "secret.netlify_token", 36, 64, Cs::Alnum),
    t("cosmo_", "secret.wundergraph_key", 32, 32, Cs::Hex),
    t("phc_", "secret.posthog_key", 30, 70, Cs::Alnum),
    t("phs_", "secret.posthog_key", 30, 70, Cs::Alnum),
    t("phr_", "secret.posthog_key", 30, 70, Cs::Alnum),
    t("pha_", "secret.posthog_key", 30, 70, Cs::Alnum),
    t("phx_", "secret.posthog_key", 30, 70, Cs::Alnum),
    // Cloud and infrastructure
    t("dop_v1_", "secret.digitalocean_token", 64, 64, Cs::Hex),
    t("doo_v1_", "secret.digitalocean_token", 64, 64, Cs::Hex),
    t("dor_v1_", "secret.digitalocean_token", 64, 64, Cs::Hex),
    t("hvs.", "secret.vault_token", 24, 512, Cs::UrlDot),
    t("hvb.", "secret.vault_token", 24, 512, Cs::UrlDot),
    t("hvr.", "secret.vault_token", 24, 512, Cs::UrlDot),
    t("dp.pt.", "secret.doppler_token", 40, 50, Cs::Alnum),
    t("dp.st.", "secret.doppler_token", 40, 50, Cs::UrlDot),
    t("dp.ct.", "secret.doppler_token", 40, 50, Cs::Alnum),
    t("dp.sa.", "secret.doppler_token", 40, 50, Cs::Alnum),
    t("dp.scim.", "secret.doppler_token", 40, 50, Cs::Alnum),
    t("dp.audit.", "secret.doppler_token", 40, 50, Cs::Alnum),
    t("ops_eyJ", "secret.1password_token", 100, 4096, Cs::B64),
    t("cfat_", "secret.cloudflare_token", 40, 64, Cs::Alnum),
    t("cfut_", "secret.cloudflare_token", 40, 64, Cs::Alnum),
    t("cfk_", "secret.cloudflare_token", 40, 64, Cs::Alnum),
    t("dapi", "secret.databricks_token", 32, 32, Cs::Hex),
    t(
        "dnkey-",
        "secret.defined_networking_key",
        40,
        100,
        Cs::UpperDash,
    ),
    t("HRKU-", "secret.heroku_key", 36, 80, Cs::Url),
    t("LTAI", "secret.alibaba_key", 12, 20, Cs::Alnum),
    t("akab-", "secret.akamai_token", 20, 64, Cs::LowerDash),
    t("AGE-SECRET-KEY-1", "secret.age_key", 50, 64, Cs::Upper),
    t("pscale_pw_", "secret.planetscale_token", 32, 64, Cs::UrlDot),
    t(
        "pscale_tkn_",
        "secret.planetscale_token",
        32,
        64,
        Cs::UrlDot,
    ),
    t(
        "pscale_oauth_",
        "secret.planetscale_token",
        32,
        64,
        Cs::UrlDot,
    ),
    t("sbp_", "secret.supabase_token", 40, 50, Cs::Word),
    t("glc_eyJ", "secret.grafana_token", 50, 1024, Cs::B64),
    t("glsa_", "secret.grafana_token", 32, 50, Cs::Word),
    t("eyJrIjoi", "secret.grafana_token", 50, 1024, Cs::B64),
    t("NRAK-", "secret.newrelic_key", 27, 27, Cs::Upper),
    t("NRJS-", "secret.newrelic_key", 19, 19, Cs::Hex),
    t("NRBR-", "secret.newrelic_key", 19, 19, Cs::Hex),
    t("NRII-", "secret.newrelic_key", 20, 40, Cs::Url),
    t("NRAA-", "secret.newrelic_key", 27, 27, Cs::Upper),
    t("xkeysib-", "secret.brevo_key", 64, 100, Cs::Url),
    t("xsmtpsib-", "secret.brevo_key", 64, 100, Cs::Url),
    t("key-", "secret.mailgun_key", 32, 32, Cs::Hex),
    t("sq0atp-", "secret.square_token", 22, 64, Cs::Url),
    t("sq0csp-", "secret.square_token", 40, 64, Cs::Url),
    t("EAAA", "secret.square_token", 60, 300, Cs::Url),
    t("EAA", "secret.facebook_token", 80, 400, Cs::Alnum),
    t("IGQVJ", "secret.instagram_token", 100, 400, Cs::Url),
    t("sl.", "secret.dropbox_token", 100, 1400, Cs::Url),
    t("shpat_", "secret.shopify_token", 32, 32, Cs::Alnum),
    t("shpss_", "secret.shopify_token", 32, 32, Cs::Alnum),
    t("shpca_", "secret.shopify_token", 32, 32, Cs::Alnum),
    t("shppa_", "secret.shopify_token", 32, 32, Cs::Alnum),
    t(
        "access_token$production$",
        "secret.braintree_token",
        40,
        100,
        Cs::Dollar,
    ),
    t("TlRMTVNTUAAD", "secret.ntlm_response", 40, 4096, Cs::B64),
    t(
        "AAAAAAAAAAAAAAAAAAAAA",
        "secret.x_bearer_token",
        50,
        250,
        Cs::Pct,
    ),
    t("3MVG", "secret.salesforce_client", 60, 100, Cs::UrlDot),
    t("wx", "secret.wechat_app_id", 16, 16, Cs::Hex),
    special("SG.", "secret.sendgrid_key", Kind::SendGrid),
    special(".atlasv1.", "secret.terraform_token", Kind::Atlas),
    Tok {
        pat: "NRAL",
        rule: "secret.newrelic_key",
        kind: Kind::Suffix,
        min: 36,
        max: 36,
        cs: Cs::Lower,
    },
    Tok {
        pat: "-us",
        rule: "secret.mailchimp_key",
        kind: Kind::Suffix,
        min: 32,
        max: 32,
        cs: Cs::Alnum,
    },
    special("SK", "secret.twilio_key", Kind::Twilio),
    special("AC", "secret.twilio_key", Kind::Twilio),
    special(":AA", "secret.telegram_bot_token", Kind::Telegram),
    special("Q~", "secret.azure_client_secret", Kind::AzureSecret),
    special("eyJ", "secret.jwt", Kind::Jwt),
    special("-----BEGIN ", "secret.private_key", Kind::Pem),
    // base64 of "PRIVATE KEY-----" at the three alignments.
    special(
        "UFJJVkFURSBLRVkt",
        "secret.private_key_base64",
        Kind::PemBase64,
    ),
    special(
        "BSSVZBVEUgS0VZLS0t",
        "secret.private_key_base64",
        Kind::PemBase64,
    ),
    special(
        "UklWQVRFIEtFWS0t",
        "secret.private_key_base64",
        Kind::PemBase64,
    ),
];

/// Shortest possible token of any kind but PEM (`xoxb-` + 10, a JWT `eyJ...` of 14): a
/// token always lies in a run of at least this many token bytes.
const MIN_TOKEN: usize = 14;

/// Bytes a token may be made of: the union of every `Cs` class and of the prefix bytes.
static TOKEN_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'_' | b'-' | b'.' | b'/' | b'+' | b'=' | b'$' | b'%' | b':' | b'~'
            );
        c += 1;
    }
    t
};

/// Whether a pattern of this kind may start inside a word (no left boundary needed).
fn mid_word(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::PemBase64 | Kind::Telegram | Kind::AzureSecret | Kind::Atlas | Kind::Suffix
    )
}

/// Per-position dispatch over `TOKENS` (PEM excluded): a bitset of the first two bytes of
/// every pattern (and of those that may start mid-word), and for each first byte the
/// pattern indices, longest first (so the first that matches is the longest, as a
/// leftmost-longest automaton would pick).
struct Dispatch {
    any: [u64; 1024],
    mid: [u64; 1024],
    by_first: Vec<Vec<usize>>,
}

/// `[A-Za-z0-9_]`
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_';
        c += 1;
    }
    t
};

static DISPATCH: LazyLock<Dispatch> = LazyLock::new(|| {
    let mut d = Dispatch {
        any: [0; 1024],
        mid: [0; 1024],
        by_first: vec![Vec::new(); 256],
    };
    for (i, tok) in TOKENS.iter().enumerate() {
        let p = tok.pat.as_bytes();
        if tok.kind == Kind::Pem || p.len() < 2 {
            continue;
        }
        let bi = usize::from(p[0]) << 8 | usize::from(p[1]);
        d.any[bi >> 6] |= 1 << (bi & 63);
        if mid_word(tok.kind) {
            d.mid[bi >> 6] |= 1 << (bi & 63);
        }
        if let Some(l) = d.by_first.get_mut(usize::from(p[0])) {
            l.push(i);
        }
    }
    for l in &mut d.by_first {
        l.sort_by_key(|&i| std::cmp::Reverse(TOKENS.get(i).map_or(0, |t| t.pat.len())));
    }
    d
});

static PEM_BEGIN: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"-----BEGIN "));

/// The pattern lists are constants known to build; this keeps `expect` off the hot path.
fn fallback_matcher() -> AhoCorasick {
    AhoCorasick::new(["\u{0}never\u{0}"]).unwrap_or_else(|_| std::process::abort())
}

/// Key-name stems (case-insensitive) that start a key-value check, each searched by a
/// needle: a part of the stem (at the given offset in it) that is rare in prose (`ecret`,
/// not `sec`: "second"). Needles of 4+ bytes go to one multi-pattern search whose SIMD
/// prefilter keys on their first 4 bytes (one 3-byte needle would cut all fingerprints down
/// to 3 bytes, which match far more often); 3-byte ones go to a second such search, and
/// `pw` to memmem. A needle hit is checked against the whole stem.
const KEY_STEMS: &[(&str, &str, usize)] = &[
    ("pass", "pass", 0),
    ("pw", "pw", 0),
    ("psw", "psw", 0),
    ("pssw", "pssw", 0),
    ("pasw", "pasw", 0),
    ("secret", "ecret", 1),
    ("token", "token", 0),
    ("key", "key", 0),
    ("auth", "auth", 0),
    ("cred", "cred", 0),
    ("sess", "sess", 0),
    ("cookie", "cookie", 0),
    ("bearer", "bearer", 0),
    ("basic ", "sic ", 2),
    ("api", "api", 0),
    ("identified by", "ified by", 5),
    ("convertto-securestring", "o-securestring", 8),
    ("mysql", "ysql", 1),
    ("mariadb", "iadb", 3),
    ("curl ", "url ", 1),
];

/// Shortest needle of the multi-pattern search (`KEY_MATCHER`).
const LONG_NEEDLE: usize = 4;

/// Indices in KEY_STEMS of the needles of `KEY_MATCHER`, in its pattern order.
static LONG_NEEDLES: LazyLock<Vec<usize>> = LazyLock::new(|| {
    (0..KEY_STEMS.len())
        .filter(|&k| KEY_STEMS.get(k).is_some_and(|s| s.1.len() >= LONG_NEEDLE))
        .collect()
});

/// Indices in KEY_STEMS of the 3-byte needles, in the pattern order of `KEY_MATCHER3`.
static NEEDLES3: LazyLock<Vec<usize>> = LazyLock::new(|| {
    (0..KEY_STEMS.len())
        .filter(|&k| KEY_STEMS.get(k).is_some_and(|s| s.1.len() == 3))
        .collect()
});

static KEY_MATCHER3: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(
            NEEDLES3
                .iter()
                .filter_map(|&k| KEY_STEMS.get(k).map(|s| s.1)),
        )
        .unwrap_or_else(|_| fallback_matcher())
});

/// The 2-byte needles (`pw`), searched one by one.
static SHORT_NEEDLES: LazyLock<Vec<(usize, memchr::memmem::Finder<'static>)>> =
    LazyLock::new(|| {
        KEY_STEMS
            .iter()
            .enumerate()
            .filter(|(_, s)| s.1.len() < 3)
            .map(|(k, s)| (k, memchr::memmem::Finder::new(s.1.as_bytes())))
            .collect()
    });

/// Case-sensitive over lower-cased text: unlike an ASCII-case-insensitive automaton, this
/// keeps the SIMD (Teddy) prefilter of aho-corasick on, which skips text without a needle.
static KEY_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(
            LONG_NEEDLES
                .iter()
                .filter_map(|&k| KEY_STEMS.get(k).map(|s| s.1)),
        )
        .unwrap_or_else(|_| fallback_matcher())
});

impl Detector for SecretDetector {
    fn categories(&self) -> &[Category] {
        &[Category::Secret]
    }

    fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let start = out.len();
        tokens(bytes, out);
        key_values(bytes, out);
        // Findings must sit on char boundaries; values are ASCII-delimited, but a body
        // scanner stopping inside a multi-byte char must never reach the engine.
        let mut i = start;
        while i < out.len() {
            let f = &out[i];
            if text.is_char_boundary(f.start) && text.is_char_boundary(f.end) && f.start < f.end {
                i += 1;
            } else {
                out.swap_remove(i);
            }
        }
    }
}

#[inline]
fn byte(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

#[inline]
fn prev(b: &[u8], i: usize) -> u8 {
    if i == 0 {
        0
    } else {
        byte(b, i - 1)
    }
}

/// Whether a token may start at `i`: not glued to a preceding word. An ANSI colour escape
/// (`\x1b[93m`) right before counts as a boundary.
fn left_boundary(b: &[u8], i: usize) -> bool {
    let p = prev(b, i);
    if !(p.is_ascii_alphanumeric() || p == b'_') {
        return true;
    }
    if p == b'm' {
        let mut j = i - 1;
        while j > 0 && (b[j - 1].is_ascii_digit() || b[j - 1] == b';') {
            j -= 1;
        }
        return j >= 2 && b[j - 1] == b'[' && b[j - 2] == 0x1b;
    }
    false
}

/// Length of the run of `cs` bytes from `i`, at most `max + 1`.
fn run(b: &[u8], i: usize, cs: Cs, max: usize) -> usize {
    let mut n = 0;
    while n <= max && cs.has(byte(b, i + n)) {
        n += 1;
    }
    n
}

/// A token body that is a placeholder, recognised by what placeholders are made of, never
/// by how random the body looks (a structurally valid token with a regular body, such as
/// `sk-ant-api03-abc123...`, is still a token): a masked run (`xxxxxx`, `######`, `******`),
/// one repeated character, a short unit repeated (`123123123123`), the prefix written twice
/// (`xoxb-xoxb-...`), the word `example`, or words only with a placeholder word among them
/// (`your-token-here`, `Slack_BOT_TOKEN`, `SlackAppConfigurationAccessTokenHere`).
fn placeholder_token(prefix: &[u8], v: &[u8]) -> bool {
    if masked_or_repeated(v) {
        return true;
    }
    let lower: Vec<u8> = v.iter().map(|c| c.to_ascii_lowercase()).collect();
    let has = |n: &[u8]| has_sub(&lower, n);
    let p = prefix.to_ascii_lowercase();
    if p.len() >= 3 && lower.starts_with(&p) {
        return true;
    }
    // Words only: every part between separators is letters, or a 1-2 digit version.
    let parts = || {
        v.split(|c| matches!(c, b'-' | b'_' | b'.'))
            .filter(|w| !w.is_empty())
    };
    let words_only = parts().all(|w| {
        w.iter().all(u8::is_ascii_alphabetic) || (w.len() <= 2 && w.iter().all(u8::is_ascii_digit))
    });
    words_only && PLACEHOLDER_WORDS.iter().any(|w| has(w.as_bytes()))
}

/// A masked or made-up value: one repeated character, a masked run (`xxxxxx`, `######`,
/// `******`), `example`, or a short unit repeated over the whole value (`123123123123`).
fn masked_or_repeated(v: &[u8]) -> bool {
    if v.len() >= 6 && v.iter().all(|&c| c == v[0]) {
        return true;
    }
    let lower: Vec<u8> = v.iter().map(|c| c.to_ascii_lowercase()).collect();
    let has = |n: &[u8]| has_sub(&lower, n);
    if has(b"xxxxxx") || has(b"######") || has(b"******") || has(b"example") {
        return true;
    }
    // Ten times the same lower-case letter in a row: padding typed by hand (`AIzaaaaaaa...`);
    // base64 of binary data has runs of `A`, not of lower-case letters.
    if v.windows(10)
        .any(|w| w[0].is_ascii_lowercase() && w.iter().all(|&c| c == w[0]))
    {
        return true;
    }
    // A short unit repeated over the whole value: `123123123123`,
    // `0123456789abcdef0123456789abcdef...`.
    let periodic = |k: usize| {
        let run = v.iter().skip(k).zip(v).take_while(|(a, b)| a == b).count() + k;
        run >= 2 * k && run == v.len()
    };
    v.len() >= 12 && (1..=16).any(periodic)
}

/// Filler typed into a token template: the body starts with the alphabet (`abcdefg...`,
/// `123456789abcdef...`: seven or more characters in `0-9a-z` order, letters among them) or
/// ends with six or more (`...012345`). A team id at the start (`xoxb-123456789012-...`)
/// is digits only and stays a token.
fn typed_filler(v: &[u8]) -> bool {
    const ORDER: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let rank = |c: u8| ORDER.iter().position(|&o| o == c.to_ascii_lowercase());
    let next = |a: u8, b: u8| matches!((rank(a), rank(b)), (Some(x), Some(y)) if y == x + 1);
    let head = 1 + v.windows(2).take_while(|w| next(w[0], w[1])).count();
    let tail = 1 + v.windows(2).rev().take_while(|w| next(w[0], w[1])).count();
    let head_letters = v.iter().take(head).any(u8::is_ascii_alphabetic);
    v.len() >= 12 && ((head >= 7 && head_letters) || tail >= 6)
}

/// Words a placeholder token is written with (4+ letters: a random body holds none).
const PLACEHOLDER_WORDS: &[&str] = &[
    "your",
    "here",
    "token",
    "secret",
    "random",
    "string",
    "replace",
    "insert",
    "placeholder",
    "changeme",
    "dummy",
    "sample",
    "example",
    "initial",
];

/// Slack tokens start with a digit group after the prefix: a one-digit version (`xoxe-1-`,
/// `xapp-1-`) or a team/user id of 6+ digits, then `-` and more.
fn slack_shape(prefix: &[u8], v: &[u8]) -> bool {
    // Workspace tokens (`xoxa-`, `xoxr-`) are an optional version and letters and digits.
    if matches!(prefix, b"xoxa-" | b"xoxr-") {
        return true;
    }
    let digits = v.iter().take_while(|c| c.is_ascii_digit()).count();
    // ... and end in a group of letters and digits (`-e708ba56e1...`), not in an id.
    let last = v.rsplit(|&c| c == b'-').next().unwrap_or_default();
    (digits == 1 || digits >= 6)
        && v.get(digits) == Some(&b'-')
        && v.len() > digits + 1
        && last.iter().any(u8::is_ascii_alphabetic)
}

/// Documented shapes inside a prefix: Anthropic `api03`/`admin01` keys have a body of 95
/// characters (80 at least is asked, for keys cut by a copy).
fn documented_shape(prefix: &[u8], v: &[u8]) -> bool {
    match prefix {
        b"sk-ant-" => {
            let rest = v
                .strip_prefix(b"api03-")
                .or_else(|| v.strip_prefix(b"admin01-"));
            rest.map_or(true, |r| r.len() >= 80)
        }
        _ => true,
    }
}

/// Obvious fakes inside a token body: `EXAMPLE`, `xxxxxx`, one repeated character, five
/// ascending digits or letters (`12345`, `abcde`, `KLMNO`).
fn looks_fake(v: &[u8]) -> bool {
    if v.len() >= 6 && v.iter().all(|&c| c == v[0]) {
        return true;
    }
    let lower: Vec<u8> = v.iter().map(|c| c.to_ascii_lowercase()).collect();
    let has = |n: &[u8]| has_sub(&lower, n);
    has(b"example")
        || has(b"xxxxxx")
        || has(b"your_")
        || lower.windows(5).any(|w| {
            (w.iter().all(u8::is_ascii_digit) || w.iter().all(u8::is_ascii_lowercase))
                && w.windows(2).all(|p| p[1] == p[0].wrapping_add(1))
        })
}

fn tokens(b: &[u8], out: &mut Vec<Finding>) {
    // PEM blocks (their header holds a space, so they are not in a token run).
    let mut pem_spans: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    while let Some(p) = b.get(pos..).and_then(|r| PEM_BEGIN.find(r)) {
        let at = pos + p;
        match pem(b, at) {
            Some((s, e)) => {
                out.push(Finding::new(
                    Category::Secret,
                    "secret.private_key",
                    s,
                    e,
                    "documented token format",
                ));
                pem_spans.push((s, e));
                pos = e.max(at + 1);
            }
            None => pos = at + 1,
        }
    }
    // Every other token lies in a run of at least MIN_TOKEN token bytes. Blocks of 64 bytes
    // are classified at once (a bit mask); only blocks holding such a run are scanned.
    let n = b.len();
    let mut i = 0; // runs starting before `i` are done; b[i - 1] is not a token byte
    let mut k = 0; // block start
    let mut carry = 0; // token bytes right before `k`
    let mut cache = (usize::MAX, 0); // (block start, cand_mask of the block)
    while k + 64 <= n {
        let Some(block) = b.get(k..k + 64) else {
            break;
        };
        let m = token_mask(block);
        let lead = m.trailing_ones() as usize;
        if has_run(m) || (lead > 0 && carry + lead >= MIN_TOKEN) {
            i = i.max(k - carry);
            i = scan_runs(b, i, k + 64, &pem_spans, &mut cache, out);
        }
        if i > k + 64 {
            // A run was followed past this block; `b[i - 1]` is not a token byte.
            k = i;
            carry = 0;
        } else {
            carry = if m == u64::MAX {
                carry + 64
            } else {
                m.leading_ones() as usize
            };
            k += 64;
        }
    }
    if k < n {
        i = i.max(k - carry);
        scan_runs(b, i, n, &pem_spans, &mut cache, out);
    }
}

/// Printable ASCII: a superset of the token bytes (`TOKEN_BYTE`) that costs one compare.
#[inline(always)]
fn token_byte(c: u8) -> bool {
    c.wrapping_sub(0x21) < 0x5e
}

/// Bit `i` set when `block[i]` is printable (block of 64 bytes).
#[inline(never)]
fn token_mask(block: &[u8]) -> u64 {
    let mut flags = [0u8; 64];
    for (f, &c) in flags.iter_mut().zip(block) {
        *f = u8::from(token_byte(c));
    }
    pack64(&flags)
}

/// Packs 64 flags (each 0 or 1) into a mask, bit `i` for `flags[i]`.
#[inline(always)]
fn pack64(flags: &[u8; 64]) -> u64 {
    let mut m = 0u64;
    for (g, chunk) in flags.chunks_exact(8).enumerate() {
        let mut x = [0u8; 8];
        x.copy_from_slice(chunk);
        // Each byte is 0 or 1: the multiply gathers byte `j` into bit 56 + j.
        let bits = u64::from_le_bytes(x).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        m |= bits << (8 * g);
    }
    m
}

#[inline(always)]
fn word_byte(x: u8) -> bool {
    ((x | 0x20).wrapping_sub(b'a') < 26) | (x.wrapping_sub(b'0') < 10) | (x == b'_')
}

/// The first two bytes of every mid-word pattern (checked in `tests::mid_word_bigrams`).
const MID_BIGRAMS: [[u8; 2]; 8] = [
    *b"NR", *b"-u", *b":A", *b"Q~", *b".a", *b"UF", *b"Uk", *b"BS",
];

/// Positions of the 64-byte block at `k` where a pattern may start: a word byte after a
/// non-word byte (or after `m`, the end of an ANSI colour code), or the first two bytes
/// of a mid-word pattern.
#[inline(never)]
fn cand_mask(b: &[u8], k: usize) -> u64 {
    // w[j + 1] = b[k + j] for j in -1..=64, zero outside the text.
    let mut w = [0u8; 66];
    let lo = k.saturating_sub(1);
    let hi = b.len().min(k + 65);
    if let Some(src) = b.get(lo..hi) {
        let off = lo + 1 - k;
        if let Some(dst) = w.get_mut(off..off + src.len()) {
            dst.copy_from_slice(src);
        }
    }
    // Simple loops over the block (not over the bigrams) so that they vectorize.
    let (prev, cur, next) = (&w[..64], &w[1..65], &w[2..66]);
    let mut f = [0u8; 64];
    for ((x, &p), &c) in f.iter_mut().zip(prev).zip(cur) {
        *x = u8::from(word_byte(c) & (!word_byte(p) | (p == b'm')));
    }
    for [x0, x1] in MID_BIGRAMS {
        for ((x, &c), &nx) in f.iter_mut().zip(cur).zip(next) {
            *x |= u8::from((c == x0) & (nx == x1));
        }
    }
    pack64(&f)
}

/// Whether the mask holds MIN_TOKEN (14) consecutive set bits.
#[inline]
fn has_run(m: u64) -> bool {
    let m2 = m & (m >> 1);
    let m4 = m2 & (m2 >> 2);
    let m8 = m4 & (m4 >> 4);
    m8 & (m8 >> 6) != 0
}

/// Scans every run of at least MIN_TOKEN token bytes that starts in `i..limit` (`b[i - 1]`
/// not a token byte); returns where the next run may start.
fn scan_runs(
    b: &[u8],
    mut i: usize,
    limit: usize,
    pem_spans: &[(usize, usize)],
    cache: &mut (usize, u64),
    out: &mut Vec<Finding>,
) -> usize {
    let n = b.len();
    while i < limit {
        let Some(skip) = b
            .get(i..limit)
            .and_then(|r| r.iter().position(|&c| TOKEN_BYTE[usize::from(c)]))
        else {
            return limit;
        };
        i += skip;
        let len = b[i..]
            .iter()
            .position(|&c| !TOKEN_BYTE[usize::from(c)])
            .unwrap_or(n - i);
        let e = i + len;
        if len >= MIN_TOKEN && !pem_spans.iter().any(|&(ps, pe)| i < pe && e > ps) {
            scan_run(b, i, e, cache, out);
        }
        i = e + 1;
    }
    i
}

fn push_token(out: &mut Vec<Finding>, tok: &Tok, s: usize, e: usize) {
    out.push(Finding::new(
        Category::Secret,
        tok.rule,
        s,
        e,
        "documented token format",
    ));
}

/// Tries every pattern position in the token run `b[rs..re]`, left to right; after a token
/// the scan resumes at its end.
fn scan_run(b: &[u8], rs: usize, re: usize, cache: &mut (usize, u64), out: &mut Vec<Finding>) {
    let d = &*DISPATCH;
    let mut p = rs;
    while p + 1 < re {
        let k = p - p % 64;
        if cache.0 != k || k == usize::MAX {
            *cache = (k, cand_mask(b, k));
        }
        let m = cache.1 >> (p - k);
        if m == 0 {
            p = k + 64;
            continue;
        }
        p += m.trailing_zeros() as usize;
        if p + 1 >= re {
            break;
        }
        let bi = usize::from(b[p]) << 8 | usize::from(b[p + 1]);
        let bit = 1u64 << (bi & 63);
        if d.any[bi >> 6] & bit == 0 {
            p += 1;
            continue;
        }
        let boundary = p == 0 || !WORD_BYTE[usize::from(b[p - 1])] || left_boundary(b, p);
        if !boundary && d.mid[bi >> 6] & bit == 0 {
            p += 1;
            continue;
        }
        let rest = &b[p..];
        let hit = d.by_first[usize::from(b[p])]
            .iter()
            .filter_map(|&k| TOKENS.get(k))
            .find(|t| rest.starts_with(t.pat.as_bytes()));
        let Some(tok) = hit else {
            p += 1;
            continue;
        };
        let m_end = p + tok.pat.len();
        let found = match tok.kind {
            _ if !boundary && !mid_word(tok.kind) => None,
            Kind::Token => token(b, p, m_end, tok),
            Kind::Tail => tail_token(b, m_end, tok),
            Kind::Jwt => jwt(b, p),
            Kind::Pem => None,
            Kind::PemBase64 => pem_base64(b, p),
            Kind::Telegram => telegram(b, p),
            Kind::AzureSecret => azure_secret(b, p),
            Kind::Twilio => twilio(b, p),
            Kind::SendGrid => sendgrid(b, p),
            Kind::Atlas => atlas(b, p, m_end),
            Kind::Suffix => suffix_token(b, p, m_end, tok),
        };
        // A failed candidate may hide a longer pattern starting inside it (`:AAAA...`).
        match found {
            Some((s, e)) => {
                push_token(out, tok, s, e);
                p = e.max(p + 1);
            }
            None => p += 1,
        }
    }
}

fn token(b: &[u8], s: usize, body: usize, tok: &Tok) -> Option<(usize, usize)> {
    if !left_boundary(b, s) {
        return None;
    }
    let n = run(b, body, tok.cs, tok.max);
    if n < tok.min || n > tok.max {
        return None;
    }
    let mut e = body + n;
    // A body that ends in `-`, `.` or `=` padding keeps the padding but not trailing dots,
    // unless the body needs them to reach its documented length (`AIza...-`).
    while e > body + tok.min && matches!(byte(b, e - 1), b'.' | b'-') && tok.cs != Cs::LowerDash {
        e -= 1;
    }
    if e - body < tok.min {
        return None;
    }
    let v = &b[body..e];
    if placeholder_token(tok.pat.as_bytes(), v) || typed_filler(v) {
        return None;
    }
    if tok.rule == "secret.slack_token" && !slack_shape(tok.pat.as_bytes(), v) {
        return None;
    }
    if !documented_shape(tok.pat.as_bytes(), v) {
        return None;
    }
    // Generic prefixes need a body that is visibly random: letters and digits.
    let generic = matches!(
        tok.pat,
        "sk-" | "EAA" | "sl." | "key-" | "wx" | "LTAI" | "dapi"
    );
    if generic && !(v.iter().any(u8::is_ascii_digit) && v.iter().any(u8::is_ascii_alphabetic)) {
        return None;
    }
    // age keys are bech32: the checksum tells a real key from a mistyped or made-up one.
    if tok.kind == Kind::Token && tok.rule == "secret.age_key" {
        let hrp = tok.pat.as_bytes().strip_suffix(b"1").unwrap_or_default();
        if !bech32_valid(hrp, v) {
            return None;
        }
    }
    // JFrog API keys are base58: no `0`, `O`, `I` or `l` in a real one.
    if tok.pat == "AKCp" && v.iter().any(|c| matches!(c, b'0' | b'O' | b'I' | b'l')) {
        return None;
    }
    Some((s, e))
}

const BECH32_CHARSET: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

/// The BIP-173 checksum state over the human-readable part and 5-bit values.
fn bech32_polymod(hrp: &[u8], values: impl Iterator<Item = u8>) -> u32 {
    const GEN: [u32; 5] = [
        0x3b6a_57b2,
        0x2650_8e6d,
        0x1ea1_19fa,
        0x3d42_33dd,
        0x2a14_62b3,
    ];
    let mut chk: u32 = 1;
    let mut step = |v: u8| {
        let top = chk >> 25;
        chk = ((chk & 0x01ff_ffff) << 5) ^ u32::from(v);
        for (i, g) in GEN.iter().enumerate() {
            if (top >> i) & 1 == 1 {
                chk ^= g;
            }
        }
    };
    let lower = hrp.iter().map(u8::to_ascii_lowercase);
    lower.clone().for_each(|c| step(c >> 5));
    step(0);
    lower.for_each(|c| step(c & 31));
    values.for_each(&mut step);
    chk
}

/// Whether `data` (case-insensitive bech32 characters, checksum included) is a valid
/// bech32 string for `hrp`.
fn bech32_valid(hrp: &[u8], data: &[u8]) -> bool {
    let mut values = Vec::with_capacity(data.len());
    for c in data {
        let lc = c.to_ascii_lowercase();
        match BECH32_CHARSET.iter().position(|&x| x == lc) {
            Some(v) => values.push(v as u8),
            None => return false,
        }
    }
    data.len() >= 6 && bech32_polymod(hrp, values.into_iter()) == 1
}

fn tail_token(b: &[u8], body: usize, tok: &Tok) -> Option<(usize, usize)> {
    let n = run(b, body, tok.cs, tok.max);
    if n < tok.min || n > tok.max {
        return None;
    }
    Some((body, body + n))
}

/// Standard or URL-safe base64, padding optional; `None` if not base64.
pub(crate) fn b64_decode(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &c in s {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// `header.payload.signature` with a JSON header naming `alg` or `typ`.
fn jwt(b: &[u8], s: usize) -> Option<(usize, usize)> {
    if !left_boundary(b, s) {
        return None;
    }
    let h = run(b, s, Cs::Url, 4096);
    if !(10..=4096).contains(&h) || byte(b, s + h) != b'.' {
        return None;
    }
    let header = b64_decode(&b[s..s + h])?;
    let has = |n: &[u8]| has_sub(&header, n);
    if !(header.first() == Some(&b'{') && (has(b"\"alg\"") || has(b"\"typ\""))) {
        return None;
    }
    let p = run(b, s + h + 1, Cs::Url, 65536);
    if p < 2 || byte(b, s + h + 1 + p) != b'.' {
        return None;
    }
    let sig_start = s + h + 1 + p + 1;
    let sig = run(b, sig_start, Cs::Url, 4096);
    let e = sig_start + sig;
    if placeholder_token(b"", &b[sig_start..e]) {
        return None;
    }
    Some((s, e))
}

/// `-----BEGIN ... PRIVATE KEY-----` to the next `-----END ... PRIVATE KEY-----` (or, for a
/// truncated key, to the end of the base64 lines that follow). Public keys and certificates
/// are not secrets and are skipped.
fn pem(b: &[u8], s: usize) -> Option<(usize, usize)> {
    /// The smallest private key (an Ed25519 PKCS#8 key) is 64 base64 characters.
    const MIN_PEM_BODY: usize = 48;
    const MAX_BLOCK: usize = 64 * 1024;
    let label_start = s + "-----BEGIN ".len();
    let rest = b.get(label_start..)?;
    let label_len = memchr::memmem::find(&rest[..rest.len().min(80)], b"-----")?;
    let label = &rest[..label_len];
    memchr::memmem::find(label, b"PRIVATE KEY")?;
    let after = label_start + label_len + 5;
    let window = &b[after..b.len().min(after + MAX_BLOCK)];
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&window[from..], b"-----END ") {
        let end_label = after + from + p + "-----END ".len();
        let tail = &b[end_label..b.len().min(end_label + 80)];
        if let Some(l) = memchr::memmem::find(tail, b"-----") {
            if memchr::memmem::find(&tail[..l], b"PRIVATE KEY").is_some() {
                // A key block holds a key: a body of a few base64 characters (`anything`,
                // nothing) is a documentation stub, not a key.
                let body = &b[after..end_label - "-----END ".len()];
                let key_chars = body
                    .iter()
                    .filter(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'='))
                    .count();
                if key_chars < MIN_PEM_BODY {
                    return None;
                }
                return Some((s, end_label + l + 5));
            }
        }
        from += p + 1;
    }
    // No END: take the base64-looking lines that follow.
    let mut e = after;
    let mut i = after;
    loop {
        let line_end = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |p| i + p);
        let line = &b[i..line_end];
        let content = line
            .iter()
            .filter(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'"' | b'\\'))
            .count();
        let ok = line.iter().all(|&c| {
            Cs::B64.has(c) || matches!(c, b' ' | b'\t' | b'\r' | b'"' | b'\\' | b':' | b',')
        });
        if i > after && (!ok || content == 0) {
            break;
        }
        if ok {
            e = line_end;
        }
        if line_end >= b.len() || line_end - after > MAX_BLOCK {
            break;
        }
        i = line_end + 1;
    }
    Some((s, e.max(after)))
}

/// A base64 run that decodes to text holding an unencrypted PEM private key.
fn pem_base64(b: &[u8], anchor: usize) -> Option<(usize, usize)> {
    let mut s = anchor;
    while s > 0 && Cs::B64.has(b[s - 1]) && anchor - s < 1 << 20 {
        s -= 1;
    }
    let e = anchor + run(b, anchor, Cs::B64, 1 << 20);
    // Try the alignments: the run may start mid-quantum only if something was glued on.
    for skip in 0..4 {
        let Some(dec) = b.get(s + skip..e).and_then(b64_decode) else {
            continue;
        };
        let has = |n: &[u8]| memchr::memmem::find(&dec, n).is_some();
        if has(b"PRIVATE KEY-----") && has(b"BEGIN") {
            if has(b"ENCRYPTED") {
                return None;
            }
            return Some((s, e));
        }
    }
    None
}

fn atlas(b: &[u8], s: usize, body: usize) -> Option<(usize, usize)> {
    let mut ls = s;
    while ls > 0 && b[ls - 1].is_ascii_alphanumeric() && s - ls <= 14 {
        ls -= 1;
    }
    if s - ls != 14 || !left_boundary(b, ls) {
        return None;
    }
    let n = run(b, body, Cs::Url, 256);
    (60..=256).contains(&n).then_some((ls, body + n))
}

/// `min` bytes of `cs` glued before a fixed suffix; for `-us` a 1-2 digit region follows.
fn suffix_token(b: &[u8], s: usize, e: usize, tok: &Tok) -> Option<(usize, usize)> {
    let mut ls = s;
    while ls > 0 && tok.cs.has(b[ls - 1]) && s - ls <= tok.max {
        ls -= 1;
    }
    if !(tok.min..=tok.max).contains(&(s - ls)) || !left_boundary(b, ls) {
        return None;
    }
    let mut end = e;
    if tok.pat == "-us" {
        let d = run(b, e, Cs::Lower, 2);
        if !(1..=2).contains(&d) || !b[e..e + d].iter().all(u8::is_ascii_digit) {
            return None;
        }
        end += d;
    }
    if Cs::Alnum.has(byte(b, end)) || looks_fake(&b[ls..s]) {
        return None;
    }
    Some((ls, end))
}

/// `123456789:AA` + 33 base64url characters.
fn telegram(b: &[u8], colon: usize) -> Option<(usize, usize)> {
    let mut s = colon;
    while s > 0 && b[s - 1].is_ascii_digit() {
        s -= 1;
    }
    if !(8..=10).contains(&(colon - s)) || !left_boundary(b, s) {
        return None;
    }
    let body = colon + 3;
    let n = run(b, body, Cs::Url, 33);
    (n == 33).then_some((s, body + n))
}

/// Azure AD client secrets: `xxx8Q~` + 31..34 characters.
fn azure_secret(b: &[u8], q: usize) -> Option<(usize, usize)> {
    if q < 4 {
        return None;
    }
    let s = q - 4;
    let cs = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'~' | b'.' | b'-');
    if !b[s..q].iter().all(|&c| cs(c)) || !b[q - 1].is_ascii_digit() || !left_boundary(b, s) {
        return None;
    }
    let mut e = q + 2;
    while e < b.len() && cs(b[e]) && e - q < 40 {
        e += 1;
    }
    ((31..=34).contains(&(e - q - 2)) && !placeholder_token(b"", &b[q + 2..e])).then_some((s, e))
}

/// Twilio API key (`SK`) or account SID (`AC`): 32 hex digits of one case.
fn twilio(b: &[u8], s: usize) -> Option<(usize, usize)> {
    if !left_boundary(b, s) {
        return None;
    }
    let n = run(b, s + 2, Cs::Hex, 32);
    if n != 32 || Cs::Alnum.has(byte(b, s + 34)) {
        return None;
    }
    let v = &b[s + 2..s + 34];
    let upper = v.iter().any(u8::is_ascii_uppercase);
    let lower = v.iter().any(u8::is_ascii_lowercase);
    if (upper && lower) || looks_fake(v) || !v.iter().any(u8::is_ascii_alphabetic) {
        return None;
    }
    Some((s, s + 34))
}

/// `SG.` + 22 + `.` + 43 (accepting 16+ for each part).
fn sendgrid(b: &[u8], s: usize) -> Option<(usize, usize)> {
    if !left_boundary(b, s) {
        return None;
    }
    let a = run(b, s + 3, Cs::Url, 64);
    if a < 16 || byte(b, s + 3 + a) != b'.' {
        return None;
    }
    let c = run(b, s + 4 + a, Cs::Url, 128);
    (c >= 16).then_some((s, s + 4 + a + c))
}

// ---------------------------------------------------------------------------------------
// Key-value pairs
// ---------------------------------------------------------------------------------------

/// Strength of a key name: strong keys accept any non-placeholder value, weak keys (`key`,
/// `auth`, `session`) only values that look random.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Strength {
    Strong,
    Weak,
}

#[inline]
fn is_key_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-')
}

/// Words that make a key a secret wherever they appear in one of its components.
const LONG_WORDS: &[&str] = &[
    "password",
    "passwd",
    "passwort",
    "passphrase",
    "pasword",
    "paswd",
    "paswrd",
    "passwrd",
    "pssword",
    "psword",
    "pswrd",
    "psswd",
    "pswd",
    "psswrd",
    "paswrd",
    "secret",
    "token",
    "apikey",
    "credential",
    "sessionid",
    "sessid",
    "privatekey",
    "accesskey",
    "accountkey",
    "secretkey",
    "authkey",
    "signingkey",
    "encryptionkey",
];

/// Components that are a secret key name on their own.
const SHORT_STRONG: &[&str] = &["pw", "pwd", "pass", "psw", "pword", "cred", "creds"];
const SHORT_WEAK: &[&str] = &[
    "key",
    "auth",
    "api",
    "session",
    "bearer",
    "sig",
    "signature",
];

/// Last components that say the value is about the secret, not the secret itself.
const NEG_LAST: &[&str] = &[
    "mask",
    "length",
    "len",
    "size",
    "type",
    "policy",
    "field",
    "file",
    "path",
    "dir",
    "label",
    "hint",
    "prompt",
    "reset",
    "rule",
    "rules",
    "regex",
    "pattern",
    "min",
    "max",
    "minlength",
    "maxlength",
    "expiry",
    "expires",
    "expiration",
    "expired",
    "enabled",
    "required",
    "name",
    "url",
    "uri",
    "endpoint",
    "header",
    "param",
    "count",
    "timeout",
    "ttl",
    "format",
    "method",
    "mode",
    "strength",
    "changed",
    "updated",
    "id",
    "ids",
    "link",
    "env",
    "var",
    "prefix",
    "suffix",
    "location",
    "store",
    "manager",
    "provider",
    "helper",
    "source",
    "version",
    "lifetime",
    "validity",
    "check",
    "error",
    "errors",
    "message",
    "msg",
    "placeholder",
    "example",
    "fingerprint",
    "generator",
    "service",
    "client",
    "handler",
    "class",
    "module",
    "request",
    "response",
    "cache",
    "store",
    "storage",
    "input",
    "output",
    "box",
    "dialog",
    "form",
    "button",
    "text",
    "string",
];

/// Last camelCase words that make a key name something else than the secret.
const CAMEL_NEG_LAST: &[&str] = &[
    "id", "ids", "file", "path", "dir", "name", "url", "uri", "type", "length", "count", "field",
    "policy", "label", "hint", "prompt", "expiry", "version",
];

/// Components that are neutral after a secret word (`tp_token_value`).
const NEUTRAL_LAST: &[&str] = &[
    "value", "val", "str", "b64", "base64", "hex", "raw", "plain", "data", "key", "enc",
];

/// Substrings that veto a key component (`author`, `keyboard`, `passenger`).
const VETO: &[&str] = &[
    // Anti-forgery nonces (`csrf-token`, `X-XSRF-TOKEN`) grant nothing without the session.
    "csrf",
    "xsrf",
    "author",
    "keyboard",
    "keypad",
    "keyword",
    "keystore",
    "keychain",
    "passeng",
    "compass",
    "bypass",
    "passive",
    "passthrough",
    "tokeniz",
    "monkey",
    "hockey",
    "turkey",
    "donkey",
    "passage",
    "sessions",
];

/// Substring test for short haystacks (key components, values): no searcher set-up.
#[inline]
fn has_sub(h: &[u8], n: &[u8]) -> bool {
    !n.is_empty() && h.len() >= n.len() && h.windows(n.len()).any(|w| w == n)
}

fn classify_key(key: &[u8]) -> Option<Strength> {
    let flat: Vec<u8> = key.iter().map(|c| c.to_ascii_lowercase()).collect();
    if has_sub(&flat, b"csrf") || has_sub(&flat, b"xsrf") {
        return None;
    }
    if flat.ends_with(b"sessionid") || flat.ends_with(b"sessid") {
        return Some(Strength::Strong);
    }
    // A last camelCase word that names something other than the secret: `credentialsId`
    // (an id), `TokenFile` (a file). Compounds like `apiKey` keep their meaning below.
    let camel_last = key
        .iter()
        .rposition(|&c| c.is_ascii_uppercase())
        .filter(|&i| i > 0 && key[i - 1].is_ascii_lowercase())
        .map(|i| key[i..].to_ascii_lowercase());
    if camel_last
        .as_deref()
        .is_some_and(|w| CAMEL_NEG_LAST.iter().any(|n| n.as_bytes() == w))
    {
        return None;
    }
    let lower = flat;
    let mut comps: Vec<&[u8]> = lower
        .split(|c| !c.is_ascii_alphanumeric())
        .filter(|c| !c.is_empty())
        .collect();
    // A numbered key (`api_token_2`) is named by the words before the number.
    while comps.len() > 1
        && comps
            .last()
            .is_some_and(|c| c.iter().all(u8::is_ascii_digit))
    {
        comps.pop();
    }
    let last = *comps.last()?;
    let trimmed = {
        let mut l = last;
        while l.last().is_some_and(u8::is_ascii_digit) && l.len() > 1 {
            l = &l[..l.len() - 1];
        }
        l
    };
    let veto = |c: &[u8]| VETO.iter().any(|v| has_sub(c, v.as_bytes()));
    let strength_of = |c: &[u8]| -> Option<Strength> {
        if veto(c) {
            return None;
        }
        if LONG_WORDS.iter().any(|w| has_sub(c, w.as_bytes())) {
            return Some(Strength::Strong);
        }
        if SHORT_STRONG.iter().any(|w| w.as_bytes() == c)
            || (c.len() > 4 && (c.ends_with(b"pass") || c.ends_with(b"pwd")))
        {
            return Some(Strength::Strong);
        }
        if SHORT_WEAK.iter().any(|w| w.as_bytes() == c) {
            return Some(Strength::Weak);
        }
        None
    };
    if NEG_LAST.iter().any(|w| w.as_bytes() == trimmed) {
        return None;
    }
    if let Some(s) = strength_of(trimmed) {
        return Some(s);
    }
    let neutral = NEUTRAL_LAST.iter().any(|w| w.as_bytes() == trimmed) || trimmed.ends_with(b"key");
    if neutral && comps.len() > 1 {
        for c in comps[..comps.len() - 1].iter().rev() {
            if let Some(s) = strength_of(c) {
                return Some(s);
            }
        }
    }
    // A secret word earlier in the key (`todo_secret_do_not_commit`): only a value that
    // looks generated counts.
    let earlier = comps[..comps.len() - 1]
        .iter()
        .any(|c| !veto(c) && LONG_WORDS.iter().any(|w| has_sub(c, w.as_bytes())));
    earlier.then_some(Strength::Weak)
}

/// Opening quotes, longest first, and their closing forms.
const QUOTES: &[(&[u8], &[u8])] = &[
    (b"&quot;", b"&quot;"),
    (b"&#34;", b"&#34;"),
    (b"&#39;", b"&#39;"),
    (b"&#x27;", b"&#x27;"),
    (b"&apos;", b"&apos;"),
    (b"\\\\\"", b"\\\\\""),
    (b"\\\"", b"\\\""),
    (b"\"", b"\""),
    (b"'", b"'"),
    (b"`", b"`"),
];

fn quote_at(b: &[u8], i: usize) -> Option<(&'static [u8], &'static [u8])> {
    QUOTES
        .iter()
        .find(|(o, _)| b.get(i..i + o.len()) == Some(o))
        .copied()
}

#[inline]
fn line_end(b: &[u8], i: usize) -> usize {
    memchr::memchr(b'\n', &b[i.min(b.len())..]).map_or(b.len(), |p| i + p)
}

/// Reads a value at `i` (after separator and spaces): quoted up to its closing quote, or
/// unquoted up to a delimiter. Returns (start, end, quoted).
fn read_value(b: &[u8], i: usize) -> Option<(usize, usize, bool)> {
    let le = line_end(b, i);
    if let Some((open, close)) = quote_at(b, i) {
        let s = i + open.len();
        let e = memchr::memmem::find(&b[s..le], close).map_or(le, |p| s + p);
        // A value opened by an escaped quote (`\"`, `&quot;`) lies inside a string or an
        // HTML text: it cannot run past any other quote or a tag, whatever its closing form
        // (`password=\"x"}` ends the JSON string there, not at the next `\"`).
        let escaped = open.len() > 1;
        let e = if escaped {
            let entity = open[0] == b'&';
            b[s..e]
                .iter()
                .enumerate()
                .find(|&(k, &c)| {
                    c == b'"'
                        || (entity && c == b'<')
                        || (c == b'&' && quote_at(b, s + k).is_some())
                })
                .map_or(e, |(k, _)| s + k)
        } else {
            e
        };
        let mut e = e;
        while e > s && matches!(b[e - 1], b'\r' | b' ' | b'\\') {
            e -= 1;
        }
        return Some((s, e, true));
    }
    let mut e = i;
    while e < le {
        let c = b[e];
        // A JSON/C escape (`\n`) ends the value as a real newline would.
        if c == b'\\' && matches!(byte(b, e + 1), b'n' | b'r' | b't') {
            break;
        }
        if c.is_ascii_whitespace()
            || matches!(
                c,
                b',' | b';' | b')' | b']' | b'}' | b'<' | b'>' | b'"' | b'\'' | b'&' | b'`'
            )
        {
            break;
        }
        e += 1;
    }
    Some((i, e, false))
}

/// Values that stand for a secret without being one.
fn is_placeholder(v: &[u8]) -> bool {
    let first = v.first().copied().unwrap_or(0);
    if matches!(first, b'<' | b'[' | b'{' | b'$' | b'%' | b'#') {
        return true;
    }
    if v.len() >= 2 && v.iter().all(|&c| c == first) {
        return true;
    }
    if v.iter()
        .all(|&c| matches!(c, b'*' | b'x' | b'X' | b'.' | b'-' | b'_' | b'?' | b'#'))
    {
        return true;
    }
    if has_sub(v, b"***") || v.ends_with(b":") {
        return true;
    }
    let lower: Vec<u8> = v.iter().map(|c| c.to_ascii_lowercase()).collect();
    if lower.starts_with(b"0x") && lower.len() > 2 && lower[2..].iter().all(u8::is_ascii_hexdigit) {
        return true;
    }
    const WORDS: &[&str] = &[
        "null",
        "none",
        "nil",
        "true",
        "false",
        "undefined",
        "empty",
        "string",
        "str",
        "int",
        "bool",
        "boolean",
        "number",
        "object",
        "required",
        "optional",
        "hidden",
        "redacted",
        "masked",
        "removed",
        "omitted",
        "password",
        "passwd",
        "secret",
        "token",
        "value",
        "your",
        "yes",
        "no",
        "on",
        "off",
        "off.",
        "n/a",
        "na",
        "tbd",
        "todo",
        "example",
        "dummy",
        "placeholder",
        "default",
        "not",
        "is",
        "was",
        "are",
        "must",
        "should",
        "will",
        "can",
        "the",
        "and",
        "for",
        "from",
        "with",
        "field",
        "fields",
        "file",
        "reset",
        "expired",
        "changed",
        "invalid",
        "incorrect",
        "missing",
        "wrong",
        "length",
        "type",
        "auth",
        "self",
        "this",
        "none,",
        "os.environ",
        "process.env",
        "getenv",
        "env",
    ];
    if WORDS.iter().any(|w| w.as_bytes() == lower.as_slice()) {
        return true;
    }
    has_sub(&lower, b"example")
        || has_sub(&lower, b"your_")
        || has_sub(&lower, b"your-")
        || has_sub(&lower, b"{{")
        || has_sub(&lower, b"${")
}

/// An unquoted value that is code, not a literal: `getenv(...)`, `self.password`.
fn is_code(v: &[u8]) -> bool {
    if v.contains(&b'(') || v.contains(&b'{') {
        return true;
    }
    v.contains(&b'.')
        && v.split(|&c| c == b'.').all(|p| {
            !p.is_empty()
                && (p[0].is_ascii_alphabetic() || p[0] == b'_')
                && p.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_')
        })
}

/// A value that looks machine-generated: long enough, letters and digits.
fn looks_random(v: &[u8]) -> bool {
    let digits = v.iter().any(u8::is_ascii_digit);
    let alpha = v.iter().any(u8::is_ascii_alphabetic);
    (v.len() >= 8 && digits && alpha) || (v.len() >= 16 && alpha && !v.contains(&b' '))
}

fn is_uuid(v: &[u8]) -> bool {
    v.len() == 36
        && v.iter().enumerate().all(|(i, &c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

fn push(out: &mut Vec<Finding>, rule: &'static str, s: usize, e: usize, reason: &'static str) {
    if s < e {
        out.push(Finding::new(Category::Secret, rule, s, e, reason));
    }
}

/// Text is lower-cased in chunks of this size (plus the longest stem) for the stem search.
const KV_CHUNK: usize = 1 << 16;

fn key_values(b: &[u8], out: &mut Vec<Finding>) {
    let overlap = KEY_STEMS.iter().map(|k| k.1.len()).max().unwrap_or(0);
    let mut lower: Vec<u8> = Vec::with_capacity(b.len().min(KV_CHUNK + overlap));
    // (needle start in the chunk, index in KEY_STEMS), sorted.
    let mut cands: Vec<(usize, usize)> = Vec::new();
    // Stems are taken left to right, and none starts inside a consumed value.
    let mut next = 0;
    let mut c = 0;
    while c < b.len() {
        let limit = b.len().min(c + KV_CHUNK);
        let end = b.len().min(limit + overlap);
        lower_into(&b[c..end], &mut lower);
        cands.clear();
        let room = limit - c;
        for m in KEY_MATCHER.find_iter(&lower) {
            if m.start() >= room {
                break;
            }
            if let Some(&k) = LONG_NEEDLES.get(m.pattern().as_usize()) {
                cands.push((m.start(), k));
            }
        }
        for m in KEY_MATCHER3.find_iter(&lower) {
            if m.start() >= room {
                break;
            }
            if let Some(&k) = NEEDLES3.get(m.pattern().as_usize()) {
                cands.push((m.start(), k));
            }
        }
        for (k, finder) in SHORT_NEEDLES.iter() {
            cands.extend(
                finder
                    .find_iter(&lower)
                    .take_while(|&p| p < room)
                    .map(|p| (p, *k)),
            );
        }
        cands.sort_unstable();
        for &(s, k) in &cands {
            let Some(&(stem, _, off)) = KEY_STEMS.get(k) else {
                continue;
            };
            let Some(ms) = (c + s).checked_sub(off) else {
                continue;
            };
            let me = ms + stem.len();
            // The whole stem around the needle, not inside a consumed value.
            let whole = ms >= next
                && b.get(ms..me)
                    .is_some_and(|w| w.eq_ignore_ascii_case(stem.as_bytes()));
            if !whole {
                continue;
            }
            next = me;
            if let Some(v) = key_stem(b, stem.as_bytes(), ms, me, out) {
                next = next.max(v);
            }
        }
        c = limit;
    }
}

#[inline(never)]
fn lower_into(src: &[u8], dst: &mut Vec<u8>) {
    dst.clear();
    dst.extend(src.iter().map(u8::to_ascii_lowercase));
}

/// Dispatches on a (lower-case) stem found at `b[ms..me]`; returns where a value ended.
fn key_stem(b: &[u8], stem: &[u8], ms: usize, me: usize, out: &mut Vec<Finding>) -> Option<usize> {
    match stem {
        b"basic " => auth_scheme(b, ms, me, out),
        b"identified by" => identified_by(b, me, out),
        b"convertto-securestring" => secure_string(b, me, out),
        b"curl " => curl_user(b, ms + 4, out),
        b"mysql" | b"mariadb" => mysql_p(b, ms, out),
        _ => key_value(b, ms, me, out),
    }
}

/// `Authorization: Basic xxx` / `Bearer xxx` (the stem was `basic ` or part of a key).
fn auth_scheme(b: &[u8], s: usize, value_at: usize, out: &mut Vec<Finding>) -> Option<usize> {
    if !left_boundary(b, s) {
        return None;
    }
    let scheme = &b[s..value_at];
    let n = run(b, value_at, Cs::B64, 8192);
    let mut e = value_at + n;
    while e > value_at && matches!(b[e - 1], b'.' | b'-' | b'_') {
        e -= 1;
    }
    let v = &b[value_at..e];
    if v.len() < 8 || Cs::UrlDot.has(byte(b, e)) && byte(b, e) != b'.' {
        return None;
    }
    let ctx_start = s.saturating_sub(40);
    let ctx: Vec<u8> = b[ctx_start..s]
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let authz = has_sub(&ctx, b"authoriz");
    let basic = scheme.len() >= 5 && scheme[..5].eq_ignore_ascii_case(b"basic");
    let ok = if basic {
        authz
            || b64_decode(v).is_some_and(|d| {
                d.contains(&b':') && d.iter().all(|c| c.is_ascii_graphic() || *c == b' ')
            })
    } else {
        (authz && v.len() >= 8) || looks_random(v) && v.len() >= 16
    };
    if !ok || placeholder_token(b"", v) || is_placeholder(v) {
        return None;
    }
    let rule = if basic {
        "secret.basic_auth"
    } else {
        "secret.bearer_token"
    };
    push(out, rule, value_at, e, "authorization header value");
    Some(e)
}

/// `IDENTIFIED BY 'x'` / `IDENTIFIED BY x` (SQL).
fn identified_by(b: &[u8], i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    let mut j = i;
    while byte(b, j) == b' ' {
        j += 1;
    }
    if j == i {
        return None;
    }
    let (s, e, _) = read_value(b, j)?;
    let v = &b[s..e];
    if v.len() < 3 || is_placeholder(v) {
        return None;
    }
    push(out, "secret.sql_password", s, e, "SQL IDENTIFIED BY");
    Some(e)
}

/// PowerShell `ConvertTo-SecureString [-String] 'x' -AsPlainText -Force`.
fn secure_string(b: &[u8], i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    let le = line_end(b, i);
    let mut j = i;
    loop {
        while j < le && matches!(b[j], b' ' | b'\t') {
            j += 1;
        }
        if j >= le {
            return None;
        }
        if b[j] == b'-' {
            while j < le && !b[j].is_ascii_whitespace() {
                j += 1;
            }
            continue;
        }
        break;
    }
    let (s, e, _) = read_value(b, j)?;
    let v = &b[s..e];
    if v.len() < 4 || is_placeholder(v) {
        return None;
    }
    push(
        out,
        "secret.powershell_secure_string",
        s,
        e,
        "ConvertTo-SecureString argument",
    );
    Some(e)
}

/// End of a shell command line: the line end, past `\` line continuations.
fn command_end(b: &[u8], i: usize) -> usize {
    let mut le = line_end(b, i);
    while le < b.len() && le > i && b[le - 1] == b'\\' {
        le = line_end(b, le + 1);
    }
    le
}

/// User and password words of a documentation example (`user:pass`, `test:test`).
fn example_credential(user: &[u8], pass: &[u8]) -> bool {
    const WORDS: &[&[u8]] = &[
        b"user",
        b"username",
        b"pass",
        b"password",
        b"test",
        b"name",
        b"login",
        b"foo",
        b"bar",
        b"secret",
    ];
    let word = |w: &[u8]| WORDS.iter().any(|x| x.eq_ignore_ascii_case(w));
    word(user) && word(pass)
}

/// `curl -u user:pass` / `curl --user user:pass`: the password part; with an empty password
/// (`-u sk_live_...:`, an API key sent as the user name) the user part.
fn curl_user(b: &[u8], i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    let le = command_end(b, i);
    let line = &b[i..le];
    for flag in [&b" -u "[..], b" --user ", b" -u"] {
        if let Some(p) = memchr::memmem::find(line, flag) {
            let mut j = i + p + flag.len();
            while byte(b, j) == b' ' {
                j += 1;
            }
            let (s, mut e, quoted) = read_value(b, j)?;
            let (us, ue, ps, pe) = if let Some(colon) = memchr::memchr(b':', &b[s..e]) {
                // `kevin:'secret'`: a quoted password after the colon.
                if s + colon + 1 == e && !quoted && quote_at(b, e).is_some() {
                    let (ps, pe, _) = read_value(b, e)?;
                    e = pe;
                    (s, s + colon, ps, pe)
                } else {
                    (s, s + colon, s + colon + 1, e)
                }
            } else if quoted {
                // `"user":"password"`: two quoted parts around a colon.
                let close = quote_at(b, s.saturating_sub(1)).map_or(1, |(_, c)| c.len());
                let after = e + close;
                if byte(b, after) != b':' {
                    return None;
                }
                let (ps, pe, _) = read_value(b, after + 1)?;
                e = pe;
                (s, e.min(after), ps, pe)
            } else {
                return None;
            };
            let (user, pass) = (&b[us..ue], &b[ps..pe]);
            if example_credential(user, pass) {
                return None;
            }
            if pass.is_empty() {
                if user.len() < 8 || is_placeholder(user) {
                    return None;
                }
                push(out, "secret.cli_password", us, ue, "curl API key as user");
                return Some(e);
            }
            if is_placeholder(pass) || is_placeholder(user) && !user.is_empty() {
                return None;
            }
            push(out, "secret.cli_password", ps, pe, "curl user:password");
            return Some(e);
        }
    }
    None
}

/// `mysql -u root -pSecret` / `-p'Secret'`.
fn mysql_p(b: &[u8], i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    if !left_boundary(b, i) {
        return None;
    }
    let le = line_end(b, i);
    let line = &b[i..le];
    let p = memchr::memmem::find(line, b" -p")?;
    let j = i + p + 3;
    let c = byte(b, j);
    if c.is_ascii_whitespace() || c == 0 || c == b'-' {
        return None;
    }
    let (s, e, _) = read_value(b, j)?;
    let v = &b[s..e];
    if v.len() < 3 || is_placeholder(v) {
        return None;
    }
    push(out, "secret.cli_password", s, e, "mysql -p password");
    Some(e)
}

/// The general case: a key containing the stem, a separator, a value.
fn key_value(b: &[u8], ms: usize, me: usize, out: &mut Vec<Finding>) -> Option<usize> {
    // The whole key around the stem.
    let mut ks = ms;
    while ks > 0 && is_key_byte(b[ks - 1]) && ms - ks < 64 {
        ks -= 1;
    }
    let mut ke = me;
    while ke < b.len() && is_key_byte(b[ke]) && ke - me < 64 {
        ke += 1;
    }
    // A key glued to a closing bracket or a symbol (`x]PW:`, as in uuencoded or binary
    // noise) is not a key name.
    if matches!(
        prev(b, ks),
        b']' | b')' | b'}' | b'^' | b'@' | b'*' | b'!' | b'`'
    ) {
        return None;
    }
    // Key words separated by one space (`Secret Key:`, `API Secret`): the last word counts.
    let mut is_flag = false;
    while ks < ke && b[ks] == b'-' {
        ks += 1;
        is_flag = true;
    }
    // A flag must start a word: `--password`, `-p`, not `x-password` (that is a header).
    if is_flag && ks >= 1 {
        let mut d = ks;
        while d > 0 && b[d - 1] == b'-' {
            d -= 1;
        }
        if d > 0 && !(b[d - 1].is_ascii_whitespace() || matches!(b[d - 1], b'"' | b'\'' | b'(')) {
            is_flag = false;
        }
    }
    while ke > ks && matches!(b[ke - 1], b'.' | b'-') {
        ke -= 1;
    }
    let key = &b[ks..ke];
    if key.is_empty() {
        return None;
    }
    // `PublicKeyToken=b03f5f7f11d50a3a` (.NET), `public_key`: public by name.
    if key.len() >= 6 && key.windows(6).any(|w| w.eq_ignore_ascii_case(b"public")) {
        return None;
    }
    let authorization =
        key.len() >= 13 && key[key.len() - 13..].eq_ignore_ascii_case(b"authorization");
    let bearer_key = key.eq_ignore_ascii_case(b"bearer") || key.eq_ignore_ascii_case(b"basic");
    let cookie = key.eq_ignore_ascii_case(b"cookie") || key.eq_ignore_ascii_case(b"set-cookie");
    if bearer_key {
        // `Bearer <token>` after an Authorization header or alone.
        if byte(b, ke) != b' ' {
            return None;
        }
        return auth_scheme(b, ks, ke + 1, out);
    }
    // Separator.
    let mut i = ke;
    if let Some((q, _)) = quote_at(b, i) {
        i += q.len();
    }
    while matches!(byte(b, i), b' ' | b'\t') {
        i += 1;
    }
    let sep_at = i;
    let two = [byte(b, i), byte(b, i + 1)];
    let sep_len = match two {
        [b':', b'='] | [b'=', b'>'] | [b'-', b'>'] | [b'=', b'='] | [b'!', b'='] => 2,
        [b'=', _] | [b':', _] => 1,
        _ => 0,
    };
    // `::` is a scope operator, `:/` a URL scheme.
    if sep_len == 1 && b[i] == b':' && matches!(byte(b, i + 1), b':' | b'/') {
        return None;
    }
    i += sep_len;
    let glued_colon = sep_len == 1 && sep_at == ke && byte(b, sep_at) == b':' && i == sep_at + 1;
    while matches!(byte(b, i), b' ' | b'\t') {
        i += 1;
    }
    let glued_colon = glued_colon && i == sep_at + 1;
    if sep_len == 0 {
        if sep_at == ke {
            return None;
        }
        // SQL `... PASSWORD BY 'x'`.
        if b.get(i..i + 3)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"by "))
        {
            i += 3;
            while byte(b, i) == b' ' {
                i += 1;
            }
        }
        // Whitespace only: a command-line flag, a quoted literal (`PASSWORD 'x'`), a
        // `#define`/`%global`/`SET` directive, or SQL `WITH|LOGIN PASSWORD x`.
        let quoted = quote_at(b, i).is_some();
        if !(is_flag || quoted) || byte(b, i) == b'-' {
            if byte(b, i) == b'-' {
                return None;
            }
            let before = preceding_word(b, ks);
            let directive = matches!(
                before.as_slice(),
                b"define" | b"global" | b"set" | b"export" | b"by"
            );
            let sql = key == b"PASSWORD" && matches!(before.as_slice(), b"with" | b"login");
            if !(directive || sql) {
                return None;
            }
        }
    }
    // Classified only now: the separator checks above reject most prose cheaply.
    let strength = if authorization || cookie {
        Strength::Strong
    } else {
        classify_key(key)?
    };
    if cookie {
        return cookie_values(b, i, key.eq_ignore_ascii_case(b"set-cookie"), out);
    }
    let (mut s, mut e, mut quoted) = read_value(b, i)?;
    // A type annotation: `password: String = "x"`, `passwd: str = "x"`.
    if !quoted && sep_len == 1 && e > s && b[s..e].iter().all(|c| c.is_ascii_alphanumeric()) {
        let mut j = e;
        while byte(b, j) == b' ' {
            j += 1;
        }
        if byte(b, j) == b'=' && byte(b, j + 1) != b'=' {
            j += 1;
            while byte(b, j) == b' ' {
                j += 1;
            }
            (s, e, quoted) = read_value(b, j)?;
        }
    }
    if authorization {
        return authorization_value(b, s, e, quoted, out);
    }
    finish_value(b, s, e, strength, quoted, glued_colon, out)
}

/// Bytes of an HTTP authentication scheme name (`Bearer`, `Api-Token`, `AWS4-HMAC-SHA256`).
fn scheme_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.')
}

/// The credential of an `Authorization:` / `Proxy-Authorization:` header whose value was
/// read at `b[s..e]`: whatever follows the scheme word, for any scheme (`Bearer`, `Basic`,
/// `Token`, `Api-Token`, `SSWS`, ...), the whole parameter list for schemes that take
/// parameters (`Digest username="u", response="..."`), or the value itself when it has no
/// scheme. The credential is the secret whatever it looks like; only a placeholder is kept.
fn authorization_value(
    b: &[u8],
    s: usize,
    e: usize,
    quoted: bool,
    out: &mut Vec<Finding>,
) -> Option<usize> {
    let limit = if quoted { e } else { line_end(b, s) };
    let word = b[s..limit].iter().take_while(|&&c| scheme_byte(c)).count();
    let mut j = s + word;
    let has_scheme = word > 0
        && b[s].is_ascii_alphabetic()
        && word <= 40
        && matches!(byte(b, j), b' ' | b'\t')
        && j < limit;
    if !has_scheme {
        return finish_value(b, s, e, Strength::Strong, quoted, false, out);
    }
    while j < limit && matches!(b[j], b' ' | b'\t') {
        j += 1;
    }
    let scheme = &b[s..s + word];
    let (cs, ce) = if let Some(pe) = auth_params(b, j, limit) {
        (j, pe)
    } else if quoted {
        let mut ce = j;
        while ce < e && !b[ce].is_ascii_whitespace() {
            ce += 1;
        }
        (j, ce)
    } else {
        let (vs, ve, _) = read_value(b, j)?;
        (vs, ve)
    };
    let v = b.get(cs..ce)?;
    if v.len() < 4 || is_placeholder(v) || placeholder_token(b"", v) {
        return None;
    }
    let rule = if scheme.eq_ignore_ascii_case(b"basic") {
        "secret.basic_auth"
    } else {
        "secret.bearer_token"
    };
    push(out, rule, cs, ce, "authorization header credential");
    Some(ce)
}

/// An auth-param list at `i` (`name=value, name="value"`, RFC 7235): returns its end.
fn auth_params(b: &[u8], i: usize, limit: usize) -> Option<usize> {
    let mut j = i;
    let mut end = None;
    loop {
        let ns = j;
        while j < limit && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'_' | b'-')) {
            j += 1;
        }
        // `name=` then a value (a base64 credential ends in `=` padding, not `=x`).
        if j == ns || byte(b, j) != b'=' || j + 1 >= limit || matches!(b[j + 1], b'=' | b' ') {
            return end;
        }
        j += 1;
        if let Some((open, close)) = quote_at(b, j) {
            let vs = j + open.len();
            let ve = memchr::memmem::find(&b[vs..limit], close).map(|p| vs + p)?;
            j = ve + close.len();
        } else {
            while j < limit
                && !b[j].is_ascii_whitespace()
                && !matches!(b[j], b',' | b'"' | b'\'' | b'\\')
            {
                j += 1;
            }
        }
        end = Some(j);
        while j < limit && b[j] == b' ' {
            j += 1;
        }
        if byte(b, j) != b',' || j >= limit {
            return end;
        }
        j += 1;
        while j < limit && b[j] == b' ' {
            j += 1;
        }
    }
}

/// The lower-cased word before `i`, skipping spaces and a `#`/`%` directive sigil.
fn preceding_word(b: &[u8], i: usize) -> Vec<u8> {
    let mut j = i;
    while j > 0 && matches!(b[j - 1], b' ' | b'\t') {
        j -= 1;
    }
    let end = j;
    while j > 0 && b[j - 1].is_ascii_alphabetic() && end - j < 16 {
        j -= 1;
    }
    b[j..end].iter().map(|c| c.to_ascii_lowercase()).collect()
}

/// A version number in a value: digits, a dot, digits, not inside a longer word
/// (`1.7.8`, `-0.11.2`, `rc0.15.0`, `v2.1`), and not the whole value.
fn has_version(v: &[u8]) -> bool {
    let mut i = 0;
    while i < v.len() {
        if v[i].is_ascii_digit() && (i == 0 || !v[i - 1].is_ascii_digit()) {
            let start = i;
            while i < v.len() && v[i].is_ascii_digit() {
                i += 1;
            }
            let before_ok = start == 0
                || !v[start - 1].is_ascii_alphanumeric()
                || (start >= 1 && matches!(v[start - 1], b'v' | b'V'))
                || (start >= 2 && v[start - 2..start].eq_ignore_ascii_case(b"rc"));
            if before_ok
                && i - start <= 4
                && v.get(i) == Some(&b'.')
                && v.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                let mut j = i + 1;
                while j < v.len() && v[j].is_ascii_digit() {
                    j += 1;
                }
                let after_ok = j == v.len() || !v[j].is_ascii_alphanumeric();
                if after_ok && j - (i + 1) <= 4 && (start, j) != (0, v.len()) {
                    return true;
                }
            }
        } else {
            i += 1;
        }
    }
    false
}

/// A dotted name (`com.example.feature_flag`, 3+ parts starting with a letter).
fn is_dotted_name(v: &[u8]) -> bool {
    let parts = v.split(|&c| c == b'.').count();
    parts >= 3
        && v.split(|&c| c == b'.').all(|p| {
            p.first().is_some_and(u8::is_ascii_alphabetic)
                && p.iter()
                    .all(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
        })
}

/// A value that starts with a documented token prefix but does not have that token's
/// structure (`xoxp-1234567890`, `xoxp-1234-1234-1234-...`): a stand-in, not the token.
fn malformed_known_token(v: &[u8]) -> bool {
    TOKENS
        .iter()
        .filter(|t| t.kind == Kind::Token && t.pat.len() >= 4)
        .find(|t| v.starts_with(t.pat.as_bytes()))
        .is_some_and(|t| token(v, 0, t.pat.len(), t) != Some((0, v.len())))
}

fn finish_value(
    b: &[u8],
    s: usize,
    e: usize,
    strength: Strength,
    quoted: bool,
    glued_colon: bool,
    out: &mut Vec<Finding>,
) -> Option<usize> {
    let v = &b[s..e];
    if v.len() < 4 || v.len() > 8192 || is_placeholder(v) || (!quoted && is_code(v)) {
        return None;
    }
    if masked_or_repeated(v) || malformed_known_token(v) {
        return None;
    }
    // `group:artifact:1.2.3`, `slf4j-api:jar:1.7.8:compile`: a coordinate with a version
    // after a `:` glued to the key, not a secret.
    if !quoted && glued_colon && has_version(v) {
        return None;
    }
    // A weak key (`key`, `api`) naming a thing: `key="jetbrains.mps.v8_elimination"`,
    // `bucket_key: "SalesResults-1.2"`.
    if strength == Strength::Weak && (has_version(v) || is_dotted_name(v)) {
        return None;
    }
    if strength == Strength::Weak && (!looks_random(v) || is_uuid(v)) {
        return None;
    }
    // A weak key (`key`, `api`, `auth`) with a template value (`...-KLMNO`, `xxxxxx`).
    if strength == Strength::Weak && looks_fake(v) {
        return None;
    }
    // A quote that opened prose, not a value: `password: ', but I don't`.
    if quoted
        && v.first().is_some_and(u8::is_ascii_punctuation)
        && v.get(1).is_some_and(u8::is_ascii_whitespace)
    {
        return None;
    }
    // Prose: an unquoted lower-case word followed by more words ("password is required").
    if !quoted
        && v.iter().all(u8::is_ascii_lowercase)
        && byte(b, e) == b' '
        && byte(b, e + 1).is_ascii_alphabetic()
    {
        return None;
    }
    push(out, "secret.key_value", s, e, "value of a secret-named key");
    Some(e)
}

/// `Cookie: a=1; b=2` (every value) / `Set-Cookie: sid=1; Path=/` (the first value).
fn cookie_values(b: &[u8], i: usize, set: bool, out: &mut Vec<Finding>) -> Option<usize> {
    let le = line_end(b, i);
    let (vs, ve) = match quote_at(b, i) {
        Some((open, close)) => {
            let s = i + open.len();
            (
                s,
                memchr::memmem::find(&b[s..le], close).map_or(le, |p| s + p),
            )
        }
        None => (i, le),
    };
    let mut j = vs;
    let mut last = None;
    while j < ve {
        let seg_end = memchr::memchr(b';', &b[j..ve]).map_or(ve, |p| j + p);
        if let Some(eq) = memchr::memchr(b'=', &b[j..seg_end]) {
            let s = j + eq + 1;
            let mut e = seg_end;
            while e > s && b[e - 1].is_ascii_whitespace() {
                e -= 1;
            }
            let v = &b[s..e];
            if v.len() >= 4 && !is_placeholder(v) {
                push(out, "secret.cookie", s, e, "cookie value");
                last = Some(e);
            }
        }
        if set {
            break;
        }
        j = seg_end + 1;
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        SecretDetector.detect(text, &mut out);
        out.sort_by_key(|f| f.start);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn prefixed_tokens() {
        let gh = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
        assert_eq!(found(&format!("token {gh} end")), [gh]);
        assert_eq!(found("id AKIAIOSFODNN7EXAMPLF,"), ["AKIAIOSFODNN7EXAMPLF"]);
        let slack = "xoxb-2039482-2093840923-Afo93jfDk3";
        assert_eq!(found(slack), [slack]);
        let stripe = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
        assert_eq!(found(&format!("\"{stripe}\"")), [stripe]);
        let google = "AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI";
        assert_eq!(found(google), [google]);
        let tg = "508627689:AAEuLPKs-EhrjrYGnz60bnYNZqakf6HJxc0";
        assert_eq!(found(&format!("bot {tg}")), [tg]);
        assert_eq!(
            found("\x1b[93msk-615ef152bf865a131f88b23571dc4ee6\x1b[0m"),
            ["sk-615ef152bf865a131f88b23571dc4ee6"]
        );
    }

    /// A valid bech32 age secret key from 52 data values.
    fn age_key(seed: u8) -> String {
        let hrp = b"age-secret-key-";
        let data: Vec<u8> = (0..52u8)
            .map(|i| i.wrapping_mul(7).wrapping_add(seed) % 32)
            .collect();
        let pm = bech32_polymod(hrp, data.iter().copied().chain([0u8; 6])) ^ 1;
        let check = (0..6).map(|i| ((pm >> (5 * (5 - i))) & 31) as u8);
        let body: String = data
            .iter()
            .copied()
            .chain(check)
            .map(|v| BECH32_CHARSET[usize::from(v)].to_ascii_uppercase() as char)
            .collect();
        format!("AGE-SECRET-KEY-1{body}")
    }

    #[test]
    fn jfrog_api_keys_are_base58() {
        const B58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        let body: String = (0..69)
            .map(|i| B58[(i * 7 + 3) % B58.len()] as char)
            .collect();
        let key = format!("AKCp{body}");
        assert_eq!(found(&format!("jfrog {key} ok")), [key.as_str()]);
        // One character outside the base58 alphabet: not a key JFrog issued.
        for bad in ['0', 'O', 'I', 'l'] {
            let fake = format!("AKCp{}{bad}", &body[..68]);
            assert!(found(&format!("jfrog {fake} ok")).is_empty(), "{fake}");
        }
    }

    #[test]
    fn age_keys_need_their_checksum() {
        for seed in [1, 5, 11] {
            let key = age_key(seed);
            assert!(bech32_valid(b"age-secret-key-", &key.as_bytes()[16..]));
            let text = format!("age: {key}");
            assert_eq!(found(&text), vec![key.as_str()], "{key}");
            // One character changed: the checksum fails.
            let mut bad = key.clone().into_bytes();
            let last = bad.len() - 1;
            bad[last] = if bad[last] == b'Q' { b'P' } else { b'Q' };
            let bad = String::from_utf8(bad).unwrap();
            assert!(!bech32_valid(b"age-secret-key-", &bad.as_bytes()[16..]));
            assert!(found(&format!("{bad} x")).is_empty(), "{bad}");
        }
    }

    #[test]
    fn weak_keys_and_glued_keys() {
        // A template value after a weak key (five ascending letters), not a secret.
        assert!(found("Activation key : QWERT-ASDFG-ZXCVB-POIUY-FGHIJ").is_empty());
        assert!(found("license key: XXXXXX-XXXXXX-XXXXXX").is_empty());
        // ... but a random one is.
        assert_eq!(
            found("Activation key : QWERT-ASDFG-ZXCVB-POIUY-FGHIX"),
            vec!["QWERT-ASDFG-ZXCVB-POIUY-FGHIX"]
        );
        assert_eq!(
            found("api_key=aKdfjQwlErtyuiopZx"),
            vec!["aKdfjQwlErtyuiopZx"]
        );
        assert!(looks_fake(b"ab12345x") && looks_fake(b"xxKLMNOx") && !looks_fake(b"KLMNX"));
        // A key name glued to a closing bracket (uuencoded noise) is not one.
        assert!(found("M[@%]PW:2Z.Q?2M^S;`4G?E0C").is_empty());
        assert!(found("x)password=hunter22").is_empty());
        // Quotes around a key are fine.
        assert_eq!(found("\"pw\": \"hunter22\""), vec!["hunter22"]);
    }

    #[test]
    fn mid_word_bigrams() {
        let mut want: Vec<[u8; 2]> = TOKENS
            .iter()
            .filter(|t| mid_word(t.kind))
            .map(|t| [t.pat.as_bytes()[0], t.pat.as_bytes()[1]])
            .collect();
        want.sort();
        want.dedup();
        let mut have = MID_BIGRAMS.to_vec();
        have.sort();
        assert_eq!(have, want);
        // Every other pattern starts with a word byte (found at word starts), and every
        // token is at least MIN_TOKEN long.
        for t in TOKENS
            .iter()
            .filter(|t| !mid_word(t.kind) && t.kind != Kind::Pem)
        {
            assert!(WORD_BYTE[usize::from(t.pat.as_bytes()[0])], "{}", t.pat);
        }
        for t in TOKENS
            .iter()
            .filter(|t| matches!(t.kind, Kind::Token | Kind::Tail | Kind::Suffix))
        {
            assert!(t.pat.len() + t.min >= MIN_TOKEN, "{}", t.pat);
            assert!(
                t.pat.bytes().all(|c| TOKEN_BYTE[usize::from(c)]),
                "{}",
                t.pat
            );
        }
    }

    #[test]
    fn block_masks() {
        let text: Vec<u8> = (0..=255u8).cycle().take(320).collect();
        let m = token_mask(&text[..64]);
        for (i, &c) in text[..64].iter().enumerate() {
            assert_eq!(m >> i & 1 == 1, c.wrapping_sub(0x21) < 0x5e, "{i}");
            assert!(!TOKEN_BYTE[usize::from(c)] || m >> i & 1 == 1);
        }
        for k in [64, 128, 192, 256] {
            let m = token_mask(&text[k..k + 64]);
            for (i, &c) in text[k..].iter().take(64).enumerate() {
                assert_eq!(m >> i & 1 == 1, c.wrapping_sub(0x21) < 0x5e, "{k} {i}");
            }
        }
        assert!(has_run(0b11_1111_1111_1111 << 20));
        assert!(!has_run(0b1_1111_1111_1111 << 20 | 1 << 34));
        let s = b"ab cd_ef mNRx-u:AQ~.aUFUkBS";
        let m = cand_mask(s, 0);
        let got: Vec<usize> = (0..s.len()).filter(|&i| m >> i & 1 == 1).collect();
        // Word starts (`_ef` is inside a word; `N` follows `m`), then -u, :A, Q~, .a,
        // UF, Uk, BS and the word starts after `-`, `:`, `.`.
        assert_eq!(
            got,
            vec![0, 3, 9, 10, 13, 14, 15, 16, 17, 19, 20, 21, 23, 25]
        );
    }

    #[test]
    fn tokens_at_block_edges() {
        let tok = "ghp_R8n2Kq7LmZ4xWv9TbC3yHs6PdJ1fGa5NeU0k";
        for pad in 0..140 {
            for sep in [" ", "\n", "x y ", "="] {
                let text = format!(
                    "{}{sep}{tok} end",
                    "a b ".repeat(pad / 4) + &"z".repeat(pad % 4)
                );
                let f = found(&text);
                assert!(f.contains(&tok), "pad {pad} sep {sep:?}: {f:?}");
            }
        }
        // Glued to a word: never.
        for pad in 0..70 {
            let text = format!("{}x{tok}", " ".repeat(pad));
            assert!(found(&text).is_empty(), "{pad}");
        }
    }

    #[test]
    fn prefixed_negatives() {
        assert!(found("the task-manager and risk-assessment-framework-v2").is_empty());
        assert!(found("ASIAN markets, AKIA is short").is_empty());
        assert!(found("ghp_ is the prefix").is_empty());
        assert!(found("dckr_pat_EXAMPLE-EXAMPLE-EXAMPLE-123").is_empty());
        assert!(found("AC123456E2A108CD72F648B1984C3B5A13").is_empty());
    }

    #[test]
    fn jwt() {
        let j = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assert_eq!(found(&format!("jwt={j}&x")), [j]);
        // Not a JWT header.
        assert!(found("eyJmb28iOiJiYXIifQ.eyJzdWIiOiIxIn0.abc").is_empty());
    }

    #[test]
    fn authorization_headers() {
        assert_eq!(
            found("Authorization: Bearer eyJGRpVu1c2VzY2-823r_db32hbf4W1lbj"),
            ["eyJGRpVu1c2VzY2-823r_db32hbf4W1lbj"]
        );
        assert_eq!(
            found("curl -H \"Authorization: Basic R2hyZG5oYzpycWVpIGVuZ2xiZg==\" http://x"),
            ["R2hyZG5oYzpycWVpIGVuZ2xiZg=="]
        );
        assert_eq!(
            found(r#"{"authorization": "Bearer abcDEF123456ghiJKL"}"#),
            ["abcDEF123456ghiJKL"]
        );
        assert!(found("Basic information about the account").is_empty());
    }

    #[test]
    fn cookies_and_sessions() {
        assert_eq!(
            found("Cookie: JSESSIONID=1A2B3C4D5E6F7A8B; lang=en-US-x"),
            ["1A2B3C4D5E6F7A8B", "en-US-x"]
        );
        assert_eq!(
            found("Set-Cookie: sid=s%3Aabc123def456; Path=/; HttpOnly"),
            ["s%3Aabc123def456"]
        );
        assert_eq!(found("url;PHPSESSID=abc123def456ghi"), ["abc123def456ghi"]);
    }

    #[test]
    fn key_value_forms() {
        assert_eq!(found("password=hunter22"), ["hunter22"]);
        assert_eq!(found("passwd: S3cr3t!x"), ["S3cr3t!x"]);
        assert_eq!(found(r#"{"password": "Prl23Db#@"}"#), ["Prl23Db#@"]);
        assert_eq!(found("api_key=AbC123dEf456"), ["AbC123dEf456"]);
        assert_eq!(
            found("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLF"),
            ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLF"]
        );
        assert_eq!(found("mysql --password Sne3sd8AZjq"), ["Sne3sd8AZjq"]);
        assert_eq!(found("mysql -u root -pSecret12"), ["Secret12"]);
        assert_eq!(found("mysql -u root -p'xyz12'"), ["xyz12"]);
        assert_eq!(found("curl -u admin:pa55word https://h"), ["pa55word"]);
        assert_eq!(found("ID:master,PW:dipPr10Gg!"), ["dipPr10Gg!"]);
        assert_eq!(found("CREATE USER u IDENTIFIED BY 'SqL5pw';"), ["SqL5pw"]);
        assert_eq!(found("ALTER ROLE x PASSWORD 'SqL5pw';"), ["SqL5pw"]);
        assert_eq!(found("client_secret: changeme"), ["changeme"]);
        assert_eq!(
            found("https://h/x?token=zUkITxodk63b&y=1"),
            ["zUkITxodk63b"]
        );
    }

    #[test]
    fn regression_issue_3_prose_quotes_and_public_tokens() {
        assert!(found("my passwords 'buttons@host password: ', but I don't want").is_empty());
        assert!(found("Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a").is_empty());
        assert_eq!(found("password: 'pass word 9'").len(), 1);
    }

    #[test]
    fn key_value_negatives() {
        for s in [
            "password=",
            "password: <password>",
            "password=***",
            "password=xxx",
            "password=${DB_PASSWORD}",
            "password=%s",
            "token: {{token}}",
            "password: null",
            "token=None",
            "secret: true",
            "password=[SECRET-1]",
            "the password is required",
            "password: is required",
            "Password: required field",
            "password_length: 12",
            "pass_mask32: 0x31c45018",
            "passengers: many",
            "author = \"M$Bn0Tf0YHD\"",
            "keyboard: qwerty123",
            "key: value",
            "request_id=5d41402abc4b2a76b9719d911017c592",
            "key: 1ace4d19-fa7e-b4e2-c3f0-9129474bcd81",
            "PASSWORD = os.environ.get(\"PASSWORD\")",
            "password = self.password",
            "#define PASSWORD 0x0dead1beef7cafe2",
            "curl -u \"$USER:$PASSWORD\" https://h",
        ] {
            assert!(found(s).is_empty(), "{s:?} -> {:?}", found(s));
        }
    }

    #[test]
    fn pem_blocks() {
        let key = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\nKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==\n-----END RSA PRIVATE KEY-----";
        let text = format!("key:\n{key}\nafter");
        assert_eq!(found(&text), [key]);
        let public = "-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf\n-----END PUBLIC KEY-----";
        assert!(found(public).is_empty());
        assert!(found("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----").is_empty());
        // Truncated: the base64 lines after BEGIN.
        let cut = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
        assert_eq!(found(&format!("{cut}\n\nnext line here")), [cut]);
    }

    #[test]
    fn base64_pem() {
        let pem = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC PRIVATE KEY-----\n";
        let enc = encode_b64(pem.as_bytes());
        assert_eq!(found(&format!("data: {enc}")), [enc.as_str()]);
    }

    fn encode_b64(d: &[u8]) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut s = String::new();
        for c in d.chunks(3) {
            let n = (u32::from(c[0]) << 16)
                | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                | u32::from(*c.get(2).unwrap_or(&0));
            for k in 0..4 {
                if k <= c.len() {
                    s.push(A[((n >> (18 - 6 * k)) & 63) as usize] as char);
                } else {
                    s.push('=');
                }
            }
        }
        s
    }

    #[test]
    fn never_fires_on_placeholders() {
        for s in [
            "[SECRET-1] [SECRET-12] [URL_TOKEN-3] [EMAIL-1]",
            "password=[SECRET-3] token: [SECRET-4]",
            "Authorization: Bearer [SECRET-2]",
            "Cookie: sid=[SECRET-5]; x=[SECRET-6]",
        ] {
            assert!(found(s).is_empty(), "{s:?} -> {:?}", found(s));
        }
    }

    #[test]
    fn utf8_safe() {
        // Multi-byte text around every anchor must not panic or split chars.
        for s in [
            "pässword=ünïcödé密码",
            "密码 password: 密码密码",
            "token=é",
            "AKIA密",
            "-----BEGIN PRIVATE KEY-----密",
            "eyJ密.x.y",
            "Cookie: a=密密密密",
        ] {
            let _ = found(s);
        }
    }
}
