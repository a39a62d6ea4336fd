//! Word lists of the place rules (lower case), kept apart from the scanning code.

/// A sorted list of lower-case words with a bit mask of (first letter, length) pairs: most
/// words of a text are rejected by one mask test, before any comparison.
#[derive(Clone, Copy, Debug)]
pub struct Words {
    list: &'static [&'static str],
    /// Bit `len` of slot `first letter` (`a`..=`z`, then one slot for every other byte).
    mask: [u32; 27],
}

const fn slot(first: u8) -> usize {
    if first.is_ascii_lowercase() {
        (first - b'a') as usize
    } else {
        26
    }
}

/// The byte order of two short slices, compared inline.
#[inline]
fn short_cmp(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// `a < b` by bytes (`<` on slices is not `const`).
const fn before(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

impl Words {
    /// `list` must be sorted by bytes (strictly), without ASCII capitals, each word 1 to 24
    /// bytes: a list that is not fails to compile (the unit tests also check Unicode case).
    pub const fn new(list: &'static [&'static str]) -> Words {
        let mut mask = [0u32; 27];
        let mut i = 0;
        while i < list.len() {
            let w = list[i].as_bytes();
            assert!(
                !w.is_empty() && w.len() <= 24,
                "a word list entry is empty or too long"
            );
            assert!(
                i == 0 || before(list[i - 1].as_bytes(), w),
                "a word list is not sorted"
            );
            let mut j = 0;
            while j < w.len() {
                assert!(
                    !w[j].is_ascii_uppercase(),
                    "a word list entry has a capital"
                );
                j += 1;
            }
            mask[slot(w[0])] |= 1 << w.len();
            i += 1;
        }
        Words { list, mask }
    }

    /// The words, sorted.
    #[cfg(test)]
    pub fn list(&self) -> &'static [&'static str] {
        self.list
    }

    /// Whether the lower-case `w` is one of the words.
    pub fn contains(&self, w: &str) -> bool {
        self.contains_bytes(w.as_bytes())
    }

    /// Whether the lower-case bytes `w` are one of the words.
    pub fn contains_bytes(&self, w: &[u8]) -> bool {
        let Some(&first) = w.first() else {
            return false;
        };
        if w.len() >= 32 || self.mask.get(slot(first)).map_or(0, |m| m >> w.len() & 1) == 0 {
            return false;
        }
        // Entries are at most 24 bytes: comparing them inline beats a call to `memcmp`.
        self.list
            .binary_search_by(|x| short_cmp(x.as_bytes(), w))
            .is_ok()
    }

    /// The words as an iterator.
    pub fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.list.iter()
    }
}

/// Street types written after the name (`Maple Ridge Drive`, `Baker St.`, `Gumpendorfer
/// Strasse` is [`SEPARATE_STREET`]).
#[rustfmt::skip]
pub const SUFFIX_STREET: Words = Words::new(&[
    "allee", "alley", "av", "ave", "avenue", "blvd", "boulevard", "broadway", "cir", "circle",
    "close", "court", "cres", "crescent", "ct", "dr", "dreef", "drive", "expressway", "freeway",
    "gardens", "gasse", "gdns", "gracht", "grove", "highway", "hwy", "kade", "laan", "lane", "ln",
    "loop", "mews", "parkway", "pike", "pkwy", "pl", "place", "platz", "plaza", "plein", "rd",
    "road", "row", "singel", "sq", "square", "st", "str", "straat", "strasse", "straße", "street",
    "tce", "ter", "terrace", "trail", "trl", "walk", "way", "weg",
]);

/// Street types written before the name (`rue de la Paix`, `Via Roma`, `Calle Mayor`).
#[rustfmt::skip]
pub const PREFIX_STREET: Words = Words::new(&[
    "alameda", "allee", "allée", "av", "avda", "ave", "avenida", "avenue", "bd", "bld", "blvd",
    "boulevard", "calle", "camino", "carrera", "carretera", "chemin", "contrada", "corso", "cours",
    "ctra", "estrada", "impasse", "largo", "paseo", "passage", "piazza", "piazzale", "place",
    "plaza", "praca", "praça", "quai", "rodovia", "ronda", "route", "rte", "rua", "rue", "strada",
    "travessa", "travesía", "ul", "ulica", "via", "viale", "vicolo",
]);

/// German and Dutch type words that stand apart before the number (`Mariahilfer Straße 1`).
#[rustfmt::skip]
pub const SEPARATE_STREET: Words = Words::new(&[
    "allee", "damm", "gasse", "laan", "platz", "plein", "ring", "steenweg", "str", "straat",
    "strasse", "straße", "ufer", "weg",
]);

/// Endings of one-word street names (`Schillerstraße`, `Kalverstraat`, `Vibyvej`).
#[rustfmt::skip]
pub const COMPOUND_STREET: Words = Words::new(&[
    "allee", "braut", "chaussee", "damm", "dreef", "gade", "gaden", "gasse", "gatan", "gracht",
    "kade", "katu", "laan", "pfad", "platz", "plein", "singel", "steenweg", "steig", "str",
    "straat", "strasse", "straße", "ufer", "utca", "vegur", "veien", "vej", "vejen", "väg",
    "vägen", "weg",
]);

/// Units after the street (`Apt 12B`, `Suite 300`, `Stiege 2`, `Tür 5`).
#[rustfmt::skip]
pub const UNIT_WORDS: Words = Words::new(&[
    "andar", "apartment", "app", "appartement", "apt", "apto", "bat", "bis", "bldg", "box",
    "building", "bâtiment", "dept", "esc", "escalera", "etage", "fl", "flat", "floor", "int",
    "interno", "lot", "piano", "piso", "planta", "puerta", "rm", "room", "scala", "ste", "stg",
    "stiege", "suite", "ter", "top", "tür", "unit", "whg", "wohnung", "étage",
]);

/// Words after a Spanish or Portuguese floor number (`3º izquierda`, `2º Esq.`).
#[rustfmt::skip]
pub const SIDE_WORDS: Words = Words::new(&[
    "centro", "dch", "dcha", "derecha", "dt", "dto", "esq", "frente", "izda", "izq", "izquierda",
]);

/// Lower-case words inside names of streets and places (`rue de la Paix`, `van der Voet`).
#[rustfmt::skip]
pub const CONNECTORS: Words = Words::new(&[
    "am", "an", "da", "dal", "dalla", "das", "de", "degli", "dei", "del", "della", "delle",
    "dello", "den", "der", "des", "di", "do", "dos", "du", "e", "el", "en", "het", "im", "l'",
    "la", "le", "les", "of", "sous", "sur", "ten", "ter", "upon", "van", "von", "y",
]);

/// Lower-case words that end an address or place name (`... for post mail`, `in case`).
#[rustfmt::skip]
pub const STOP: Words = Words::new(&[
    "after", "also", "and", "are", "as", "asap", "at", "be", "because", "before", "but", "by",
    "call", "for", "from", "i", "if", "in", "instead", "is", "it", "last", "my", "next", "no",
    "not", "on", "or", "our", "please", "send", "ship", "since", "so", "thank", "thanks", "that",
    "the", "their", "then", "this", "to", "today", "tomorrow", "too", "until", "was", "we", "when",
    "where", "which", "who", "with", "yes", "yesterday", "you", "your",
]);

/// Capitalised words that start sentences or name products, never a place on their own.
#[rustfmt::skip]
pub const CAP_STOP: Words = Words::new(&[
    "a", "account", "agent", "amazon", "an", "and", "android", "apple", "apr", "april", "arch",
    "aug", "august", "azure", "bedankt", "bing", "bonjour", "build", "but", "case", "chrome",
    "ciao", "city", "club", "company", "corp", "country", "customer", "danke", "dear", "debian",
    "debug", "dec", "december", "dr", "edge", "email", "error", "excel", "feb", "february",
    "fedora", "firefox", "fri", "friday", "gentoo", "gmbh", "google", "gracias", "grazie", "hallo",
    "he", "hello", "help", "here", "hey", "hi", "hola", "how", "i", "if", "inc", "info", "ios",
    "ipad", "iphone", "it", "jan", "january", "java", "jul", "july", "jun", "june", "linux", "llc",
    "login", "ltd", "mac", "macos", "madam", "mar", "march", "may", "me", "meet", "merci",
    "microsoft", "mint", "mon", "monday", "mr", "mrs", "ms", "my", "no", "note", "nov", "november",
    "obrigada", "obrigado", "oct", "october", "office", "ok", "okay", "omaha", "onedrive", "or",
    "order", "our", "outlook", "password", "phone", "please", "plymouth", "prof", "python",
    "region", "release", "ruby", "rust", "safari", "samba", "sat", "saturday", "sep", "sept",
    "september", "server", "service", "settings", "sharepoint", "she", "sir", "skype", "so",
    "sorry", "state", "street", "sun", "sunday", "support", "sure", "surface", "swift", "team",
    "teams", "thank", "thanks", "that", "the", "there", "they", "this", "thu", "thursday",
    "ticket", "town", "tue", "tuesday", "ubuntu", "unity", "update", "version", "vista", "warning",
    "we", "wed", "wednesday", "well", "what", "when", "where", "which", "who", "why", "windows",
    "word", "xbox", "yes", "you", "your",
]);

/// Words that follow an address cue directly (`ship it to`, `lives at`, `Address is`).
#[rustfmt::skip]
pub const CUE_LINKS: Words = Words::new(&[
    "a", "an", "at", "em", "en", "es", "est", "in", "is", "ist", "naar", "nach", "para", "to",
    "with", "à", "è", "é",
]);

/// Endings of words that name an address (`Address`, `Lieferadresse`, `dirección`).
#[rustfmt::skip]
pub const ADDRESS_WORDS: Words = Words::new(&[
    "addr", "address", "adres", "adresse", "anschrift", "direccion", "dirección", "domicile",
    "domicilio", "endereco", "endereço", "indirizzo", "morada",
]);

/// Verbs that announce an address a few words later (`send a new one to`, `lives at`).
#[rustfmt::skip]
pub const CUE_VERBS: Words = Words::new(&[
    "abita", "arrived", "deliver", "delivered", "delivery", "enviar", "enviem", "envoyer",
    "forward", "habite", "liefern", "live", "lives", "living", "livrer", "located", "mail",
    "mailed", "meet", "mora", "moved", "office", "post", "posted", "return", "returned",
    "schicken", "send", "senden", "sent", "ship", "shipped", "shipping", "spedire", "sturen",
    "taxi", "vive", "vivo", "wohne", "wohnt", "woont",
]);

/// Words after which a lone number is a postcode (`zip code is 35649`).
#[rustfmt::skip]
pub const POSTCODE_WORDS: Words = Words::new(&[
    "cap", "codigo", "cp", "código", "plz", "postal", "postale", "postcode", "postleitzahl", "zip",
    "zipcode",
]);

#[cfg(test)]
mod tests {
    /// `Tok::is_in` searches these lists by binary search.
    #[test]
    fn lists_are_sorted_and_lower_case() {
        for list in [
            super::SUFFIX_STREET.list(),
            super::PREFIX_STREET.list(),
            super::SEPARATE_STREET.list(),
            super::COMPOUND_STREET.list(),
            super::UNIT_WORDS.list(),
            super::SIDE_WORDS.list(),
            super::CONNECTORS.list(),
            super::STOP.list(),
            super::CAP_STOP.list(),
            super::CUE_LINKS.list(),
            super::ADDRESS_WORDS.list(),
            super::CUE_VERBS.list(),
            super::POSTCODE_WORDS.list(),
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.to_lowercase() == *w && w.len() <= 24));
        }
    }
}
