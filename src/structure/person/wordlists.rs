//! Word lists the rules consult: common words that are not names, particles, verbs of a
//! person, relations, determiners, list joiners.

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
pub(super) fn common_words() -> impl Iterator<Item = &'static str> {
    COMMON
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(str::split_whitespace)
}

/// Lower-case particles inside a name (`van der Voet`, `de la Cruz`, `von Trapp`).
pub(super) const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "la", "le", "du", "des", "von", "zu", "da", "das", "do", "dos",
    "del", "della", "di", "al", "el", "bin", "ben", "ter", "te", "ten", "y", "e", "st",
];

/// Given names that are words a sentence starts with or is made of (`Will do`, `May I`,
/// `Hope you are well`, `June 3`): never a name alone, whatever the context.
pub(super) const NEVER_ALONE: &[&str] = &[
    "april", "august", "can", "don", "hope", "june", "love", "march", "may", "new", "pat", "rich",
    "sky", "star", "summer", "sunny", "will",
];

/// Whether a known given name alone, without context, is a name (`Why is Alena so upset?`):
/// on, recall on presidio-research is 66 % instead of 48 %, at about 20 % of the throughput
/// cost on conversational text.
pub(super) const LONE_GIVEN: bool = true;

/// Verbs only a person does (`shouted`, `replied`, `apologised`): after them, a word no list
/// knows is a name.
pub(super) const HUMAN_VERBS: &[&str] = &[
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

/// Words that open a question or a request to someone just named (`Vittore, can I`).
pub(super) const ADDRESS_OPENERS: &[&str] = &[
    "can", "could", "would", "will", "please", "do", "did", "are", "have", "thank", "thanks",
];

/// Interjections and connectives that stand first before a comma like a name does
/// (`Also, can you`, `Sorry, could you`).
pub(super) const INTERJECTIONS: &[&str] = &[
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

/// What a person has (`Liam's address`, `Kenji's wife`).
pub(super) const RELATIONS: &[&str] = &[
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
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "my", "your", "his", "her", "its", "our", "their", "this", "that",
];

/// Verbs whose subject is a person, in the seven languages (`X is`, `X said`, `X hat`).
pub(super) const PERSON_VERBS: &[&str] = &[
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
pub(super) const AUXILIARIES: &[&str] = &[
    "a", "can", "could", "did", "does", "es", "est", "got", "ha", "had", "has", "hat", "heeft",
    "is", "ist", "tem", "war", "was", "will", "would", "è", "é", "était",
];

/// Words that join the last item of a list (`Kovalev, Lee and Phillips`).
pub(super) const LIST_AND: &[&str] = &[
    "and", "or", "et", "ou", "und", "oder", "y", "o", "e", "en", "of",
];
