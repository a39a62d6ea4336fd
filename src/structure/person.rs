//! Person names written in prose: introductions (`my name is`, `je m'appelle`, `ich bin`),
//! greetings and sign-offs (`Hi X,`, `Best regards,\nX`), titles (`Mr`, `Mme`, `Herr`,
//! `Sra.`), reported speech (`spoke with X`, `on behalf of X`), name labels (`Name:`,
//! `Account holder:`), and given name + surname pairs known from the gazetteers, in English,
//! French, German, Spanish, Italian, Dutch and Portuguese.
//!
//! A name found here is *learned* like a speaker label's name: the run's name book then
//! replaces it everywhere in the document, a lone given name or surname included, in
//! whole-text and two-pass stream modes alike (see [`super::names::Book`]).
//!
//! One pass over the text, line by line: words are cut once, and only a capitalised word (or
//! a word right after an introduction) is looked up, in hash tables built once from the
//! gazetteers in `data/` (see `scripts/person-names.py` and docs/data-sources.md).

use super::names::{self, Learned, Role};
use std::sync::{LazyLock, OnceLock};

/// Given names, lower-case, one a line; a trailing `*` marks a name that is also a common
/// word (`mark`, `rose`, `pierre`): it counts only with a surname or a context word.
static GIVEN: LazyLock<String> =
    LazyLock::new(|| front_decode(include_str!(concat!(env!("OUT_DIR"), "/given_names.fc"))));
/// Surnames, lower-case, one a line; a trailing `*` marks a surname that is also an English
/// word (`green`, `wisdom`): it does not vouch for a list of names on its own.
static SURNAMES: LazyLock<String> =
    LazyLock::new(|| front_decode(include_str!(concat!(env!("OUT_DIR"), "/surnames.fc"))));

/// Expands a gazetteer as `build.rs` front-codes it (each line: how many leading characters
/// it shares with the line before, one character `0`-`9`, `a`-`z`, then the rest).
fn front_decode(coded: &str) -> String {
    let mut out = String::with_capacity(coded.len() * 2);
    let mut prev = String::new();
    for line in coded.lines() {
        let mut chars = line.chars();
        let shared = chars.next().and_then(|c| c.to_digit(36)).unwrap_or(0) as usize;
        let mut cur: String = prev.chars().take(shared).collect();
        cur.push_str(chars.as_str());
        out.push_str(&cur);
        out.push('\n');
        prev = cur;
    }
    out
}

type FastMap<V> = crate::search::WordMap<V>;
type FastSet = crate::search::WordSet;

struct Gazetteer {
    /// Context phrases by their last word.
    phrases: FastMap<Vec<(&'static [&'static str], Strength)>>,
    /// Given name -> ambiguous (also a common word).
    given: FastMap<bool>,
    surnames: FastSet,
    /// The surnames that are also English words.
    word_surnames: FastSet,
    /// Capitalised words that are not names (products, months, nouns, titles, ...).
    common: FastSet,
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut given = FastMap::default();
        for line in GIVEN.lines().filter(|l| !l.is_empty()) {
            match line.strip_suffix('*') {
                Some(n) => given.insert(n, true),
                None => given.insert(line, false),
            };
        }
        let mut surnames = FastSet::default();
        let mut word_surnames = FastSet::default();
        for line in SURNAMES.lines().filter(|l| !l.is_empty()) {
            match line.strip_suffix('*') {
                Some(n) => {
                    surnames.insert(n);
                    word_surnames.insert(n);
                }
                None => {
                    surnames.insert(line);
                }
            }
        }
        let common = common_words()
            .chain(names::STOP_WORDS.iter().copied())
            .chain(names::ROLE_WORDS.iter().copied())
            .collect();
        let mut phrases: FastMap<Vec<(&'static [&'static str], Strength)>> = FastMap::default();
        for &(p, strength) in PHRASES {
            if let Some(last) = p.last() {
                phrases.entry(*last).or_default().push((p, strength));
            }
        }
        Gazetteer {
            phrases,
            given,
            surnames,
            word_surnames,
            common,
        }
    })
}

/// Capitalised words that are never a name on their own: days and months, products and
/// companies met in support logs, pronouns and modal verbs, greetings, common nouns of the
/// seven languages (German capitalises every noun), titles and job titles. Lower case,
/// separated by blanks; lines starting with `//` are comments. (One string, not a slice of
/// strings: a thousand pointers less in the web bundle.)
const COMMON: &str = "
    // Days and months (EN months are in the names module's list).
    mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec lundi mardi
    mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
    septembre octobre novembre décembre montag dienstag mittwoch donnerstag freitag samstag
    sonntag januar februar märz juni juli oktober dezember lunes martes miércoles jueves viernes
    sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre
    noviembre diciembre lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio
    febbraio aprile maggio giugno luglio settembre ottobre dicembre maandag dinsdag woensdag
    donderdag vrijdag zaterdag zondag januari februari maart mei augustus segunda terça quarta
    quinta sexta janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
    christmas easter noël weihnachten ostern navidad
    // Placeholders of empty data (`nan` in a CSV export), account words, verbs that are
    // also given names in other languages (`said`).
    said nan iban bic swift sons
    // Ubuntu releases, named in Linux support chats (`upgrade from Hardy to Lucid`).
    warty hoary breezy dapper edgy feisty gutsy intrepid jaunty karmic lucid maverick natty
    oneiric quantal raring saucy trusty utopic xenial yakkety zesty bionic eoan focal groovy
    hirsute impish jammy kinetic mantic
    // Products and companies.
    windows office teams edge outlook surface azure excel word powerpoint onedrive sharepoint
    onenote exchange intune defender dynamics visual studio xbox bing skype cortana copilot
    chrome firefox safari opera android iphone ipad ios mac macbook macos linux ubuntu kubuntu
    xubuntu lubuntu edubuntu debian fedora google gmail microsoft apple amazon aws zoom slack
    webex github gitlab jira confluence salesforce zendesk servicenow freshdesk dell lenovo
    samsung sony cisco adobe acrobat reader paypal visa mastercard netflix spotify whatsapp
    facebook instagram twitter linkedin youtube wifi bluetooth python java javascript docker
    kubernetes oracle sql server pro plus premium business enterprise home cloud online store
    update updates settings control panel explorer manager service services portal app apps
    device devices printer laptop desktop phone mobile tablet monitor keyboard mouse network
    internet browser account password login error warning info debug ticket case order invoice
    refund delivery shipping package product support help helpdesk desk team staff admin it hr
    // Pronouns, articles, modal verbs, greetings, fillers (EN).
    he she they them his her hers their its me him us these those there what when where who whom
    why how which if then than could would should shall must might did does done sorry welcome
    everyone everybody anyone someone all both guys folks world friend friends colleagues valued
    dear kind kindly regards sincerely yours truly best warm many great perfect sure fine right
    well yeah yep nope hmm oh wow great awesome cool nice happy glad unfortunately apparently
    also however meanwhile still already let lets let's i'm i've i'll i'd you're we're it's
    that's there's what's here's don't can't won't didn't doesn't isn't wasn't calling writing
    contacting reaching following regarding re fwd attached see using running trying getting
    having working going looking customer client agent user caller sir madam ma'am mister miss
    mrs ms mr dr prof professor doctor officer director engineer technician representative
    specialist supervisor lead head chief president ceo cto cfo vp senior junior new old first
    last next previous other another same every each some any no not never always again soon
    later now just only even very really ok okay hi hello hey greetings good morning afternoon
    evening night thanks thank cheers bye goodbye north south east west street road avenue city
    state country university college school hospital bank company group inc ltd apt suite unit
    floor building room po box princess prince king queen lord lady saint santa san são port
    fort mount islands island republic kingdom united states phd md jr sr gmbh sarl sa ag bv spa
    srl plc corp corporation limited english french german spanish italian dutch portuguese
    chinese japanese russian arabic im am um zum zur vom beim
    // French.
    madame monsieur mademoiselle mme mlle mm directrice directeur présidente président
    responsable technicien technicienne conseiller conseillère cliente problème facture commande
    compte mot passe merci bonjour bonsoir salut cordialement cher chère chers je tu il elle
    nous vous ils elles le la les un une des ce cette mon ma mes votre vos notre oui non bien
    très voici voilà ici aujourd'hui demain hier équipe société ordinateur imprimante écran
    réseau courriel adresse numéro dossier demande réponse question aide pourriez pouvez est
    c'est j'ai suis
    // German.
    herr herrn frau fräulein kunde kundin drucker rechnung problem fehler bestellung konto
    passwort kennwort datei ordner rechner bildschirm netzwerk verbindung anfrage antwort frage
    hilfe seite termin vertrag lieferung zahlung adresse nummer danke vielen dank grüße grüßen
    gruß freundlichen liebe lieber sehr geehrte geehrter hallo guten tag morgen abend woche
    monat jahr ich du er sie es wir ihr ihnen mein meine ihre ihren der die das den dem ein eine
    einen ja nein bitte heute gestern kollege kollegin abteilung firma gerät computer software
    lizenz server kundennummer rückruf auftrag ticketnummer leider vielleicht können könnten
    würden haben sind ist mit und
    // Spanish.
    señor señora señorita sr sra srta don doña factura pedido cuenta contraseña gracias hola
    buenos buenas días tardes noches saludos atentamente estimado estimada querido querida yo
    usted ustedes nosotros el los las una mi su sí hoy mañana ayer equipo empresa problema ayuda
    pregunta respuesta dirección número impresora pantalla red correo
    // Italian.
    signore signora signorina sig ra dott dottore dottoressa ing avv cliente fattura ordine
    conto grazie buongiorno buonasera salve ciao cordiali saluti distinti gentile gentili caro
    cara io lei noi voi loro il lo gli uno mio mia suo sua oggi domani ieri squadra azienda
    aiuto domanda risposta indirizzo numero stampante schermo rete posta
    // Dutch.
    meneer mevrouw dhr mevr klant factuur bestelling rekening wachtwoord bedankt dank hoi
    goedemorgen goedemiddag goedenavond groet groeten vriendelijke beste geachte ik jij jullie
    wij zij het een mijn uw ja nee vandaag morgen gisteren bedrijf afdeling printer scherm
    netwerk vraag antwoord hulp
    // Portuguese.
    senhor senhora sr sra fatura conta senha obrigado obrigada olá bom boa dia tarde noite
    cumprimentos atenciosamente prezado prezada caro cara eu você vocês nós ele ela eles os as
    um uma meu minha seu sua sim não hoje amanhã ontem equipa equipe empresa problema ajuda
    pergunta resposta endereço impressora ecrã rede
";

/// The words of [`COMMON`].
fn common_words() -> impl Iterator<Item = &'static str> {
    COMMON
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(str::split_whitespace)
}

/// Titles before a name (compared lower-case, a trailing `.` optional).
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "m",
    "mme",
    "mlle",
    "herr",
    "herrn",
    "frau",
    "sr",
    "sra",
    "srta",
    "sig",
    "sigra",
    "dhr",
    "mevr",
    "dott",
    "doctor",
    "madame",
    "monsieur",
    "señor",
    "señora",
    "senhor",
    "senhora",
    "signor",
    "signora",
    "meneer",
    "mevrouw",
    "don",
    "doña",
    "dona",
];

/// How much a context word vouches for the capitalised word after it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Strength {
    /// `this is X`, `ich bin X`, `Customer: X`: X must be a known name, or two capitalised
    /// words.
    Weak,
    /// Greetings, reported speech: any capitalised word that is not a common word.
    Medium,
    /// `my name is X`, titles, `Name: X`: also a known name written in lower case.
    Strong,
}

/// Context phrases (lower-case words, in order) right before a name.
const PHRASES: &[(&[&str], Strength)] = {
    use Strength::*;
    &[
        // Introductions.
        (&["my", "name", "is"], Strong),
        (&["my", "name's"], Strong),
        (&["name", "is"], Strong),
        (&["named"], Strong),
        (&["named", "him"], Strong),
        (&["named", "her"], Strong),
        (&["call", "me"], Strong),
        (&["calls", "me"], Strong),
        (&["appelez-moi"], Strong),
        (&["follow", "up", "with"], Medium),
        (&["sung", "by"], Medium),
        (&["written", "by"], Medium),
        (&["signed", "by"], Medium),
        (&["approved", "by"], Medium),
        (&["directed", "by"], Medium),
        (&["produced", "by"], Medium),
        (&["assigned", "by"], Medium),
        (&["closed", "by"], Medium),
        (&["resolved", "by"], Medium),
        (&["opened", "by"], Medium),
        (&["created", "by"], Medium),
        (&["updated", "by"], Medium),
        (&["edited", "by"], Medium),
        (&["modified", "by"], Medium),
        (&["escalated", "by"], Medium),
        (&["starring"], Medium),
        (&["featuring"], Medium),
        (&["shouted", "at"], Medium),
        (&["yelled", "at"], Medium),
        (&["handled", "by"], Medium),
        (&["called", "him"], Medium),
        (&["called", "her"], Medium),
        (&["i", "am", "called"], Strong),
        (&["je", "m'appelle"], Strong),
        (&["mon", "nom", "est"], Strong),
        (&["moi", "c'est"], Medium),
        (&["mein", "name", "ist"], Strong),
        (&["ich", "heiße"], Strong),
        (&["ich", "heisse"], Strong),
        (&["me", "llamo"], Strong),
        (&["mi", "nombre", "es"], Strong),
        (&["mi", "chiamo"], Strong),
        (&["il", "mio", "nome", "è"], Strong),
        (&["mijn", "naam", "is"], Strong),
        (&["ik", "heet"], Strong),
        (&["o", "meu", "nome", "é"], Strong),
        (&["meu", "nome", "é"], Strong),
        (&["chamo-me"], Strong),
        (&["me", "chamo"], Strong),
        (&["this", "is"], Weak),
        (&["i'm"], Weak),
        (&["i", "am"], Weak),
        (&["it's"], Weak),
        (&["je", "suis"], Weak),
        (&["c'est"], Weak),
        (&["ich", "bin"], Weak),
        (&["hier", "ist"], Weak),
        (&["soy"], Weak),
        (&["sono"], Weak),
        (&["ik", "ben"], Weak),
        (&["sou"], Weak),
        (&["aqui", "é"], Weak),
        // Greetings.
        (&["hi"], Medium),
        (&["hello"], Medium),
        (&["hey"], Medium),
        (&["dear"], Medium),
        (&["morning"], Weak),
        (&["bonjour"], Medium),
        (&["bonsoir"], Medium),
        (&["salut"], Medium),
        (&["cher"], Medium),
        (&["chère"], Medium),
        (&["hallo"], Medium),
        (&["liebe"], Medium),
        (&["lieber"], Medium),
        (&["moin"], Medium),
        (&["hola"], Medium),
        (&["estimado"], Medium),
        (&["estimada"], Medium),
        (&["querido"], Medium),
        (&["querida"], Medium),
        (&["ciao"], Medium),
        (&["salve"], Medium),
        (&["gentile"], Medium),
        (&["caro"], Medium),
        (&["cara"], Medium),
        (&["hoi"], Medium),
        (&["beste"], Medium),
        (&["geachte"], Medium),
        (&["olá"], Medium),
        (&["oi"], Medium),
        (&["prezado"], Medium),
        (&["prezada"], Medium),
        // Thanks (a sign-off on the same line: `Thanks, Anna`).
        (&["thanks"], Medium),
        (&["thank", "you"], Medium),
        (&["cheers"], Medium),
        (&["regards"], Medium),
        (&["merci"], Medium),
        (&["danke"], Medium),
        (&["gracias"], Medium),
        (&["grazie"], Medium),
        (&["bedankt"], Medium),
        (&["obrigado"], Medium),
        (&["obrigada"], Medium),
        // Reported speech and relations.
        (&["spoke", "with"], Medium),
        (&["spoke", "to"], Medium),
        (&["speak", "to"], Medium),
        (&["speak", "with"], Medium),
        (&["speaking", "with"], Medium),
        (&["speaking", "to"], Medium),
        (&["talked", "to"], Medium),
        (&["talked", "with"], Medium),
        (&["on", "behalf", "of"], Strong),
        (&["behalf", "of"], Strong),
        (&["called"], Weak),
        (&["asked"], Medium),
        (&["told"], Medium),
        (&["says"], Medium),
        (&["said"], Medium),
        (&["contacted"], Medium),
        (&["emailed"], Medium),
        (&["phoned"], Medium),
        (&["according", "to"], Medium),
        (&["assigned", "to"], Medium),
        (&["escalated", "to"], Medium),
        (&["forwarded", "to"], Medium),
        (&["transferred", "to"], Medium),
        (&["husband"], Medium),
        (&["wife"], Medium),
        (&["son"], Medium),
        (&["daughter"], Medium),
        (&["partner"], Medium),
        (&["colleague"], Medium),
        (&["mother"], Medium),
        (&["father"], Medium),
        (&["brother"], Medium),
        (&["sister"], Medium),
        (&["de", "la", "part", "de"], Strong),
        (&["parlé", "avec"], Medium),
        (&["parlé", "à"], Medium),
        (&["mon", "mari"], Medium),
        (&["ma", "femme"], Medium),
        (&["mon", "collègue"], Medium),
        (&["ma", "collègue"], Medium),
        (&["im", "auftrag", "von"], Strong),
        (&["sprach", "mit"], Medium),
        (&["gesprochen", "mit"], Medium),
        (&["mein", "mann"], Medium),
        (&["meine", "frau"], Medium),
        (&["mein", "kollege"], Medium),
        (&["meine", "kollegin"], Medium),
        (&["en", "nombre", "de"], Strong),
        (&["de", "parte", "de"], Strong),
        (&["hablé", "con"], Medium),
        (&["mi", "esposo"], Medium),
        (&["mi", "marido"], Medium),
        (&["mi", "esposa"], Medium),
        (&["mi", "mujer"], Medium),
        (&["per", "conto", "di"], Strong),
        (&["da", "parte", "di"], Strong),
        (&["parlato", "con"], Medium),
        (&["mio", "marito"], Medium),
        (&["mia", "moglie"], Medium),
        (&["namens"], Strong),
        (&["gesproken", "met"], Medium),
        (&["mijn", "man"], Medium),
        (&["mijn", "vrouw"], Medium),
        (&["em", "nome", "de"], Strong),
        (&["da", "parte", "de"], Strong),
        (&["falei", "com"], Medium),
        (&["meu", "marido"], Medium),
        (&["minha", "esposa"], Medium),
        (&["minha", "mulher"], Medium),
    ]
};

/// Labels that start a line and give a name (`Name: X`), compared lower-case.
const NAME_LABELS: &[&[&str]] = &[
    &["name"],
    &["full", "name"],
    &["customer", "name"],
    &["contact", "name"],
    &["account", "holder"],
    &["account", "name"],
    &["cardholder"],
    &["card", "holder"],
    &["contact"],
    &["requester"],
    &["requested", "by"],
    &["reported", "by"],
    &["submitted", "by"],
    &["caller"],
    &["nom"],
    &["nom", "complet"],
    &["prénom"],
    &["titulaire"],
    &["vorname"],
    &["nachname"],
    &["kontoinhaber"],
    &["ansprechpartner"],
    &["nombre"],
    &["titular"],
    &["nome"],
    &["naam"],
    &["contactpersoon"],
];

/// Labels of a speaker or role (`Customer: Daniel Weber <...>`): weak context.
const ROLE_LABELS: &[&str] = &[
    "customer", "client", "kunde", "kundin", "cliente", "klant", "user", "agent", "from", "to",
    "cc", "de", "von", "an", "para", "da", "van", "aan",
];

/// Lines that end a message before the writer's name (`Best regards,` then `Jane Doe`).
const SIGN_OFFS: &[&str] = &[
    "best",
    "best regards",
    "kind regards",
    "warm regards",
    "regards",
    "best wishes",
    "cheers",
    "thanks",
    "thank you",
    "many thanks",
    "thanks again",
    "sincerely",
    "yours sincerely",
    "yours truly",
    "yours faithfully",
    "cordialement",
    "bien cordialement",
    "bien à vous",
    "salutations",
    "sincères salutations",
    "merci",
    "mit freundlichen grüßen",
    "mit freundlichen grüssen",
    "freundliche grüße",
    "viele grüße",
    "beste grüße",
    "liebe grüße",
    "grüße",
    "gruß",
    "danke",
    "saludos",
    "un saludo",
    "saludos cordiales",
    "cordiales saludos",
    "atentamente",
    "gracias",
    "saluti",
    "cordiali saluti",
    "distinti saluti",
    "grazie",
    "met vriendelijke groet",
    "met vriendelijke groeten",
    "vriendelijke groeten",
    "groeten",
    "groet",
    "bedankt",
    "atenciosamente",
    "cumprimentos",
    "melhores cumprimentos",
    "obrigado",
    "obrigada",
    "abraço",
];

/// Words before capitalised words that make them a street or a place, not a person
/// (`Rue Charles Corbeau`, `São Paulo`, `Port Edward`).
const PLACE_BEFORE: &[&str] = &[
    "via",
    "viale",
    "rue",
    "rua",
    "avenue",
    "av",
    "avenida",
    "calle",
    "c",
    "corso",
    "piazza",
    "piazzale",
    "largo",
    "vicolo",
    "boulevard",
    "bd",
    "bld",
    "blvd",
    "place",
    "plaza",
    "plaça",
    "praça",
    "travessa",
    "estrada",
    "alameda",
    "chemin",
    "allée",
    "impasse",
    "quai",
    "cours",
    "route",
    "strada",
    "paseo",
    "camino",
    "carrer",
    "ul",
    "ulica",
    "st",
    "saint",
    "sainte",
    "san",
    "santa",
    "santo",
    "são",
    "port",
    "fort",
    "mount",
    "mt",
    "lake",
    "cape",
    "villa",
    "isla",
    "lac",
    "mont",
    "bad",
    "new",
    "north",
    "south",
    "east",
    "west",
    "upper",
    "lower",
    "great",
    "little",
    "zona",
    "parc",
    "park",
    "princess",
    "prince",
    "king",
    "queen",
    "lord",
    "lady",
    "sir",
    "university",
    "college",
    "hotel",
    "restaurant",
    "club",
    "the",
];

/// Words after capitalised words that make them a street, a place or a company.
const PLACE_AFTER: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "drive",
    "dr",
    "lane",
    "ln",
    "way",
    "court",
    "ct",
    "place",
    "pl",
    "boulevard",
    "blvd",
    "terrace",
    "crescent",
    "close",
    "square",
    "sq",
    "parkway",
    "pkwy",
    "highway",
    "hwy",
    "creek",
    "hill",
    "hills",
    "park",
    "islands",
    "island",
    "city",
    "county",
    "valley",
    "beach",
    "bay",
    "heights",
    "springs",
    "falls",
    "village",
    "town",
    "center",
    "centre",
    "station",
    "airport",
    "bridge",
    "river",
    "lake",
    "mountain",
    "mountains",
    "straße",
    "strasse",
    "str",
    "weg",
    "platz",
    "gasse",
    "allee",
    "straat",
    "laan",
    "plein",
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "corp",
    "company",
    "group",
    "holdings",
    "partners",
    "associates",
    "foundation",
    "university",
    "college",
    "school",
    "hospital",
    "hotel",
    "church",
    "club",
    "institute",
    "museum",
    "library",
    "stadium",
    "novel",
    "band",
    "records",
];

/// Lower-case particles inside a name (`van der Voet`, `de la Cruz`, `von Trapp`).
const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "la", "le", "du", "des", "von", "zu", "da", "das", "do", "dos",
    "del", "della", "di", "al", "el", "bin", "ben", "ter", "te", "ten", "y", "e", "st",
];

/// One word of a line: its byte span in the line.
#[derive(Clone, Copy, Debug)]
struct Word {
    start: usize,
    end: usize,
}

/// Cuts a line into words: letters, with inner `'`, `’` and `-` (`O'Sullivan`,
/// `Jean-Baptiste`, `m'appelle`).
fn words(line: &str, out: &mut Vec<Word>) {
    out.clear();
    let mut start: Option<usize> = None;
    let mut it = line.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphabetic() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start {
            // `Mary\'s` in text escaped for JSON or a shell: the backslash joins too.
            let escaped = c == '\\'
                && line.get(i + 1..).is_some_and(|r| {
                    r.strip_prefix('\'')
                        .is_some_and(|r| r.starts_with(char::is_alphabetic))
                });
            let joins = escaped
                || (matches!(c, '\'' | '’' | '-')
                    && it.peek().is_some_and(|&(_, n)| n.is_alphabetic()));
            if joins {
                continue;
            }
            out.push(Word { start: s, end: i });
            start = None;
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: line.len(),
        });
    }
}

/// Appends the lower-case form of a word to `out` (`’` written `'`); returns its span.
fn push_lower(w: &str, out: &mut String) -> (usize, usize) {
    let s = out.len();
    if w.contains('\\') {
        // `Mary\'s` reads as `mary's`.
        out.extend(w.replace("\\'", "'").chars().flat_map(char::to_lowercase));
    } else if w.is_ascii() {
        out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(
            w.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' { '\'' } else { c }),
        );
    }
    (s, out.len())
}

/// `Jane`, `O'Sullivan`, `McDonald`, `Élodie`: an upper-case letter, then a lower-case one
/// somewhere (ALL-CAPS words are acronyms and log levels more often than names).
fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    if !(cs.next().is_some_and(char::is_uppercase) && cs.clone().any(char::is_lowercase)) {
        return false;
    }
    // `CompizConfig`, `PowerShell` are code words; `McDonald`, `MacLeod`, `O'Neil`,
    // `Jean-Luc`, `DeShawn`, `LaToya` are names.
    let inner_capital = w
        .char_indices()
        .skip(1)
        .filter(|(_, c)| c.is_uppercase())
        .any(|(i, _)| {
            let before = w.get(..i).unwrap_or("");
            !(before.ends_with(['\'', '’', '-'])
                || matches!(
                    before,
                    "Mc" | "Mac" | "De" | "La" | "Le" | "Di" | "Da" | "Van"
                ))
        });
    !inner_capital
}

/// Whether the word at `w` touches `@`, `/`, `\`, `_`, `=`, `.` + letter or a digit: an
/// address, a path or an identifier, not prose.
fn glued(line: &str, w: Word) -> bool {
    let before = line.get(..w.start).and_then(|t| t.chars().next_back());
    let mut after = line.get(w.end..).map(str::chars).into_iter().flatten();
    let a1 = after.next();
    let a2 = after.next();
    let bad = |c: Option<char>| {
        c.is_some_and(|c| {
            matches!(c, '@' | '/' | '\\' | '_' | '=' | '<' | '>') || c.is_ascii_digit()
        })
    };
    // `<` before is fine (`<Jane Doe>` is rare; `>Jane` quotes a mail line).
    let bad_before = before
        .is_some_and(|c| matches!(c, '@' | '/' | '\\' | '_' | '=' | '.') || c.is_ascii_digit());
    bad_before
        || (bad(a1) && a1 != Some('<') && a1 != Some('>'))
        || (a1 == Some('.') && a2.is_some_and(char::is_alphanumeric))
}

struct Line<'a> {
    text: &'a str,
    words: &'a [Word],
    /// The words lower-cased, one after the other, and each word's span in it.
    lower: &'a str,
    spans: &'a [(usize, usize)],
}

impl<'a> Line<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.words
            .get(i)
            .and_then(|w| self.text.get(w.start..w.end))
            .unwrap_or("")
    }
    fn low(&self, i: usize) -> &'a str {
        self.spans
            .get(i)
            .and_then(|&(s, e)| self.lower.get(s..e))
            .unwrap_or("")
    }
    /// The text between word `i - 1` and word `i` (or the line start).
    fn gap(&self, i: usize) -> &'a str {
        let s = if i == 0 {
            0
        } else {
            self.words.get(i - 1).map_or(0, |w| w.end)
        };
        let e = self.words.get(i).map_or(self.text.len(), |w| w.start);
        self.text.get(s..e).unwrap_or("")
    }
}

fn is_common(g: &Gazetteer, low: &str) -> bool {
    g.common.contains(low)
}

/// The strongest context right before word `i`, if any.
fn context(line: &Line, g: &Gazetteer, i: usize) -> Option<Strength> {
    let gap = line.gap(i);
    let plain = |g: &str| g.chars().all(|c| c == ' ' || c == '\t');
    let mut best: Option<Strength> = None;
    let mut bump = |s: Strength| {
        if best.map_or(true, |b| s > b) {
            best = Some(s);
        }
    };
    // A title: `Mr Smith`, `Mr. Smith`, `Sig.ra Rossi`.
    if i >= 1 {
        let t = line.low(i - 1);
        let dotted = gap.trim_start_matches('.');
        if is_title(t) && plain(dotted) && !dotted.is_empty() {
            bump(Strength::Strong);
        }
        if t == "ra" && i >= 2 && line.low(i - 2) == "sig" && plain(dotted) {
            bump(Strength::Strong);
        }
    }
    // A label at the start of the line: `Name: X`, `Account holder: X`, `Customer: X`.
    let colon = gap.trim_start_matches([' ', '\t']);
    if let Some(rest) = colon.strip_prefix(':') {
        if plain(rest) {
            let starts = |n: usize| i >= n && line.gap(i - n).chars().all(|c| !c.is_alphanumeric());
            for label in NAME_LABELS {
                let n = label.len();
                if starts(n) && (0..n).all(|k| line.low(i - n + k) == label[k]) {
                    bump(Strength::Strong);
                }
            }
            if starts(1) && ROLE_LABELS.contains(&line.low(i - 1)) {
                bump(Strength::Weak);
            }
        }
    }
    // An answer to a question about the name: `What's your last name? Jónás`.
    if i >= 1 && line.low(i - 1) == "name" && gap.trim() == "?" {
        bump(Strength::Medium);
    }
    // A phrase right before: plain blanks, or a comma after a greeting or thanks (`Thanks,
    // Anna`).
    let comma = gap.trim().is_empty() || gap.trim() == ",";
    if comma {
        let last = if i >= 1 { line.low(i - 1) } else { "" };
        let candidates = g.phrases.get(last).map_or(&[][..], Vec::as_slice);
        for (phrase, strength) in candidates {
            let n = phrase.len();
            if i < n {
                continue;
            }
            if !(0..n).all(|k| line.low(i - n + k) == phrase[k]) {
                continue;
            }
            // The phrase's own words must be separated by blanks only.
            if !(1..n).all(|k| plain(line.gap(i - n + k))) {
                continue;
            }
            if gap.trim() == "," && *strength == Strength::Weak {
                continue;
            }
            bump(*strength);
        }
    }
    best
}

/// Extends a name starting at word `i` over further capitalised words and particles;
/// returns the index after its last word.
fn extend(line: &Line, g: &Gazetteer, i: usize) -> usize {
    let mut end = i + 1;
    let mut k = i + 1;
    while k < line.words.len() && end - i < 5 {
        let gap = line.gap(k);
        let spaced = gap == " " || (gap == ". " && line.word(k - 1).chars().count() == 1);
        if !spaced {
            break;
        }
        let w = line.word(k);
        let low = line.low(k);
        if is_particle(low) && !capitalised(w) {
            k += 1;
            continue;
        }
        let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
        // `John A. Leiva`: an initial with its dot, even `A` or `I`.
        let dotted_initial = initial && line.gap(k + 1) == ". " && k + 1 < line.words.len();
        // `Grace Brown`, `Daniel Young`: a surname that is a common word, right after a given
        // name.
        let common_surname = k == i + 1
            && capitalised(w)
            && g.surnames.contains(strip_possessive(low))
            && g.given.contains_key(line.low(i));
        if (dotted_initial
            || common_surname
            || ((capitalised(w) || initial) && !is_common(g, strip_possessive(low))))
            && !glued(line.text, line.words[k])
        {
            k += 1;
            end = k;
            // `Tony Shervashidze's Cautionary Tales`: the name ends at the possessive.
            if strip_possessive(low).len() < low.len() {
                break;
            }
            continue;
        }
        break;
    }
    end
}

/// `shervashidze's` -> `shervashidze` (also `Mary\'s`, escaped).
fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("\\'s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// Learns the words `i..end` of a line as a name, without a possessive `'s`, unless they
/// are a street, a place or a company by the words around them.
fn learn_span(l: &Line, i: usize, end: usize, learned: &mut Learned) -> bool {
    let (Some(first), Some(last)) = (l.words.get(i), l.words.get(end.saturating_sub(1))) else {
        return false;
    };
    if i > 0 {
        let gap = l.gap(i);
        let before = l.low(i - 1);
        let number_before = l
            .text
            .get(..first.start)
            .is_some_and(|t| t.trim_end().ends_with(|c: char| c.is_ascii_digit()));
        // `The Eileen Sandström version`: after `the`, a known given name and a surname are
        // still a person.
        let the_person =
            before == "the" && end > i + 1 && gazetteer().given.get(l.low(i)) == Some(&false);
        if number_before
            || (PLACE_BEFORE.contains(&before) && matches!(gap, " " | ". " | "/ ") && !the_person)
        {
            return false;
        }
    }
    let after = l.low(end);
    if !after.is_empty()
        && l.gap(end).trim_matches([' ', '.']).is_empty()
        && PLACE_AFTER.contains(&after)
    {
        return false;
    }
    // `Saint Vincent`, `Santa Clara`: a place's name (or the start of one), not a person's.
    if end > i + 1 {
        let mut key = String::new();
        for k in i..end {
            if k > i {
                key.push(' ');
            }
            key.push_str(l.low(k));
        }
        let place = crate::detect::places::gazetteer::lookup(&key);
        if place.exact.is_some() || place.longer {
            return false;
        }
    }
    let Some(name) = l.text.get(first.start..last.end) else {
        return false;
    };
    let name = strip_possessive(name);
    if names::capital_only(name) {
        return learn_common_name(name, i >= 1 && is_title(l.low(i - 1)), learned);
    }
    learned.add(name, Role::Unknown);
    true
}

/// Given names that are words a sentence starts with or is made of (`Will do`, `May I`,
/// `Hope you are well`, `June 3`): never a name alone, whatever the context.
const NEVER_ALONE: &[&str] = &[
    "april", "august", "can", "don", "hope", "june", "love", "march", "may", "new", "pat", "rich",
    "sky", "star", "summer", "sunny", "will",
];

/// Learns a name made of common words only (`Grace`, `Mark Young`; found after a context
/// word, a title or a sign-off): when it starts with a known given name (or follows a
/// title), it is learned as replaced only where written with a capital.
fn learn_common_name(name: &str, after_title: bool, learned: &mut Learned) -> bool {
    let g = gazetteer();
    let mut words = name.split(' ');
    let first = words.next().unwrap_or("").to_lowercase();
    let alone = words.next().is_none();
    let ok = (after_title || g.given.contains_key(first.as_str()))
        && !(alone && NEVER_ALONE.contains(&first.as_str()));
    if ok {
        learned.add_capitalised(name, Role::Unknown);
    }
    ok
}

/// Context words after which a lower-case word may be a name (`my name is mieszko`,
/// `mr. freeman`): the last word of the strong phrases and the titles.
const PHRASES_LOWER_OK: &[&str] = &[
    "is",
    "named",
    "called",
    "m'appelle",
    "est",
    "ist",
    "heiße",
    "heisse",
    "llamo",
    "es",
    "chiamo",
    "è",
    "heet",
    "é",
    "chamo-me",
    "chamo",
    "of",
    "de",
    "von",
    "di",
    "namens",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "mme",
    "mlle",
    "herr",
    "frau",
    "sr",
    "sra",
    "srta",
    "dhr",
    "mevr",
    "name",
    "holder",
];

/// Whether word `i` starts its line (after quote marks and blanks) and a `:` follows it: a
/// speaker label (`Madison: Who are you?`).
fn speaker_label(l: &Line, i: usize) -> bool {
    i == 0
        && l.gap(0)
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '>' | '"' | '\\' | '*' | '-'))
        && l.gap(1).starts_with(':')
}

static TITLE_SET: std::sync::LazyLock<FastSet> =
    std::sync::LazyLock::new(|| TITLES.iter().copied().collect());
static PARTICLE_SET: std::sync::LazyLock<FastSet> =
    std::sync::LazyLock::new(|| PARTICLES.iter().copied().collect());
static SIGN_OFF_SET: std::sync::LazyLock<FastSet> =
    std::sync::LazyLock::new(|| SIGN_OFFS.iter().copied().collect());

/// `mr`, `mme`, `herr` (lower case).
fn is_title(low: &str) -> bool {
    TITLE_SET.contains(low)
}

/// `van`, `de`, `von` (lower case).
fn is_particle(low: &str) -> bool {
    PARTICLE_SET.contains(low)
}

/// Whether the words of `l` are a sign-off (`Best regards`, `Cordialement`).
fn is_sign_off(l: &Line) -> bool {
    let mut joined = [0u8; 64];
    let mut n = 0;
    for k in 0..l.words.len() {
        let w = l.low(k).as_bytes();
        let sep = usize::from(k > 0);
        let Some(dst) = joined.get_mut(n..n + sep + w.len()) else {
            return false;
        };
        let (space, word) = dst.split_at_mut(sep);
        space.fill(b' ');
        word.copy_from_slice(w);
        n += sep + w.len();
    }
    std::str::from_utf8(&joined[..n]).is_ok_and(|j| SIGN_OFF_SET.contains(j))
}

/// [`PHRASES_LOWER_OK`] and the particles' heads, as a set.
static LOWER_OK: std::sync::LazyLock<FastSet> = std::sync::LazyLock::new(|| {
    PHRASES_LOWER_OK
        .iter()
        .chain(TITLES)
        .chain(PARTICLES)
        .copied()
        .collect()
});

/// Extends a lower-case name over the next lower-case word when it is a known name or ends
/// the sentence (`mr. larry lombardo?`).
fn extend_lower(l: &Line, g: &Gazetteer, i: usize) -> usize {
    let k = i + 1;
    let w = l.word(k);
    let low = l.low(k);
    if w.is_empty() || l.gap(k) != " " || capitalised(w) || is_common(g, low) || low.len() < 2 {
        return i + 1;
    }
    let known = g.given.contains_key(low) || g.surnames.contains(low);
    let rest = l
        .text
        .get(l.words.get(k).map_or(l.text.len(), |w| w.end)..)
        .unwrap_or("");
    let ends = rest.trim_start_matches(' ').is_empty()
        || rest.starts_with(['.', ',', '?', '!', ';', ':', ')'])
        || (rest.starts_with(' ') && {
            // `follow up with tracy wisniewska in 2 months`, `melissa pirogova will be`.
            let next = l.low(k + 1);
            PERSON_VERBS.contains(&next)
                || matches!(
                    next,
                    "in" | "as" | "at" | "on" | "for" | "from" | "to" | "and"
                )
        });
    if known || ends {
        k + 1
    } else {
        i + 1
    }
}

/// Whether a known given name alone, without context, is a name (`Why is Alena so upset?`):
/// on, recall on presidio-research is 66 % instead of 48 %, at about 20 % of the throughput
/// cost on conversational text.
const LONE_GIVEN: bool = true;

fn lower_line(l: &Line) -> bool {
    !l.text.chars().any(char::is_uppercase)
}

/// Whether word `i` is inside a sentence, after a lower-case word: not its first word
/// (where `Amber`, `Robin` or `Crystal` may be a capitalised noun).
fn mid_sentence(l: &Line, i: usize) -> bool {
    i >= 1
        && l.word(i - 1).chars().next().is_some_and(char::is_lowercase)
        && l.gap(i).chars().all(|c| matches!(c, ' ' | ','))
}

/// `Don't go to town, Charlotte!`: a word after a comma that ends the sentence.
fn vocative(l: &Line, i: usize) -> bool {
    let rest = l
        .text
        .get(l.words.get(i).map_or(l.text.len(), |w| w.end)..)
        .unwrap_or("");
    l.gap(i) == ", " && (rest.trim().is_empty() || rest.starts_with(['!', '?', '.']))
}

/// Whether the words `i..end` are a known country, region or town (`Nova Scotia`, `Jordan`).
fn is_place(l: &Line, i: usize, end: usize) -> bool {
    let mut key = String::new();
    for k in i..end {
        if k > i {
            key.push(' ');
        }
        key.push_str(strip_possessive(l.low(k)));
    }
    crate::detect::places::gazetteer::lookup(&key)
        .exact
        .is_some()
}

/// Whether word `i` starts a sentence: the line's first word (after quotes, `>` or a
/// bullet), or a word after `.`, `!`, `?` or `:`.
fn sentence_start(l: &Line, i: usize) -> bool {
    let gap = l.gap(i);
    if i == 0 {
        return gap.chars().all(|c| {
            matches!(
                c,
                ' ' | '\t' | '>' | '"' | '\'' | '*' | '-' | '(' | '“' | '\\'
            )
        });
    }
    let t = gap.trim_end_matches([' ', '"', '“', '(', '\\']);
    t.ends_with(['.', '!', '?', ':']) && !is_title(l.low(i - 1))
}

/// Verbs only a person does (`shouted`, `replied`, `apologised`): after them, a word no list
/// knows is a name.
const HUMAN_VERBS: &[&str] = &[
    "agreed",
    "answered",
    "apologised",
    "apologized",
    "complained",
    "cried",
    "laughed",
    "promised",
    "replied",
    "said",
    "says",
    "shouted",
    "smiled",
    "whispered",
    "yelled",
    "dijo",
    "zei",
    "disse",
];

fn human_verb_after(l: &Line, end: usize) -> bool {
    end < l.words.len() && l.gap(end) == " " && HUMAN_VERBS.contains(&l.low(end))
}

/// Words that open a question or a request to someone just named (`Vittore, can I`).
const ADDRESS_OPENERS: &[&str] = &[
    "can", "could", "would", "will", "please", "do", "did", "are", "have", "thank", "thanks",
];

/// Interjections and connectives that stand first before a comma like a name does
/// (`Also, can you`, `Sorry, could you`).
const INTERJECTIONS: &[&str] = &[
    "actually",
    "ah",
    "alright",
    "also",
    "anyway",
    "awesome",
    "basically",
    "btw",
    "cool",
    "excellent",
    "fine",
    "finally",
    "first",
    "great",
    "hello",
    "hey",
    "hi",
    "hmm",
    "honestly",
    "indeed",
    "listen",
    "look",
    "meanwhile",
    "next",
    "nope",
    "now",
    "oh",
    "ok",
    "okay",
    "otherwise",
    "perfect",
    "right",
    "secondly",
    "seriously",
    "so",
    "sorry",
    "still",
    "sure",
    "then",
    "understood",
    "wait",
    "well",
    "wow",
    "yeah",
    "yep",
    "yes",
];

/// `Vittore, can I please speak to ...`: a word alone before a comma and a request.
fn addressed(l: &Line, i: usize, end: usize) -> bool {
    end == i + 1
        && l.gap(end) == ", "
        && ADDRESS_OPENERS.contains(&l.low(end))
        && !INTERJECTIONS.contains(&l.low(i))
}

/// What a person has (`Liam's address`, `Kenji's wife`).
const RELATIONS: &[&str] = &[
    "address",
    "birthday",
    "boyfriend",
    "brother",
    "daughter",
    "email",
    "father",
    "girlfriend",
    "husband",
    "mother",
    "partner",
    "phone",
    "sister",
    "son",
    "wife",
];

/// Words before a thing, not a person (`my iban is`, `the kali image`).
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "my", "your", "his", "her", "its", "our", "their", "this", "that",
];

/// Verbs whose subject is a person, in the seven languages (`X is`, `X said`, `X hat`).
const PERSON_VERBS: &[&str] = &[
    "a",
    "asked",
    "called",
    "can",
    "could",
    "did",
    "does",
    "es",
    "est",
    "explained",
    "got",
    "ha",
    "had",
    "has",
    "hat",
    "heeft",
    "is",
    "ist",
    "lived",
    "lives",
    "needs",
    "replied",
    "said",
    "says",
    "shouted",
    "spent",
    "tem",
    "thinks",
    "told",
    "tried",
    "wants",
    "war",
    "was",
    "went",
    "will",
    "works",
    "would",
    "wrote",
    "è",
    "é",
    "était",
];

/// Auxiliaries among [`PERSON_VERBS`]: a thing is, has and will too (`Amber is the colour`).
const AUXILIARIES: &[&str] = &[
    "a", "can", "could", "did", "does", "es", "est", "got", "ha", "had", "has", "hat", "heeft",
    "is", "ist", "tem", "war", "was", "will", "would", "è", "é", "était",
];

/// Whether a verb of a person follows the words ending at `end` (`Lance Cantu lives at`).
fn person_verb_after(l: &Line, end: usize) -> bool {
    end < l.words.len() && l.gap(end) == " " && PERSON_VERBS.contains(&l.low(end))
}

/// The same, auxiliaries left out: only a person lives, spends, tells, wants.
fn person_only_verb_after(l: &Line, end: usize) -> bool {
    person_verb_after(l, end) && !AUXILIARIES.contains(&l.low(end))
}

/// Whether the words `i..end` are the whole line (after quote marks, `>` and bullets), two
/// to four of them: a name on its own line, as in a signature or a postal block.
fn name_line(l: &Line, i: usize, end: usize) -> bool {
    let lead = l.gap(0);
    let trailing = l
        .text
        .get(l.words.last().map_or(0, |w| w.end)..)
        .unwrap_or("");
    i == 0
        && end == l.words.len()
        && (2..=4).contains(&end)
        && lead
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '>' | '*' | '-' | '?' | '•'))
        && trailing.trim().is_empty()
}

/// Learns every person name written in prose in `text`.
pub(crate) fn learn(text: &str, learned: &mut Learned) {
    let g = gazetteer();
    let mut buf = Vec::new();
    let mut low_buf = String::new();
    let mut spans = Vec::new();
    let mut signed_off = false;
    for raw in text.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        // `Stephanie \u{feff}Kučera`: invisible characters do not hide a name.
        let visible;
        let line = if crate::normalize::has_invisible(line) {
            visible = line.replace(crate::normalize::invisible, "");
            visible.as_str()
        } else {
            line
        };
        words(line, &mut buf);
        if buf.is_empty() {
            if !line.trim().is_empty() {
                signed_off = false;
            }
            continue;
        }
        low_buf.clear();
        spans.clear();
        for w in &buf {
            spans.push(push_lower(
                line.get(w.start..w.end).unwrap_or(""),
                &mut low_buf,
            ));
        }
        let l = Line {
            text: line,
            words: &buf,
            lower: &low_buf,
            spans: &spans,
        };
        // The line after a sign-off: the whole line is a name when every word is one.
        if signed_off {
            signed_off = false;
            let trailing = line.get(buf.last().map_or(0, |w| w.end)..).unwrap_or("");
            let all_names = buf.len() <= 4
                && l.gap(0).trim().is_empty()
                && trailing.trim().is_empty()
                && (0..buf.len()).all(|k| {
                    let w = l.word(k);
                    let low = l.low(k);
                    let name = g.given.contains_key(low) || g.surnames.contains(low);
                    (capitalised(w) && (!is_common(g, low) || name)) || (k > 0 && is_particle(low))
                })
                && (0..buf.len()).any(|k| !is_common(g, l.low(k)) || k == 0);
            if all_names {
                let name = line.trim();
                if names::capital_only(name) {
                    learn_common_name(name, false, learned);
                } else {
                    learned.add(name, Role::Unknown);
                }
                continue;
            }
        }
        if buf.len() <= 4 {
            let tail = line
                .get(buf.last().map_or(0, |w| w.end)..)
                .unwrap_or("")
                .trim();
            if matches!(tail, "" | "," | "!" | ".") && is_sign_off(&l) {
                signed_off = true;
                continue;
            }
        }
        // Lower-case words are looked at only after a context word (`mr. freeman`), or in
        // lines written all in lower case (`leah holmberg will be talking`): elsewhere a
        // lower-case word is not a name, and most words are lower-case.
        let lower_line = !line.chars().any(char::is_uppercase);
        let mut i = 0;
        while i < buf.len() {
            let starts_upper = l.word(i).chars().next().is_some_and(char::is_uppercase);
            let next = if starts_upper || lower_line {
                match scan_list(&l, g, i, lower_line, learned) {
                    Some(end) => end,
                    None => scan_at(&l, g, i, learned),
                }
            } else if i >= 1 && LOWER_OK.contains(l.low(i - 1)) {
                scan_at(&l, g, i, learned)
            } else {
                i + 1
            };
            i = next.max(i + 1);
        }
    }
}

/// Words that join the last item of a list (`Kovalev, Lee and Phillips`).
const LIST_AND: &[&str] = &[
    "and", "or", "et", "ou", "und", "oder", "y", "o", "e", "en", "of",
];

/// A list of single words starting at word `i` (`Kovalev, Lee and Phillips`, `Anna, Ben,
/// Carl`): when most of its words are known names, every word of it that is not a common
/// word or a place is one. Returns the index after the list when it learned it.
fn scan_list(
    l: &Line,
    g: &Gazetteer,
    i: usize,
    lower_line: bool,
    learned: &mut Learned,
) -> Option<usize> {
    let item = |k: usize| {
        let w = l.word(k);
        let ok = if lower_line {
            w.chars().all(char::is_lowercase)
        } else {
            capitalised(w)
        };
        ok && w.chars().count() >= 2 && l.words.get(k).is_some_and(|&wd| !glued(l.text, wd))
    };
    // Most words start no list: only a comma or `and` after a word opens one.
    let opens = match l.gap(i + 1) {
        ", " => true,
        " " => LIST_AND.contains(&l.low(i + 1)),
        _ => false,
    };
    // Nor does a word inside a longer list (`Hiragana, Katakana, or Han` starts at the first).
    if !opens || !item(i) || (i >= 1 && matches!(l.gap(i), " " | ", ") && item(i - 1)) {
        return None;
    }
    let mut items = vec![i];
    let mut k = i;
    let mut closed = false;
    loop {
        let gap = l.gap(k + 1);
        if gap == ", " && item(k + 1) && !LIST_AND.contains(&l.low(k + 1)) {
            k += 1;
        } else if matches!(gap, " " | ", ")
            && LIST_AND.contains(&l.low(k + 1))
            && l.gap(k + 2) == " "
            && item(k + 2)
        {
            k += 2;
            closed = true;
        } else {
            break;
        }
        items.push(k);
        if closed {
            break;
        }
    }
    // `Anna, Ben and Carl Smith` is not a list of single words.
    // Nor is `Eloise and 226 Thomas Avenue` (a street follows).
    let after = l.gap(k + 1);
    let rest = l
        .text
        .get(l.words.get(k).map_or(0, |w| w.end)..)
        .unwrap_or("");
    let clause = rest
        .split(['.', ',', ';', '!', '?', '"'])
        .next()
        .unwrap_or("");
    let number_after = clause.contains(|c: char| c.is_ascii_digit());
    if items.len() < 2
        || (after == " " && item(k + 1))
        || number_after
        || !(closed || items.len() >= 3)
    {
        return None;
    }
    // A place's word (`Trinidad and Tobago`, `Saint Vincent`) is not a person's.
    let place = |j: usize| {
        let low = strip_possessive(l.low(j));
        let found = crate::detect::places::gazetteer::lookup(low);
        // `Elizabeth` is a town too, but a given name first.
        let town = found.exact.is_some_and(|p| !p.ambiguous) && g.given.get(low) != Some(&false);
        town || (found.longer && (is_place(l, j, j + 2) || is_place(l, j, j + 3)))
    };
    // `offices in Paris, Lyon and Nice`: places.
    if i >= 1
        && matches!(
            l.low(i - 1),
            "in" | "near" | "across" | "between" | "throughout" | "visiting" | "visited"
        )
    {
        return None;
    }
    // Each word vouches for the list: 2 for a name that is no English word (`Elizabeth`,
    // `Phillips`), 1 for a name that is also a word (`Lee`, `Wisdom`), 0 for an unknown
    // word; together at least 1 a word (`Kovalev, Lee and Phillips`, not `Hiragana,
    // Katakana, or Han`), 4 of 3 in a line written in lower case.
    let mut known = 0;
    let mut vetoed = 0;
    for &j in &items {
        let low = strip_possessive(l.low(j));
        let given = g.given.get(low).copied();
        let surname = g.surnames.contains(low);
        if is_common(g, low) || (place(j) && given.is_none() && !surname) {
            vetoed += 1;
        } else if place(j) {
            // `Moore`, `Jackson`: a surname and a town; it vouches for neither.
        } else if given == Some(false) || (surname && !g.word_surnames.contains(low)) {
            known += 2;
        } else if given.is_some() || surname {
            known += 1;
        }
    }
    let enough = if lower_line {
        known * 3 >= items.len() * 4
    } else {
        known >= items.len()
    };
    if known == 0 || !enough || vetoed * 2 >= items.len() {
        return None;
    }
    // A list of surnames only is a firm's name (`Jones, Mitchell and Williams`) when a
    // singular verb follows it, when it is a line of its own (a postal block's company
    // line), or after `at`, `for`, `of`, `from`.
    let no_given = items
        .iter()
        .all(|&j| g.given.get(strip_possessive(l.low(j))) != Some(&false));
    let singular = k + 1 < l.words.len()
        && l.gap(k + 1) == " "
        && matches!(l.low(k + 1), "is" | "was" | "has");
    let whole_line = i == 0
        && k + 1 == l.words.len()
        && l.gap(0)
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '>' | '*' | '-'));
    let before = if i >= 1 { l.low(i - 1) } else { "" };
    let firm_before = matches!(before, "for" | "of" | "from");
    if singular || before == "at" || (no_given && (whole_line || firm_before)) {
        return None;
    }
    for &j in &items {
        let low = strip_possessive(l.low(j));
        let name = g.given.contains_key(low) || g.surnames.contains(low);
        // `Malon, Mark, Kaylee and Brandi`: a given name that is a common word counts in a
        // list of names too, where written with a capital (`learn_span` learns it so).
        let common_given = !lower_line && g.given.contains_key(low) && !place(j);
        if (!is_common(g, low) || common_given) && (name || !place(j)) {
            learn_span(l, j, j + 1, learned);
        }
    }
    Some(k + 1)
}

/// Looks for a name starting at word `i`; learns it and returns the index after it, or
/// returns `i + 1`.
fn scan_at(l: &Line, g: &Gazetteer, i: usize, learned: &mut Learned) -> usize {
    let w = l.word(i);
    let low = l.low(i);
    let Some(&word) = l.words.get(i) else {
        return i + 1;
    };
    let cap = capitalised(w);
    // `Sr. de la Cruz`, `Dhr. van der Voet`: a particle starts the name after a title.
    if !cap && is_particle(low) && context(l, g, i) == Some(Strength::Strong) {
        let end = extend(l, g, i);
        if end > i + 1 && capitalised(l.word(end - 1)) {
            learn_span(l, i, end, learned);
            return end;
        }
    }
    if w.chars().count() < 2 || glued(l.text, word) || is_title(low) {
        return i + 1;
    }
    // `Mary's daughter`, `here's Liam's address`: the name without its possessive.
    let bare = strip_possessive(low);
    let given = g.given.get(bare).copied();
    let surname = g.surnames.contains(bare);
    let known = given.is_some() || surname;
    // Every rule below takes a lower-case word only when it is a known name (most words of
    // a chat written in lower case are not).
    if !cap && !known {
        return i + 1;
    }
    let common = is_common(g, strip_possessive(low));
    if common && !known {
        return i + 1;
    }
    // `Grace Brown: hello`: a speaker whose given name and surname are both common words.
    if cap && common && given.is_some() && i == 0 && l.words.len() > 2 {
        let next = l.low(1);
        let speaker = l.gap(2).starts_with(':')
            && l.gap(0)
                .chars()
                .all(|c| matches!(c, ' ' | '\t' | '>' | '"' | '*' | '-'))
            && l.gap(1) == " "
            && capitalised(l.word(1))
            && g.surnames.contains(next);
        if speaker && learn_span(l, 0, 2, learned) {
            return 2;
        }
    }
    let strength = if cap || known || (i >= 1 && LOWER_OK.contains(l.low(i - 1))) {
        context(l, g, i)
    } else {
        None
    };
    let end = if bare.len() < low.len() {
        // `Mary's daughter`: the name ends at its possessive.
        i + 1
    } else if cap {
        extend(l, g, i)
    } else {
        extend_lower(l, g, i)
    };
    let accept = match strength {
        // `my name is jane`, `mr. freeman`: a known name in lower case after a strong
        // context (an unknown lower-case word there is a file or a setting name as often).
        Some(Strength::Strong) => cap || (known && !common),
        Some(Strength::Medium) => {
            (cap && (!common || known)) || (!cap && lower_line(l) && given == Some(false))
        }
        Some(Strength::Weak) => {
            (cap && !common && (known || end > i + 1))
                || (!cap && lower_line(l) && given == Some(false) && !common)
        }
        None => false,
    } || (cap && !common && given == Some(false) && (end > i + 1 || LONE_GIVEN))
        // A given name that is also a rare English word (`John`, `Heather`, `Robin`),
        // capitalised inside a sentence (`directed by Mark Roseby`, `to town, Charlotte!`),
        // or at its start before a verb of a person (`Lance Cantu lives at`).
        || (cap
            && !common
            && given == Some(true)
            && (person_only_verb_after(l, end)
                || (mid_sentence(l, i) && (end > i + 1 || vocative(l, i))))
            && !is_place(l, i, end))
        // A word no list knows, at the start of a sentence, before a verb only a person
        // does (`Klimek shouted at`, `Aiko replied`), or called before a question (`Vittore,
        // can I speak to ...`).
        || (cap
            && !common
            && !known
            && w.chars().count() >= 3
            && sentence_start(l, i)
            && (human_verb_after(l, end) || addressed(l, i, end))
            && !is_place(l, i, end))
        // A line that is only a name (`Dawn Njivar` above an address, a signature).
        || (cap && !common && given.is_some() && end > i + 1 && name_line(l, i, end))
        || (!cap
            && lower_line(l)
            && given == Some(false)
            && !common
            && end == i + 2
            && !is_common(g, l.low(i + 1))
            && name_line(l, i, end))
        // `here's Liam's address`, `Kenji's wife`: a person's belongings and family.
        || (cap && !common && bare.len() < low.len() && !is_place(l, i, i + 1) && {
            let next = l.low(i + 1);
            l.gap(i + 1) == " " && RELATIONS.contains(&next)
        })
        || (cap && given.is_some() && !common && speaker_label(l, i))
        // In a line written all in lower case, a known given name that is no English
        // word (`michael is a very sympathetic person`).
        || (!cap
            && lower_line(l)
            && given == Some(false)
            && !common
            && low.len() >= 3
            && !(i >= 1 && DETERMINERS.contains(&l.low(i - 1)))
            && (person_verb_after(l, end) || vocative(l, i) || speaker_label(l, i)))
        || (!cap && given == Some(false) && !common && end > i + 1 && {
            let next = l.low(i + 1);
            next.chars().count() >= 3 && g.surnames.contains(next) && !is_common(g, next)
        })
        || (cap && given.is_some() && end > i + 1 && {
            let next = l.low(i + 1);
            g.surnames.contains(next) || g.given.get(next) == Some(&false)
        });
    if !accept {
        return i + 1;
    }
    let end = if cap || strength == Some(Strength::Strong) || given == Some(false) {
        end
    } else {
        i + 1
    };
    learn_span(l, i, end, learned);
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let mut l = Learned::default();
        learn(text, &mut l);
        l.names().into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn gazetteers_expand_as_written() {
        // The front-coded form `build.rs` writes expands to the files, line for line.
        let given = include_str!("data/given_names.txt");
        let surnames = include_str!("data/surnames.txt");
        assert!(GIVEN.lines().eq(given.lines().filter(|l| !l.is_empty())));
        assert!(SURNAMES
            .lines()
            .eq(surnames.lines().filter(|l| !l.is_empty())));
        assert_eq!(
            front_decode("0anna\n3e\n0bob\n2\n"),
            "anna\nanne\nbob\nbo\n"
        );
    }

    #[test]
    fn common_words_parse() {
        let words: Vec<&str> = common_words().collect();
        assert_eq!(words.len(), 964);
        assert!(words
            .iter()
            .all(|w| !w.contains(['"', ',', '/']) && w.chars().all(|c| !c.is_uppercase())));
        for w in ["mon", "windows", "nan", "said", "jammy", "drucker"] {
            assert!(words.contains(&w), "{w}");
        }
    }

    #[test]
    fn gazetteers_load() {
        let g = gazetteer();
        assert!(g.given.get("margaret") == Some(&false));
        assert!(g.given.get("mark") == Some(&true));
        assert!(g.surnames.contains("smith"));
        assert!(is_common(g, "windows") && is_common(g, "drucker"));
    }

    #[test]
    fn introductions() {
        assert_eq!(
            found("Customer: Hi, this is Margaret Okonkwo, my Outlook keeps crashing."),
            ["Margaret Okonkwo"]
        );
        assert_eq!(
            found("Client : Bonjour, je m'appelle Élodie Marchand"),
            ["Élodie Marchand"]
        );
        assert_eq!(found("Guten Tag, mein Name ist Kowalczyk."), ["Kowalczyk"]);
        assert_eq!(found("Hola, me llamo Begoña Ruiz."), ["Begoña Ruiz"]);
        assert_eq!(
            found("Buongiorno, mi chiamo Giulia Esposito"),
            ["Giulia Esposito"]
        );
        assert_eq!(
            found("Goedemorgen, mijn naam is Sanne van der Voet."),
            ["Sanne van der Voet"]
        );
        assert_eq!(
            found("Olá, o meu nome é João Gonçalves"),
            ["João Gonçalves"]
        );
    }

    #[test]
    fn titles_greetings_and_sign_offs() {
        assert_eq!(found("Bonjour Mme Lefèvre, merci."), ["Lefèvre"]);
        assert_eq!(found("Hallo Herr Schröder,"), ["Schröder"]);
        assert_eq!(found("Dear Ms. O'Sullivan,"), ["O'Sullivan"]);
        assert_eq!(found("Best regards,\nKenji Watanabe\n"), ["Kenji Watanabe"]);
        assert_eq!(
            found("Mit freundlichen Grüßen\nJürgen Baumgärtner"),
            ["Jürgen Baumgärtner"]
        );
        assert_eq!(found("Sr. de la Cruz llamó ayer"), ["de la Cruz"]);
    }

    #[test]
    fn reported_speech_and_labels() {
        assert_eq!(found("I spoke with Priyanka yesterday."), ["Priyanka"]);
        assert_eq!(
            found("Calling on behalf of Tomasz Wójcik."),
            ["Tomasz Wójcik"]
        );
        assert_eq!(found("Account holder: Ngozi Adeyemi"), ["Ngozi Adeyemi"]);
        assert_eq!(
            found("Customer: Daniel Weber <d.weber@example.com>, Munich"),
            ["Daniel Weber"]
        );
    }

    #[test]
    fn escaped_text() {
        // Text escaped for JSON or a shell keeps its possessives and quoted speakers.
        assert_eq!(
            found("Jordan:\\\"I\\'m Mary\\'s daughter\\\"."),
            ["Jordan", "Mary"]
        );
        assert_eq!(found("Kenji\\'s wife called."), ["Kenji"]);
        assert!(found("it\\'s done, don\\'t worry").is_empty());
    }

    #[test]
    fn lists_of_names() {
        // A given name that is a common word, in a list of names.
        assert_eq!(
            found("They had 4: Malon, Mark, Kaylee and Brandi."),
            ["Malon", "Mark", "Kaylee", "Brandi"]
        );
        assert_eq!(
            found("Present on the call: Okereke, Schmidt and Phillips."),
            ["Okereke", "Schmidt", "Phillips"]
        );
        assert_eq!(
            found("they had 3: elizabeth, nicholas and brandon."),
            ["elizabeth", "nicholas", "brandon"]
        );
        // A firm, places, a list of words that are not names, a word inside a longer list.
        for t in [
            "Okafor, Schmidt and Kowalski is a law firm.",
            "She worked at Okafor, Schmidt and Kowalski.",
            "We have offices in Paris, Lyon and Nice.",
            "Capitalized words like Wisdom and Discipline are often mistaken for names.",
            "KATAKANA MIDDLE DOT with no Hiragana, Katakana, or Han",
            "Please return it to Eloise and 226 Thomas Avenue.",
        ] {
            let names = found(t);
            assert!(
                !names.iter().any(|n| [
                    "Okafor",
                    "Schmidt",
                    "Kowalski",
                    "Jones",
                    "Mitchell",
                    "Paris",
                    "Lyon",
                    "Wisdom",
                    "Discipline",
                    "Hiragana",
                    "Katakana",
                    "Thomas"
                ]
                .contains(&n.as_str())),
                "{t}: {names:?}"
            );
        }
    }

    #[test]
    fn names_by_their_place_in_the_sentence() {
        // A given name that is also a rare word, inside a sentence or before a verb.
        assert_eq!(
            found("The refund was approved by Heather Lindqvist yesterday."),
            ["Heather Lindqvist"]
        );
        assert_eq!(
            found("Robin Okafor lives in the flat above."),
            ["Robin Okafor"]
        );
        assert_eq!(found("Don't forget the receipt, Heather!"), ["Heather"]);
        // A name no list knows, before a verb only a person does, or called by it.
        assert_eq!(found("Okonjo replied that the router is fine."), ["Okonjo"]);
        assert_eq!(found("Tavita, can you restart the router?"), ["Tavita"]);
        // Possessives, a name alone on its line, a lower-case chat.
        assert_eq!(found("As promised, here's Liam's address:"), ["Liam"]);
        assert_eq!(found("Mary's daughter called."), ["Mary"]);
        assert_eq!(
            found("> Heather Okafor\n> 12 Bank Road"),
            ["Heather Okafor"]
        );
        assert_eq!(found("michael is on the call now"), ["michael"]);
        assert_eq!(found("user: julia kowalczyk"), ["julia kowalczyk"]);
        assert_eq!(
            found("follow up with tracy wisniewska in 2 months."),
            ["tracy wisniewska"]
        );
        assert_eq!(found("the Eileen Sandvik version"), ["Eileen Sandvik"]);
        assert_eq!(
            found("Ticket resolved by Kowalczyk on Monday."),
            ["Kowalczyk"]
        );
    }

    #[test]
    fn not_names_by_place_in_the_sentence() {
        for t in [
            "Sorry, can you restart the router?",
            "Also, could you send the logs?",
            "Amber is the colour of the warning light.",
            "my iban is gb12spfc66723974480868",
            "i m new one to ubuntu",
            "the blip when my name is said helps me",
            "upgrade from Hardy to Lucid, then to Jammy",
            "She moved here from Saint Vincent and the Grenadines",
            "Windows replied with an error.",
            ", nan",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }

    #[test]
    fn not_names() {
        for t in [
            "May I ask you to restart Windows?",
            "Will you open Teams and Edge?",
            "The update was released in June, on Monday.",
            "Der Drucker druckt die Rechnung nicht.",
            "Bonjour Madame la Directrice,",
            "Hi Team, thanks for the help.",
            "Dear Customer, your ticket is closed.",
            "ERROR Failed to connect to server",
            "Best regards,\nThe Support Team",
            "jane.doe@example.com and /home/david/",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }
}
