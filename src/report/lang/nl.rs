//! Dutch. The editor's paragraphs are the Dutch seed document's, word for
//! word (its first heading is in English, as in the document, and so is an
//! unclosed parenthesis in the preamble); the document keeps the token
//! meanings and the grid in English but translates the category and use
//! sentences, and so does this table. Sentences the document does not have
//! (satisfactory and no-policy verdicts, a missing purpose, the other
//! categories and uses, the notes for other policies, the text report) are
//! written in its style.

use super::{Cells, Editor, Fix, Lang, Note, Sentences, Strings, Text};
use crate::token::Token;

pub static STRINGS: Strings = Strings {
    editor: Editor {
        summary_heading: "Compact Policy Summary",
        policy_intro: "Het compacte beleid dat bij dit beleid hoort is:",
        table_intro: "In de volgende tabel wordt de betekenis van elk veld in het compacte beleid uitgelegd.",
        field: "Field",
        meaning: "Meaning",
        table_lang: Lang::En,
        deployment: (
            "Het compacte beleid wordt door de webserver verzonden samen met de cookies die het beschrijft. Zie \
             voor meer informatie de P3P-implementatiehandleiding op ",
            ".",
        ),
        evaluation_heading: "Beleidsevaluatie",
        preamble: "Microsoft Internet Explorer 6 zal het compacte beleid van dit beleid evalueren wanneer het wordt \
                   gebruikt met een cookie. De acties die IE zal ondernemen, zijn afhankelijk van het privacyniveau \
                   dat de gebruiker in zijn browser heeft geselecteerd (Laag, Gemiddeld, Gemiddeld Hoog of Hoog; de \
                   standaardinstelling is Gemiddeld. Daarnaast zal IE onderzoeken of het beleid van de cookie als \
                   bevredigend of onvoldoende wordt beschouwd, of de cookie een sessiecookie of een permanente \
                   cookie is en of de cookie wordt gebruikt in een first-party of third-party context. In deze \
                   sectie wordt geprobeerd het compacte beleid van dit beleid te vergelijken met het door Microsoft \
                   aangegeven gedrag voor IE6.",
        disclaimer: "Nota: deze evaluatie is momenteel experimenteel en mag niet worden beschouwd als een vervanging \
                     voor testen met een echte webbrowser.",
        verdicts: [
            (
                "Geen compact beleid",
                "het antwoord bevat geen compact beleid (of alleen een testbeleid), dus Internet Explorer 6 \
                 behandelt de cookies ervan als cookies zonder beleid. Het gedrag van Internet Explorer 6 met \
                 betrekking tot deze cookies is als volgt:",
            ),
            (
                "Bevredigend beleid",
                "dit compacte beleid wordt als bevredigend beschouwd volgens de regels die zijn gedefinieerd door \
                 Internet Explorer 6. Internet Explorer 6 accepteert cookies die zijn ingesteld onder dit compacte \
                 beleid bij elk privacyniveau behalve Alle cookies blokkeren.",
            ),
            (
                "Onvoldoende beleid",
                "dit compacte beleid wordt als onbevredigend beschouwd volgens de regels die zijn gedefinieerd door \
                 Internet Explorer 6. Het gedrag van Internet Explorer 6 met betrekking tot cookies die zijn \
                 ingesteld onder dit compacte beleid is als volgt:",
            ),
        ],
        bullet: " \u{2022} ",
        categories_intro: "Een beleid dat door Internet Explorer 6 als onbevredigend wordt beschouwd, bevat \
                           bepaalde categorieën gegevens die op een bepaalde manier worden gebruikt of gedeeld. Dit \
                           beleid is in de categorie onvoldoende geplaatst, omdat de volgende gegevenscategorieën \
                           zijn gekoppeld aan de cookies van dit beleid:",
        uses_intro: "Daarnaast worden de gegevens op de volgende manier gebruikt, waardoor het beleid als \
                     onvoldoende wordt aangemerkt:",
        no_purpose: "Daarnaast geeft het beleid geen doel op voor deze gegevens, wat Internet Explorer 6 behandelt \
                     als gebruik zonder toestemming, waardoor het beleid als onvoldoende wordt aangemerkt.",
    },
    grid: super::en::GRID,
    sentences: Sentences::Table {
        categories: &[
            (Token::PHY, "Fysieke contactgegevens worden verzameld."),
            (Token::ONL, "Er worden online contactgegevens verzameld."),
            (Token::FIN, "Er worden financiële gegevens verzameld."),
            (Token::GOV, "Er worden door de overheid uitgegeven identificatiegegevens verzameld."),
        ],
        uses: &[
            (Token::IVA, "De gegevens worden gebruikt voor individuele analyse."),
            (Token::IVD, "De gegevens worden gebruikt voor individuele beslissingen."),
            (Token::CON, "De gegevens worden gebruikt om contact op te nemen met de gebruiker."),
            (Token::TEL, "De gegevens worden gebruikt voor telemarketing."),
            (Token::OTP, "De gegevens worden gebruikt voor andere doeleinden."),
            (Token::SAM, "De gegevens worden verstrekt aan rechtspersonen die onze werkwijze volgen."),
            (Token::UNR, "De gegevens worden verstrekt aan derden die niet met ons verbonden zijn."),
            (Token::PUB, "De gegevens worden openbaar gemaakt op openbare fora."),
            (Token::OTR, "De gegevens worden verstrekt aan rechtspersonen die een andere werkwijze volgen."),
        ],
        opt_out: ", tenzij de gebruiker zich afmeldt.",
        opt_in: ", alleen als de gebruiker zich aanmeldt.",
    },
    note: Note {
        leads: [
            "Houd er rekening mee dat het toestaan van een opt-out dit beleid acceptabel maakt ",
            "Houd er rekening mee dat het opgeven van een doel voor de gegevens dit beleid acceptabel maakt ",
            "Houd er rekening mee dat het opgeven van een doel voor de gegevens en het toestaan van een opt-out \
             dit beleid acceptabel maakt ",
        ],
        satisfactory: [
            "Houd er rekening mee dat het toestaan van een opt-out dit beleid bevredigend maakt.",
            "Houd er rekening mee dat het opgeven van een doel voor de gegevens dit beleid bevredigend maakt.",
            "Houd er rekening mee dat het opgeven van een doel voor de gegevens en het toestaan van een opt-out \
             dit beleid bevredigend maakt.",
        ],
        acceptable: Cells {
            one: "onder de instelling ",
            many: "onder de instellingen ",
            full_end: "",
            partial_after_full: ", en onder ",
            partial_only: "onder ",
            partial_end: "",
            end: ".",
            levels: ["Laag", "Gemiddeld", "Gemiddeld Hoog", "Hoog"],
            parties: ["voor het gebruik van first-party cookies", "voor het gebruik van third-party cookies"],
            and: " en ",
        },
        opt_in: Cells {
            one: "Bij de instelling ",
            many: "Bij de instellingen ",
            full_end: "",
            partial_after_full: " en bij de instelling ",
            partial_only: "Bij de instelling ",
            partial_end: "",
            end: " moet voor al dit gebruik van gegevens een opt-in zijn ingesteld om het beleid als bevredigend \
                  te beschouwen.",
            levels: ["Laag", "Gemiddeld", "Gemiddeld Hoog", "Hoog"],
            parties: ["voor first-party cookies", "voor cookies van derden"],
            and: " en ",
        },
    },
    text: Text {
        compact_policy: "Compact beleid",
        tokens: "Tokens",
        no_cp: "(geen CP-richtlijn: het antwoord bevat geen compact beleid)",
        control: "stuurtekens (genegeerd)",
        wrong_case: ("geen token: verkeerde hoofdletters voor ", " (genegeerd)"),
        no_suffix: ("geen token: ", " neemt geen achtervoegsel (genegeerd)"),
        unknown: "geen token van een compact beleid (genegeerd)",
        class: "Klasse",
        glosses: [
            "geen compact beleid, of een testbeleid",
            "geen identificeerbare gegevens gebruikt op een manier die toestemming vereist",
            "identificeerbare gegevens; elk gebruik dat toestemming vereist is opt-in",
            "identificeerbare gegevens; elk gebruik dat toestemming vereist is opt-out of opt-in",
            "identificeerbare gegevens gebruikt zonder toestemming",
        ],
        verdict: "Oordeel",
        verdicts: [
            "Geen beleid. Internet Explorer 6 behandelt deze cookies als cookies zonder compact beleid.",
            "Bevredigend beleid. Internet Explorer 6 accepteert cookies met dit beleid bij de instellingen Hoog, \
             Gemiddeld Hoog, Gemiddeld, Laag en Alle cookies accepteren.",
            "Onvoldoende beleid. Volgens de regels van Internet Explorer 6 worden cookies met dit beleid als volgt \
             behandeld.",
        ],
        decisions: "Beslissingen",
        why: "Waarom het onvoldoende is",
        why_categories: "Deze categorieën identificeerbare gegevens zijn gekoppeld aan de cookies ervan:",
        why_uses: "en de gegevens worden op deze manieren gebruikt zonder de toestemming die de niveaus vereisen:",
        why_no_purpose: "en er is geen doel voor opgegeven, wat IE6 behandelt als gebruik zonder toestemming.",
        fixes: "Hoe het te verhelpen",
        fix: Fix {
            purpose: "Het opgeven van de doelen van de gegevens (bijvoorbeeld CUR, voltooiing van de huidige \
                      activiteit)",
            purpose_alone_end: "",
            making: ["Het maken van ", " en het maken van "],
            change: " tot ",
            suffixes: ["opt-out", "opt-in"],
            making_end: "",
            satisfactory: " zou het beleid bij elk niveau bevredigend maken.",
            accepts: " zou cookies laten accepteren bij ",
            end: ".",
            levels: [
                "Alle cookies blokkeren",
                "Hoog",
                "Gemiddeld Hoog",
                "Gemiddeld",
                "Laag",
                "Alle cookies accepteren",
            ],
            parties: ["first-party", "third-party"],
            cookies: ["sessie", "permanent"],
            cell_join: ", ",
        },
        findings: "Bevindingen",
        no_findings: "geen",
        profile: "Profiel",
        profile_glosses: [
            "identificeerbare gegevens zonder toestemming, of een woord dat Mozilla niet aanvaardt",
            "identificeerbare gegevens met opt-out-toestemming",
            "alleen opt-in-toestemming, of geen identificeerbare gegevens",
            "een compact beleid, dat de regels van het profiel toetsen",
        ],
        profile_verdicts: [
            "het profiel ziet geen beleid",
            "elke cookie wordt aanvaard op elk niveau waar het beleid telt",
            "sommige cookies worden niet aanvaard zoals ze zijn verzonden",
        ],
        strict_invalid: "het beleid is ongeldig en telt daarom als geen beleid",
        rule: ("profielregel", "regel"),
    },
};
