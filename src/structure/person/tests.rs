use super::lexicon::{front_decode, gazetteer, is_common, GIVEN, SURNAMES};
use super::wordlists::common_words;
use super::*;

fn found(text: &str) -> Vec<String> {
    let mut l = Learned::default();
    learn(text, &mut l);
    l.names().into_iter().map(|(n, _)| n).collect()
}

#[test]
fn gazetteers_expand_as_written() {
    // The front-coded form `build.rs` writes expands to the files, line for line.
    let given = include_str!("../data/given_names.txt");
    let surnames = include_str!("../data/surnames.txt");
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
