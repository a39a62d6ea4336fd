//! Word lists of the place rules (lower case), kept apart from the scanning code.

/// Street types written after the name (`Maple Ridge Drive`, `Baker St.`, `Gumpendorfer
/// Strasse` is [`SEPARATE_STREET`]).
#[rustfmt::skip]
pub const SUFFIX_STREET: &[&str] = &[
    "street", "st", "avenue", "ave", "av", "road", "rd", "drive", "dr", "lane", "ln", "boulevard",
    "blvd", "court", "ct", "way", "place", "pl", "square", "sq", "terrace", "ter", "tce", "close",
    "crescent", "cres", "parkway", "pkwy", "highway", "hwy", "circle", "cir", "trail", "trl",
    "row", "walk", "grove", "gardens", "gdns", "mews", "alley", "plaza", "loop", "pike",
    "expressway", "freeway", "broadway", "straße", "strasse", "str", "weg", "gasse", "platz",
    "allee", "laan", "straat", "plein", "gracht", "kade", "singel", "dreef",
];

/// Street types written before the name (`rue de la Paix`, `Via Roma`, `Calle Mayor`).
#[rustfmt::skip]
pub const PREFIX_STREET: &[&str] = &[
    "rue", "avenue", "av", "avda", "ave", "boulevard", "bd", "bld", "blvd", "chemin", "allée",
    "allee", "place", "impasse", "quai", "route", "rte", "cours", "passage", "calle", "avenida",
    "paseo", "plaza", "camino", "carrera", "carretera", "ctra", "ronda", "travesía", "via",
    "viale", "piazza", "piazzale", "corso", "largo", "vicolo", "contrada", "strada", "rua",
    "travessa", "praça", "praca", "estrada", "alameda", "rodovia", "ul", "ulica",
];

/// German and Dutch type words that stand apart before the number (`Mariahilfer Straße 1`).
#[rustfmt::skip]
pub const SEPARATE_STREET: &[&str] = &[
    "straße", "strasse", "str", "gasse", "platz", "allee", "weg", "ring", "damm", "ufer", "laan",
    "straat", "plein", "steenweg",
];

/// Endings of one-word street names (`Schillerstraße`, `Kalverstraat`, `Vibyvej`).
#[rustfmt::skip]
pub const COMPOUND_STREET: &[&str] = &[
    "straße", "strasse", "str", "weg", "gasse", "platz", "allee", "damm", "ufer", "steig", "pfad",
    "chaussee", "laan", "straat", "plein", "gracht", "kade", "singel", "dreef", "steenweg", "vej",
    "vejen", "gade", "gaden", "vägen", "väg", "gatan", "veien", "vegur", "braut", "katu", "utca",
];

/// Units after the street (`Apt 12B`, `Suite 300`, `Stiege 2`, `Tür 5`).
#[rustfmt::skip]
pub const UNIT_WORDS: &[&str] = &[
    "apt", "apartment", "flat", "suite", "ste", "unit", "room", "rm", "floor", "fl", "bldg",
    "building", "wohnung", "whg", "stiege", "stg", "tür", "top", "bis", "ter", "esc", "escalera",
    "piso", "planta", "puerta", "andar", "etage", "étage", "bâtiment", "bat", "app", "appartement",
    "apto", "interno", "int", "scala", "piano", "dept", "box", "lot",
];

/// Words after a Spanish or Portuguese floor number (`3º izquierda`, `2º Esq.`).
#[rustfmt::skip]
pub const SIDE_WORDS: &[&str] = &[
    "izquierda", "izq", "izda", "derecha", "dcha", "dch", "centro", "esq", "dto", "dt", "frente",
];

/// Lower-case words inside names of streets and places (`rue de la Paix`, `van der Voet`).
#[rustfmt::skip]
pub const CONNECTORS: &[&str] = &[
    "de", "del", "della", "delle", "dei", "degli", "la", "le", "les", "l'", "du", "des", "di",
    "da", "do", "dos", "das", "van", "von", "der", "den", "het", "ten", "ter", "sur", "sous", "am",
    "im", "an", "upon", "of", "y", "e", "el", "en",
];

/// Lower-case words that end an address or place name (`... for post mail`, `in case`).
#[rustfmt::skip]
pub const STOP: &[&str] = &[
    "for", "in", "last", "this", "please", "when", "if", "to", "on", "the", "and", "or", "but",
    "at", "is", "are", "was", "with", "from", "by", "it", "i", "we", "you", "my", "your", "our",
    "their", "next", "yesterday", "today", "tomorrow", "asap", "thanks", "thank", "because",
    "since", "so", "then", "which", "that", "who", "where", "until", "before", "after", "instead",
    "also", "too", "as", "not", "no", "yes", "be", "call", "send", "ship",
];

/// Capitalised words that start sentences or name products, never a place on their own.
#[rustfmt::skip]
pub const CAP_STOP: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "dear",
    "thanks",
    "thank",
    "yes",
    "no",
    "ok",
    "okay",
    "sure",
    "well",
    "so",
    "sorry",
    "please",
    "bonjour",
    "hallo",
    "hola",
    "ciao",
    "merci",
    "danke",
    "gracias",
    "grazie",
    "obrigado",
    "obrigada",
    "bedankt",
    "i",
    "we",
    "you",
    "he",
    "she",
    "they",
    "it",
    "my",
    "our",
    "your",
    "the",
    "a",
    "an",
    "this",
    "that",
    "there",
    "here",
    "what",
    "when",
    "where",
    "why",
    "how",
    "who",
    "which",
    "if",
    "and",
    "but",
    "or",
    "meet",
    "me",
    "customer",
    "agent",
    "windows",
    "office",
    "teams",
    "edge",
    "outlook",
    "surface",
    "azure",
    "excel",
    "word",
    "onedrive",
    "sharepoint",
    "xbox",
    "skype",
    "bing",
    "android",
    "ios",
    "iphone",
    "ipad",
    "mac",
    "macos",
    "linux",
    "ubuntu",
    "chrome",
    "firefox",
    "safari",
    "google",
    "apple",
    "microsoft",
    "amazon",
    "error",
    "warning",
    "info",
    "debug",
    "note",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "madam",
    "country",
    "club",
    "street",
    "city",
    "town",
    "state",
    "region",
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "corp",
    "company",
    "settings",
    "support",
    "team",
    "help",
    "service",
    "server",
    "account",
    "order",
    "ticket",
    "case",
    "update",
    "version",
    "build",
    "release",
    "login",
    "password",
    "email",
    "phone", "sun", "mon", "tue", "wed", "thu", "fri", "sat", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vista", "samba", "plymouth", "unity",
    "fedora", "gentoo", "arch", "debian", "mint", "omaha", "java", "python", "ruby", "rust",
    "swift",
];

/// Words that follow an address cue directly (`ship it to`, `lives at`, `Address is`).
#[rustfmt::skip]
pub const CUE_LINKS: &[&str] = &[
    "to", "at", "with", "is", "es", "ist", "est", "é", "è", "à", "a", "an", "nach", "naar", "para",
    "em", "en", "in",
];

/// Endings of words that name an address (`Address`, `Lieferadresse`, `dirección`).
#[rustfmt::skip]
pub const ADDRESS_WORDS: &[&str] = &[
    "address", "addr", "adresse", "anschrift", "dirección", "direccion", "indirizzo", "adres",
    "morada", "endereço", "endereco", "domicile", "domicilio",
];

/// Verbs that announce an address a few words later (`send a new one to`, `lives at`).
#[rustfmt::skip]
pub const CUE_VERBS: &[&str] = &[
    "send", "sent", "ship", "shipped", "shipping", "deliver", "delivered", "delivery", "mail",
    "mailed", "post", "posted", "return", "returned", "forward", "lives", "live", "living",
    "located", "office", "arrived", "meet", "taxi", "moved", "liefern", "senden", "schicken",
    "wohnt", "wohne", "envoyer", "livrer", "habite", "enviar", "vive", "vivo", "spedire", "abita",
    "sturen", "woont", "enviem", "mora",
];

/// Words after which a lone number is a postcode (`zip code is 35649`).
#[rustfmt::skip]
pub const POSTCODE_WORDS: &[&str] = &[
    "zip", "zipcode", "postcode", "postal", "plz", "postleitzahl", "cp", "cap", "postale",
    "postcode", "codigo", "código",
];
