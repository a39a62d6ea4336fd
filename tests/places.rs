//! Places in free text (issue 14): street addresses as one finding, cities and regions,
//! countries (kept by the default policy), and the words that look like places but are not.

use logscrub::{Category, Engine, Policy};

fn engine(countries: bool) -> Engine {
    let mut p = Policy::default();
    if countries {
        p.categories.insert("country".into(), true);
    }
    Engine::new(p).expect("default policy")
}

/// Every place finding: (category, text).
fn places_with(text: &str, countries: bool) -> Vec<(Category, String)> {
    let (findings, _) = engine(countries).detect(text);
    let mut v: Vec<_> = findings
        .into_iter()
        .filter(|f| {
            matches!(
                f.category,
                Category::Location | Category::Country | Category::Address
            )
        })
        .collect();
    v.sort_by_key(|f| f.start);
    v.into_iter()
        .map(|f| (f.category, text[f.start..f.end].to_string()))
        .collect()
}

fn places(text: &str) -> Vec<(Category, String)> {
    places_with(text, true)
}

fn addresses(text: &str) -> Vec<String> {
    places(text)
        .into_iter()
        .filter(|(c, _)| *c == Category::Address)
        .map(|(_, s)| s)
        .collect()
}

fn locations(text: &str) -> Vec<String> {
    places(text)
        .into_iter()
        .filter(|(c, _)| *c == Category::Location)
        .map(|(_, s)| s)
        .collect()
}

#[track_caller]
fn one_address(text: &str, want: &str) {
    assert_eq!(addresses(text), [want], "in {text:?}");
}

#[test]
fn issue_14_examples() {
    one_address(
        "Ship the replacement to 4417 Maple Ridge Drive, Apt 12B, Columbus, OH 43215.",
        "4417 Maple Ridge Drive, Apt 12B, Columbus, OH 43215",
    );
    one_address(
        "Lieferadresse: Schillerstraße 112, 10625 Berlin",
        "Schillerstraße 112, 10625 Berlin",
    );
    assert_eq!(
        places("She is calling from Redmond, Washington"),
        [
            (Category::Location, "Redmond".to_string()),
            (Category::Location, "Washington".to_string())
        ]
    );
    // City removed, country code kept.
    let text = "Customer: Daniel Weber <d.weber@example.com>, Munich, DE";
    assert_eq!(locations(text), ["Munich"]);
    let out = engine(false).sanitize(text).text;
    assert!(!out.contains("Munich") && out.contains(", DE"), "{out}");
}

#[test]
fn address_formats_by_country() {
    let cases = [
        // US
        (
            "Send it to 1600 Pennsylvania Ave NW, Washington, DC 20500 please",
            "1600 Pennsylvania Ave NW, Washington, DC 20500",
        ),
        // CA
        (
            "Mail: 24 Sussex Drive, Ottawa, ON K1M 1M4",
            "24 Sussex Drive, Ottawa, ON K1M 1M4",
        ),
        // UK
        (
            "He lives at 10 Downing Street, London SW1A 2AA.",
            "10 Downing Street, London SW1A 2AA",
        ),
        // IE
        (
            "Deliver to 7 Merrion Square, Dublin 2, D02 X285",
            "7 Merrion Square, Dublin 2, D02 X285",
        ),
        // FR
        (
            "Adresse : 12 rue de la Paix, 75002 Paris",
            "12 rue de la Paix, 75002 Paris",
        ),
        // DE
        (
            "Bitte schicken Sie es an die Hauptstr. 5, 80331 München",
            "Hauptstr. 5, 80331 München",
        ),
        // AT, with stair and door
        (
            "Anschrift: Mariahilfer Straße 1, Stiege 2, Tür 5, 1060 Wien",
            "Mariahilfer Straße 1, Stiege 2, Tür 5, 1060 Wien",
        ),
        // CH
        (
            "Our office: Bahnhofstrasse 10, 8001 Zürich",
            "Bahnhofstrasse 10, 8001 Zürich",
        ),
        // BE
        (
            "Le siège est Rue de la Loi 16, 1000 Bruxelles",
            "Rue de la Loi 16, 1000 Bruxelles",
        ),
        // NL
        (
            "Stuur het naar Kalverstraat 92, 1012 PH Amsterdam",
            "Kalverstraat 92, 1012 PH Amsterdam",
        ),
        // ES, floor and side
        (
            "Dirección: Calle Mayor 5, 3º izquierda, 28013 Madrid",
            "Calle Mayor 5, 3º izquierda, 28013 Madrid",
        ),
        // IT
        (
            "Indirizzo: Via Roma 10, 00184 Roma",
            "Via Roma 10, 00184 Roma",
        ),
        // PT
        (
            "Morada: Rua Augusta 100, 1100-053 Lisboa",
            "Rua Augusta 100, 1100-053 Lisboa",
        ),
        // AU
        (
            "Ship to 12 George St, Sydney NSW 2000",
            "12 George St, Sydney NSW 2000",
        ),
    ];
    for (text, want) in cases {
        one_address(text, want);
    }
}

#[test]
fn po_boxes_and_military_addresses() {
    one_address(
        "Please use P.O. Box 1234, Springfield, IL 62704",
        "P.O. Box 1234, Springfield, IL 62704",
    );
    one_address(
        "Postfach 10 20, 10117 Berlin",
        "Postfach 10 20, 10117 Berlin",
    );
    one_address(
        "Send it to Unit 3191 Box 3770\nDPO AP 27173",
        "Unit 3191 Box 3770\nDPO AP 27173",
    );
}

#[test]
fn multi_line_postal_block_is_one_finding() {
    let text =
        "Jane Example\n4417 Maple Ridge Drive\nApt 12B\nColumbus, OH 43215\n\nThanks for your help";
    one_address(text, "4417 Maple Ridge Drive\nApt 12B\nColumbus, OH 43215");
    let text = "> 14 Republica de Chile 8305\n> Suite 258\n> Blanquillo\n> Indonesia 87513";
    one_address(
        text,
        "14 Republica de Chile 8305\n> Suite 258\n> Blanquillo\n> Indonesia 87513",
    );
}

#[test]
fn nothing_of_the_address_is_left_behind() {
    let text = "Ship the replacement to 4417 Maple Ridge Drive, Apt 12B, Columbus, OH 43215.";
    let out = engine(false).sanitize(text).text;
    for part in ["4417", "Maple", "12B", "Columbus", "43215"] {
        assert!(!out.contains(part), "{part} left in {out}");
    }
}

#[test]
fn postcodes_need_an_address_word() {
    assert!(addresses("Error 40400 occurred, see ticket 75001 for details").is_empty());
    assert_eq!(addresses("My zip code is 35649"), ["35649"]);
    assert_eq!(addresses("PLZ: 10625"), ["10625"]);
}

#[test]
fn places_in_prose_with_context() {
    assert_eq!(
        locations("I'm originally from Reading, but now I live in Nice."),
        ["Reading", "Nice"]
    );
    assert_eq!(
        locations("My friend lives in Poggiovalle Di Borgorose"),
        ["Poggiovalle Di Borgorose"]
    );
    assert_eq!(
        locations("Ich wohne in der Nähe von Stuttgart."),
        ["Stuttgart"]
    );
    assert_eq!(locations("J'habite à Lyon depuis 2019"), ["Lyon"]);
    assert_eq!(
        locations("Where: Castelló de Rugat Country Club."),
        ["Castelló de Rugat"]
    );
    assert_eq!(locations("city=Springfield zone=3"), ["Springfield"]);
}

#[test]
fn big_cities_and_countries_without_context() {
    assert_eq!(locations("The Munich office called back."), ["Munich"]);
    assert_eq!(
        places("Kenya was super fun to visit!"),
        [(Category::Country, "Kenya".to_string())]
    );
    assert_eq!(
        places("Wir liefern nach Deutschland und Österreich."),
        [
            (Category::Country, "Deutschland".to_string()),
            (Category::Country, "Österreich".to_string())
        ]
    );
}

#[test]
fn countries_are_kept_by_default() {
    assert!(places_with("Kenya was super fun to visit!", false).is_empty());
    let out = engine(false)
        .sanitize("Shipping to Canada takes a week.")
        .text;
    assert_eq!(out, "Shipping to Canada takes a week.");
}

#[test]
fn ambiguous_words_are_not_places() {
    for text in [
        "Reading the logs now, one moment.",
        "Nice, that worked!",
        "Open Teams and check Mobile settings.",
        "timezone: Europe/Paris, fallback America/New_York",
        "Set TZ=Europe/Berlin in the environment",
        "The Phoenix build failed again",
        "Bath towels are out of stock",
        "Split the archive in two.",
        "Version 10.4.2 Build 2204 on Windows 11",
        "May I have your order number? Will you be home on Monday?",
        "Jul 17 21:23:20 combo ftpd[25028]: connection from 82.68.222.194 at Sun Jul 17 21:23:20 2005",
        "2015-10-18 18:05:27,570 WARN Address change detected. Old: msra-sa-41/10.190.173.170:9000 New: msra-sa-41/10.190.173.170:9000",
        "kernel[0]: framerdy 0x0 bmccmd 3 framecnt 1024",
        "if you want write access to NTFS, complain to MS",
        "is there a program like partition magic that works in Vista?",
        "Is there a better song than Elizabeth Mitchell's?",
        "Mr. Rodriguez is a 50 year old man.",
        "I installed 3 Office apps and 2 Surface drivers",
        "i have a 4 gb drive, haven't decided",
    ] {
        assert!(places(text).is_empty(), "{text:?} -> {:?}", places(text));
    }
}

#[test]
fn placeholders_are_not_places() {
    let out = engine(false)
        .sanitize("She lives in Columbus, at 12 Main Street, Springfield")
        .text;
    assert!(
        !out.contains("Columbus") && !out.contains("Main Street"),
        "{out}"
    );
    let again = engine(false).sanitize(&out).text;
    assert_eq!(again, out);
}

/// Found when merging issue 14: a JSON `state` key holding a status word was taken for a place.
#[test]
fn issue_14_lower_case_status_after_a_place_key_is_not_a_place() {
    let e = logscrub::Engine::new(logscrub::Policy::default()).unwrap();
    for text in [
        r#"{"id": 2001, "type": "customer", "state": "published", "action": null}"#,
        "state=active region=default location: unknown",
    ] {
        let (findings, _) = e.detect(text);
        assert!(
            !findings
                .iter()
                .any(|f| f.category == logscrub::Category::Location),
            "{text}: {findings:?}"
        );
    }
    let (findings, _) = e.detect(r#"{"city": "Columbus", "state": "Ohio"}"#);
    assert!(
        findings
            .iter()
            .any(|f| f.category == logscrub::Category::Location),
        "{findings:?}"
    );
}
