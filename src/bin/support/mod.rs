//! Realistic synthetic support data for the evaluation, the benchmarks and the tests:
//! chat transcripts, JSON Lines ticket comments (Zendesk-style, public and private, with an
//! `html_body`) and server logs, about thousands of distinct people (given names and
//! surnames from English, French, German, Spanish, Italian, Dutch and Portuguese, mixed),
//! with street addresses, phones in national formats, emails, IPv4 addresses and card
//! numbers, around ordinary text (dates, order numbers, versions, amounts). Every value is
//! labelled with its span. The same seed gives the same bytes on every machine.

use logscrub::Category;

/// What a labelled span holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Name,
    Email,
    Phone,
    Ipv4,
    Card,
    Address,
}

impl Kind {
    /// The category logscrub reports it as, when it has one.
    pub fn category(self) -> Option<Category> {
        match self {
            Kind::Name => Some(Category::Name),
            Kind::Email => Some(Category::Email),
            Kind::Phone => Some(Category::Phone),
            Kind::Ipv4 => Some(Category::Ipv4),
            Kind::Card => Some(Category::Card),
            Kind::Address => None,
        }
    }
}

/// A labelled value: what it is and its byte span in the document.
#[derive(Clone, Debug)]
pub struct Span {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// One generated document.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub text: String,
    pub labels: Vec<Span>,
}

impl Doc {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn value(&mut self, kind: Kind, v: &str) {
        let start = self.text.len();
        self.text.push_str(v);
        self.labels.push(Span {
            kind,
            start,
            end: self.text.len(),
        });
    }

    /// Appends `other`, moving its labels.
    pub fn append(&mut self, other: Doc) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.labels.extend(other.labels.into_iter().map(|mut l| {
            l.start += base;
            l.end += base;
            l
        }));
    }
}

/// The kinds of document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Chat,
    Tickets,
    Log,
}

const GIVEN: &[&str] = &[
    "James",
    "Emily",
    "Oliver",
    "Charlotte",
    "Jack",
    "Sophie",
    "Harry",
    "Grace",
    "Thomas",
    "Chloé",
    "Léa",
    "Hugo",
    "Camille",
    "Louis",
    "Manon",
    "Étienne",
    "Inès",
    "Lukas",
    "Anna",
    "Jonas",
    "Mia",
    "Felix",
    "Lena",
    "Jürgen",
    "Sofía",
    "Lucía",
    "Mateo",
    "Pablo",
    "Martina",
    "Alejandro",
    "Giulia",
    "Marco",
    "Francesca",
    "Lorenzo",
    "Chiara",
    "Matteo",
    "Daan",
    "Sanne",
    "Bram",
    "Fleur",
    "Jeroen",
    "Anouk",
    "João",
    "Beatriz",
    "Tiago",
    "Mariana",
    "Gonçalo",
    "Inês",
];
const SURNAMES: &[&str] = &[
    "Smith",
    "Johnson",
    "Taylor",
    "Brown",
    "Wilson",
    "Evans",
    "Walker",
    "Martin",
    "Bernard",
    "Dubois",
    "Lefèvre",
    "Moreau",
    "Laurent",
    "Fontaine",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Becker",
    "García",
    "Fernández",
    "López",
    "Martínez",
    "Sánchez",
    "Romero",
    "Rossi",
    "Russo",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "de Boer",
    "Silva",
    "Santos",
    "Ferreira",
    "Pereira",
    "Oliveira",
    "Costa",
];
const AGENTS: &[&str] = &["Mike", "Sarah", "Priya", "Tom", "Nadia", "Kenji"];
const DOMAINS: &[&str] = &[
    "gmail.com",
    "outlook.com",
    "yahoo.co.uk",
    "orange.fr",
    "free.fr",
    "web.de",
    "gmx.de",
    "telefonica.es",
    "libero.it",
    "ziggo.nl",
    "sapo.pt",
    "contoso.com",
    "fabrikam.org",
];
const STREETS: &[(&str, &str)] = &[
    ("{n} Baker Street", "London NW1 6XE"),
    ("{n} rue de la Paix", "75002 Paris"),
    ("{n} avenue Jean Jaurès", "69007 Lyon"),
    ("Hauptstraße {n}", "10115 Berlin"),
    ("Lindenweg {n}", "80331 München"),
    ("Calle Mayor {n}", "28013 Madrid"),
    ("Via Roma {n}", "00184 Roma"),
    ("Keizersgracht {n}", "1015 CJ Amsterdam"),
    ("Rua Augusta {n}", "1100-048 Lisboa"),
    ("{n} Main Street", "Springfield, IL 62701"),
];
const PRODUCTS: &[&str] = &[
    "router X200",
    "the mobile app",
    "invoice",
    "subscription",
    "order",
];

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

/// A person of the generated world.
struct Person {
    given: &'static str,
    surname: &'static str,
    email: String,
    phone: String,
    address: (String, &'static str),
    ip: String,
    card: String,
}

fn ascii_fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'é' | 'è' | 'ê' | 'É' => Some('e'),
            'à' | 'á' | 'ã' => Some('a'),
            'í' => Some('i'),
            'ó' | 'ô' => Some('o'),
            'ú' | 'ü' => Some('u'),
            'ç' => Some('c'),
            'ß' => Some('s'),
            ' ' => None,
            c => Some(c.to_ascii_lowercase()),
        })
        .collect()
}

/// A phone number in one of the national formats we support.
fn phone(r: &mut Rng) -> String {
    let d = |r: &mut Rng, n| r.digits(n);
    let nz = |r: &mut Rng| char::from(b'2' + r.below(8) as u8);
    match r.below(11) {
        0 => format!("({}{}) {}{}-{}", nz(r), d(r, 2), nz(r), d(r, 2), d(r, 4)),
        1 => format!("+1 {}{} {}{} {}", nz(r), d(r, 2), nz(r), d(r, 2), d(r, 4)),
        2 => format!("020 7{} {}", d(r, 3), d(r, 4)),
        3 => format!("+44 7{} {}", d(r, 3), d(r, 6)),
        4 => format!(
            "0{} {} {} {} {}",
            1 + r.below(7),
            d(r, 2),
            d(r, 2),
            d(r, 2),
            d(r, 2)
        ),
        5 => format!("+33 6 {} {} {} {}", d(r, 2), d(r, 2), d(r, 2), d(r, 2)),
        6 => format!("030 {}", d(r, 8)),
        7 => format!("+49 151 {}", d(r, 8)),
        8 => format!("+34 6{} {} {}", d(r, 2), d(r, 3), d(r, 3)),
        9 => format!("+39 3{} {} {}", d(r, 2), d(r, 3), d(r, 4)),
        _ => format!("+31 6 {}", d(r, 8)),
    }
}

/// A Luhn-valid card number of a real issuer prefix, plain, in groups or dashed.
fn card(r: &mut Rng) -> String {
    let (prefix, len) = match r.below(3) {
        0 => ("4".to_string(), 16),
        1 => (format!("5{}", 1 + r.below(5)), 16),
        _ => ("37".to_string(), 15),
    };
    let mut digits: Vec<u32> = prefix.bytes().map(|b| u32::from(b - b'0')).collect();
    while digits.len() < len - 1 {
        digits.push(r.below(10) as u32);
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 0 {
                (d * 2) % 9 + if d == 9 { 9 } else { 0 }
            } else {
                d
            }
        })
        .sum();
    digits.push((10 - sum % 10) % 10);
    let plain: String = digits.iter().map(|d| char::from(b'0' + *d as u8)).collect();
    let sep = match r.below(3) {
        0 => return plain,
        1 => " ",
        _ => "-",
    };
    let groups: &[usize] = if len == 15 { &[4, 6, 5] } else { &[4, 4, 4, 4] };
    let mut out = Vec::new();
    let mut at = 0;
    for g in groups {
        out.push(&plain[at..at + g]);
        at += g;
    }
    out.join(sep)
}

fn person(r: &mut Rng) -> Person {
    let given = *r.pick(GIVEN);
    let surname = *r.pick(SURNAMES);
    let email = match r.below(3) {
        0 => format!(
            "{}.{}@{}",
            ascii_fold(given),
            ascii_fold(surname),
            r.pick(DOMAINS)
        ),
        1 => format!(
            "{}{}{}@{}",
            ascii_fold(given),
            ascii_fold(surname),
            r.below(100),
            r.pick(DOMAINS)
        ),
        _ => format!(
            "{}.{}{}@{}",
            &ascii_fold(given)[..1],
            ascii_fold(surname),
            r.below(10),
            r.pick(DOMAINS)
        ),
    };
    let (street, city) = *r.pick(STREETS);
    let address = (street.replace("{n}", &(1 + r.below(250)).to_string()), city);
    let ip = format!(
        "{}.{}.{}.{}",
        11 + r.below(212),
        r.below(256),
        r.below(256),
        1 + r.below(254)
    );
    Person {
        given,
        surname,
        email,
        phone: phone(r),
        address,
        ip,
        card: card(r),
    }
}

fn date(r: &mut Rng) -> String {
    format!("2024-{:02}-{:02}", 1 + r.below(12), 1 + r.below(28))
}

fn time(r: &mut Rng) -> String {
    format!("{:02}:{:02}:{:02}", r.below(24), r.below(60), r.below(60))
}

/// One chat transcript between a customer and an agent.
fn chat(r: &mut Rng) -> Doc {
    let p = person(r);
    let agent = *r.pick(AGENTS);
    let full = format!("{} {}", p.given, p.surname);
    let mut d = Doc::default();
    d.push(&format!(
        "Chat started: {} {} UTC\n",
        date(r),
        &time(r)[..5]
    ));
    let line = |d: &mut Doc, r: &mut Rng, who: &str| {
        d.push(&format!("({}) ", time(r)));
        d.push(who);
        d.push(": ");
    };
    line(&mut d, r, &format!("Agent {agent}"));
    d.push(&format!(
        "Hello, thanks for contacting support about order #{}. How can I help?\n",
        r.digits(7)
    ));
    line(&mut d, r, &full);
    d.push(&format!(
        "Hi, my {} stopped working after the update to v{}.{}.{} on {}.\n",
        r.pick(PRODUCTS),
        r.below(9),
        r.below(20),
        r.below(50),
        date(r)
    ));
    line(&mut d, r, &format!("Agent {agent}"));
    d.push("Sorry to hear that. Could you confirm the email on the account?\n");
    line(&mut d, r, &full);
    d.push("Sure, it's ");
    d.value(Kind::Email, &p.email);
    d.push(". You can also call me at ");
    d.value(Kind::Phone, &p.phone);
    d.push(&format!(" between 9 and 17 (ref {}).\n", r.digits(6)));
    line(&mut d, r, &format!("Agent {agent}"));
    d.push(&format!("Thanks {}! I see a login from ", p.given));
    d.value(Kind::Ipv4, &p.ip);
    d.push(&format!(
        " at {} yesterday, build {}.{}.{}.{}, is that you?\n",
        &time(r)[..5],
        r.below(9),
        r.below(9),
        r.below(99),
        r.below(9999)
    ));
    line(&mut d, r, &full);
    d.push("Yes. Please send the replacement to ");
    d.value(Kind::Address, &format!("{}, {}", p.address.0, p.address.1));
    d.push(", and charge the card ending ");
    d.push(&p.card[p.card.len() - 4..]);
    d.push(&format!(
        " for the {}.{:02} EUR.\n",
        10 + r.below(90),
        r.below(100)
    ));
    if r.below(3) == 0 {
        line(&mut d, r, &full);
        d.push("Actually use this card: ");
        d.value(Kind::Card, &p.card);
        d.push(&format!(
            " exp {:02}/{}.\n",
            1 + r.below(12),
            26 + r.below(5)
        ));
    }
    line(&mut d, r, &format!("Agent {agent}"));
    d.push(&format!(
        "Done, ticket {} is updated. Anything else?\n",
        r.digits(5)
    ));
    line(&mut d, r, &full);
    d.push("No, thank you. Bye!\n");
    d.push("Chat ended.\n\n");
    d
}

/// Ticket comments as JSON Lines: public replies and private notes, with an `html_body`.
fn tickets(r: &mut Rng) -> Doc {
    let p = person(r);
    let ticket = 100_000 + r.below(900_000);
    let full = format!("{} {}", p.given, p.surname);
    let mut d = Doc::default();
    let comments = 2 + r.below(3);
    for i in 0..comments {
        let public = i == 0 || r.below(3) != 0;
        // The same text twice: in `body` and, as HTML, in `html_body`.
        let mut parts: Vec<(Option<Kind>, String)> = Vec::new();
        let t = |s: &str| (None, s.to_string());
        let v = |k: Kind, s: &str| (Some(k), s.to_string());
        match (i, r.below(4)) {
            (0, _) => {
                parts.push(t("Hello, I am "));
                parts.push(v(Kind::Name, &full));
                parts.push(t(&format!(
                    ", my invoice {} from {} is wrong. Reach me on ",
                    r.digits(8),
                    date(r)
                )));
                parts.push(v(Kind::Phone, &p.phone));
                parts.push(t(" or "));
                parts.push(v(Kind::Email, &p.email));
                parts.push(t("."));
            }
            (_, 0) => {
                parts.push(t("VIP account, owner "));
                parts.push(v(Kind::Name, &full));
                parts.push(t(", direct line "));
                parts.push(v(Kind::Phone, &p.phone));
                parts.push(t("."));
            }
            (_, 1) => {
                parts.push(t("Customer logged in from "));
                parts.push(v(Kind::Ipv4, &p.ip));
                parts.push(t(&format!(
                    " on {} with app 4.{}.{}; address on file ",
                    date(r),
                    r.below(20),
                    r.below(10)
                )));
                parts.push(v(
                    Kind::Address,
                    &format!("{}, {}", p.address.0, p.address.1),
                ));
                parts.push(t("."));
            }
            (_, 2) => {
                parts.push(t("Refund of "));
                parts.push(t(&format!("{}.{:02}", r.below(500), r.below(100))));
                parts.push(t(" issued to card "));
                parts.push(v(Kind::Card, &p.card));
                parts.push(t(&format!(" (auth {}).", r.digits(6))));
            }
            _ => {
                parts.push(t(&format!(
                    "Thanks {}, we escalated this on {} (case {}). Call ",
                    p.given,
                    date(r),
                    r.digits(7)
                )));
                parts.push(v(Kind::Phone, &p.phone));
                parts.push(t(" if needed."));
            }
        }
        d.push(&format!(
            "{{\"id\":{},\"ticket_id\":{ticket},\"author_id\":{},\"public\":{public},\"body\":\"",
            ticket * 10 + i,
            1000 + r.below(90_000)
        ));
        for (k, s) in &parts {
            match k {
                Some(k) => d.value(*k, s),
                None => d.push(s),
            }
        }
        d.push("\",\"html_body\":\"<div class=\\\"zd-comment\\\"><p>");
        for (k, s) in &parts {
            match k {
                Some(k) => d.value(*k, s),
                None => d.push(s),
            }
        }
        d.push(&format!(
            "</p></div>\",\"created_at\":\"{}T{}Z\",\"via\":{{\"channel\":\"{}\"}}}}\n",
            date(r),
            time(r),
            r.pick(&["email", "web", "api"])
        ));
    }
    d
}

/// Server log lines.
fn log(r: &mut Rng) -> Doc {
    let p = person(r);
    let mut d = Doc::default();
    for _ in 0..4 + r.below(6) {
        let ts = format!("{}T{}.{}Z", date(r), time(r), r.digits(3));
        match r.below(5) {
            0 => {
                d.push(&format!("{ts} INFO  [auth] login ok user="));
                d.value(Kind::Email, &p.email);
                d.push(" ip=");
                d.value(Kind::Ipv4, &p.ip);
                d.push(&format!(" session={:016x}\n", r.next()));
            }
            1 => {
                d.value(Kind::Ipv4, &p.ip);
                d.push(&format!(
                    " - - [{}/Mar/2024:{} +0000] \"GET /api/v2/orders/{} HTTP/1.1\" 200 {} \"-\" \"Mozilla/5.0\"\n",
                    1 + r.below(28),
                    time(r),
                    r.digits(6),
                    r.below(9000)
                ));
            }
            2 => {
                d.push(&format!(
                    "{ts} WARN  [billing] payment declined for customer {} card=",
                    r.digits(6)
                ));
                d.value(Kind::Card, &p.card);
                d.push(&format!(" amount={}.{:02}\n", r.below(900), r.below(100)));
            }
            3 => {
                d.push(&format!("{ts} INFO  [sms] sent code to "));
                d.value(Kind::Phone, &p.phone);
                d.push(&format!(
                    " in {}ms (gateway version 6.1.{}.0)\n",
                    r.below(900),
                    r.below(9)
                ));
            }
            _ => {
                d.push(&format!(
                    "{ts} DEBUG [jobs] job {} done in {}.{}s, retries={}\n",
                    r.digits(10),
                    r.below(60),
                    r.below(1000),
                    r.below(4)
                ));
            }
        }
    }
    d
}

/// One document of `shape`.
pub fn doc(r: &mut Rng, shape: Shape) -> Doc {
    match shape {
        Shape::Chat => chat(r),
        Shape::Tickets => tickets(r),
        Shape::Log => log(r),
    }
}

/// About `bytes` of documents of `shapes` (in turn), from `seed`, as one text.
pub fn generate(seed: u64, bytes: usize, shapes: &[Shape]) -> Doc {
    let mut r = Rng::new(seed);
    let mut all = Doc::default();
    let mut i = 0;
    while all.text.len() < bytes {
        let shape = shapes
            .get(i % shapes.len().max(1))
            .copied()
            .unwrap_or(Shape::Chat);
        all.append(doc(&mut r, shape));
        i += 1;
    }
    all
}

/// The mix of the three shapes, as one text (chat first, so it reads as a transcript).
pub fn mix(seed: u64, bytes: usize) -> Doc {
    generate(seed, bytes, &[Shape::Chat, Shape::Tickets, Shape::Log])
}
