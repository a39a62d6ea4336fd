//! The token rules: each documented prefix, the bytes its body is made of, its length.

/// Bytes a token body may be made of.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Cs {
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
    pub(super) fn has(self, b: u8) -> bool {
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
pub(super) enum Kind {
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

pub(super) struct Tok {
    pub(super) pat: &'static str,
    pub(super) rule: &'static str,
    pub(super) kind: Kind,
    pub(super) min: usize,
    pub(super) max: usize,
    pub(super) cs: Cs,
}

pub(super) const fn t(
    pat: &'static str,
    rule: &'static str,
    min: usize,
    max: usize,
    cs: Cs,
) -> Tok {
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

pub(super) const fn tail(pat: &'static str, rule: &'static str, min: usize, cs: Cs) -> Tok {
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
pub(super) static TOKENS: &[Tok] = &[
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
