//! German. The editor's paragraphs are the German seed document's, word
//! for word (with "Ricthlinie", "Exloprer" and "Exlorer" corrected); the
//! document keeps the token meanings, the grid and the deployment note in
//! English but translates the category and use sentences, and so does this
//! table. Sentences the document does not have (satisfactory and no-policy
//! verdicts, a missing purpose, the other categories and uses, the notes
//! for other policies, the text report) are written in its style.
//!
//! For the translator: in the note's second sentence the document calls
//! Medium High "Mitteleinstellung", the word for Medium (`levels[2]` of
//! `opt_in` below). It is kept because the document must come out word for
//! word.

use super::{Cells, Editor, Fix, Lang, Note, Sentences, Strings, Text};
use crate::token::Token;

pub static STRINGS: Strings = Strings {
    editor: Editor {
        summary_heading: "Zusammenfassung der Kompaktrichtlinie",
        policy_intro: "Die Kompaktrichtlinie dieser Richtlinie ist wie folgt:",
        table_intro: "Die folgende Tabelle erklärt die Bedeutung jedes Feldes in der Kompaktrichtlinie.",
        field: "Field",
        meaning: "Meaning",
        table_lang: Lang::En,
        deployment: (
            "The compact policy is sent by the Web server along with the cookies it describes. For more \
             information, see the P3P deployment guide at\u{a0}",
            ".",
        ),
        evaluation_heading: "Politikevaluierung",
        preamble: "Microsoft Internet Explorer 6 evaluiert die Kompaktrichtlinie dieser Richtlinie jedes Mal, wenn \
                   sie in einem Cookie verwendet wird. Die Maßnahmen, die IE ergreift, hängen davon ab, welche \
                   Datenschutzstufen der Nutzer in seinem Browser ausgewählt hat (Niedrig, Mittel, Mittelhoch oder \
                   Hoch; Standard ist Mittel). Zusätzlich dazu überprüft IE, ob die Richtlinie des Cookies \
                   zufriedenstellend oder unzulänglich ist, ob der Cookie ein Sitzungscookie oder ein dauerhafter \
                   Cookie ist und ob der Cookie in einem Erstanbieter- oder Drittanbieterkontext verwendet wird. \
                   Dieser Bereich versucht, die Kompaktrichtlinie dieser Richtlinie gegen das von Microsoft \
                   angegebene Verhalten von IE6 zu prüfen.",
        disclaimer: "Notiz: Diese Evaluierung ist derzeit experimentell und sollte nicht als Ersatz für Testungen \
                     mit einem echten Webbrowser angesehen werden.",
        verdicts: [
            (
                "Keine Kompaktrichtlinie",
                "Die Antwort enthält keine Kompaktrichtlinie (oder nur eine Testrichtlinie), daher behandelt der \
                 Internet Explorer 6 ihre Cookies als Cookies ohne Richtlinie. Das Verhalten des Internet Explorer \
                 6 im Bezug auf diese Cookies ist wie folgt:",
            ),
            (
                "Zufriedenstellende Richtlinie",
                "Diese Kompaktrichtlinie ist laut den Regeln, die von dem Internet Explorer 6 festgelegt wurden, \
                 zufriedenstellend. Der Internet Explorer 6 nimmt Cookies, die unter dieser Kompaktrichtlinie \
                 festgelegt wurden, in jeder Datenschutzstufe außer „Alle Cookies sperren“ an.",
            ),
            (
                "Unzulängliche Richtlinie",
                "Diese Kompaktrichtlinie ist laut den Regeln, die von dem Internet Explorer 6 festgelegt wurden, \
                 unzulänglich. Das Verhalten des Internet Explorer 6 im Bezug auf Cookies, die unter dieser \
                 Kompaktrichtlinie festgelegt wurden, ist wie folgt:",
            ),
        ],
        bullet: "  \u{2022} ",
        categories_intro: "Eine Richtlinie, die von Internet Explorer 6 als unzulänglich eingestuft wird, enthält \
                           bestimmte Datenkategorien, die auf eine bestimmte Weise verwendet oder geteilt werden. \
                           Diese Richtlinie wird in der unzulänglichen Kategorie platziert, da die folgenden \
                           Datenkategorien mit den Cookies dieser Richtlinie verbunden sind.",
        uses_intro: "Zusätzlich dazu werden die Daten auf folgenden Weisen verwendet, wodurch die Richtlinie als \
                     unzulänglich gilt:",
        no_purpose: "Zusätzlich dazu gibt die Richtlinie keinen Zweck für diese Daten an, was der Internet Explorer \
                     6 als Verwendung ohne Einwilligung wertet, wodurch die Richtlinie als unzulänglich gilt.",
    },
    grid: super::en::GRID,
    sentences: Sentences::Table {
        categories: &[
            (Token::PHY, "Physische Kontaktinformationen werden gesammelt."),
            (Token::ONL, "Online-Kontaktinformationen werden gesammelt."),
            (Token::FIN, "Finanzinformationen werden gesammelt."),
            (Token::GOV, "Behördlich vergebene Kennungen werden gesammelt."),
        ],
        uses: &[
            (Token::IVA, "Die Daten werden für individuelle Analysen verwendet."),
            (Token::IVD, "Die Daten werden für individuelle Entscheidungen verwendet."),
            (Token::CON, "Die Daten werden verwendet, um den Nutzer zu kontaktieren."),
            (Token::TEL, "Die Daten werden für Telefonmarketing verwendet."),
            (Token::OTP, "Die Daten werden für andere Zwecke verwendet."),
            (Token::SAM, "Die Daten werden an juristische Personen weitergegeben, die unseren Praktiken folgen."),
            (Token::UNR, "Die Daten werden an nicht verbundene Dritte weitergegeben."),
            (Token::PUB, "Die Daten werden in öffentlichen Foren veröffentlicht."),
            (Token::OTR, "Die Daten werden an juristische Personen weitergegeben, die anderen Praktiken folgen."),
        ],
        opt_out: ", sofern der Nutzer nicht widerspricht.",
        opt_in: ", nur wenn der Nutzer einwilligt.",
    },
    note: Note {
        leads: [
            "Beachten Sie, dass das Erlauben einer „Ablehnen“-Option diese Richtlinie ",
            "Beachten Sie, dass das Angeben eines Zwecks für die Daten diese Richtlinie ",
            "Beachten Sie, dass das Angeben eines Zwecks für die Daten und das Erlauben einer „Ablehnen“-Option \
             diese Richtlinie ",
        ],
        satisfactory: [
            "Beachten Sie, dass das Erlauben einer „Ablehnen“-Option diese Richtlinie zufriedenstellend macht.",
            "Beachten Sie, dass das Angeben eines Zwecks für die Daten diese Richtlinie zufriedenstellend macht.",
            "Beachten Sie, dass das Angeben eines Zwecks für die Daten und das Erlauben einer „Ablehnen“-Option \
             diese Richtlinie zufriedenstellend macht.",
        ],
        acceptable: Cells {
            one: "in der Einstellung ",
            many: "in den Einstellungen ",
            full_end: " akzeptabel macht",
            partial_after_full: " und unter ",
            partial_only: "unter ",
            partial_end: " akzeptabel macht",
            end: ".",
            levels: ["„Niedrig“", "„Mittel“", "„Mittelhoch“", "„Hoch“"],
            parties: ["für die Verwendung von Erstanbieter-Cookies", "für die Verwendung von Drittanbieter-Cookies"],
            and: " und ",
        },
        opt_in: Cells {
            one: "Bei der ",
            many: "Bei der ",
            full_end: "",
            partial_after_full: " und der ",
            partial_only: "Bei der ",
            partial_end: "",
            end: " müssen all diese Datennutzung genehmigt sein, sodass die Richtlinie als zufriedenstellend \
                  eingestuft wird.",
            levels: ["Niedrigeinstellung", "Mitteleinstellung", "Mitteleinstellung", "Hocheinstellung"],
            parties: ["für Erstanbieter-Cookies", "für Drittanbieter-Cookies"],
            and: " und der ",
        },
    },
    text: Text {
        compact_policy: "Kompaktrichtlinie",
        tokens: "Token",
        no_cp: "(keine CP-Direktive: die Antwort enthält keine Kompaktrichtlinie)",
        control: "Steuerzeichen (ignoriert)",
        wrong_case: ("kein Token: falsche Groß-/Kleinschreibung für ", " (ignoriert)"),
        no_suffix: ("kein Token: ", " nimmt kein Suffix an (ignoriert)"),
        unknown: "kein Token einer Kompaktrichtlinie (ignoriert)",
        class: "Klasse",
        glosses: [
            "keine Kompaktrichtlinie oder eine Testrichtlinie",
            "keine identifizierbaren Daten, die auf eine einwilligungspflichtige Weise verwendet werden",
            "identifizierbare Daten; jede einwilligungspflichtige Verwendung ist Opt-in",
            "identifizierbare Daten; jede einwilligungspflichtige Verwendung ist Opt-out oder Opt-in",
            "identifizierbare Daten werden ohne Einwilligung verwendet",
        ],
        verdict: "Bewertung",
        verdicts: [
            "Keine Richtlinie. Der Internet Explorer 6 behandelt diese Cookies als Cookies ohne Kompaktrichtlinie.",
            "Zufriedenstellende Richtlinie. Der Internet Explorer 6 nimmt Cookies mit dieser Richtlinie in den \
             Einstellungen Hoch, Mittelhoch, Mittel, Niedrig und Alle Cookies annehmen an.",
            "Unzulängliche Richtlinie. Nach den Regeln des Internet Explorer 6 werden Cookies mit dieser Richtlinie \
             wie folgt behandelt.",
        ],
        decisions: "Entscheidungen",
        why: "Warum sie unzulänglich ist",
        why_categories: "Diese Kategorien identifizierbarer Daten sind mit ihren Cookies verbunden:",
        why_uses: "und die Daten werden auf diese Weisen ohne die Einwilligung verwendet, die die Stufen verlangen:",
        why_no_purpose: "und es ist kein Zweck für sie angegeben, was IE6 als Verwendung ohne Einwilligung wertet.",
        fixes: "So beheben Sie es",
        fix: Fix {
            purpose: "Die Zwecke der Daten anzugeben (zum Beispiel CUR, Abschluss der aktuellen Aktivität)",
            purpose_alone_end: ",",
            making: ["", " und "],
            change: " als ",
            suffixes: ["Opt-out", "Opt-in"],
            making_end: " zu kennzeichnen,",
            satisfactory: " würde die Richtlinie in jeder Stufe zufriedenstellend machen.",
            accepts: " würde Cookies annehmen lassen in ",
            end: ".",
            levels: ["Alle Cookies sperren", "Hoch", "Mittelhoch", "Mittel", "Niedrig", "Alle Cookies annehmen"],
            parties: ["Erstanbieter", "Drittanbieter"],
            cookies: ["Sitzung", "dauerhaft"],
            cell_join: ", ",
        },
        findings: "Befunde",
        no_findings: "keine",
        profile: "Profil",
        profile_glosses: [
            "identifizierbare Daten ohne Einwilligung oder ein Wort, das Mozilla nicht annimmt",
            "identifizierbare Daten mit Opt-out-Einwilligung",
            "nur Opt-in-Einwilligung oder keine identifizierbaren Daten",
            "eine Kompaktrichtlinie, die die Regeln des Profils prüfen",
        ],
        profile_verdicts: [
            "das Profil sieht keine Richtlinie",
            "jedes Cookie wird auf jeder Stufe angenommen, auf der die Richtlinie zählt",
            "einige Cookies werden nicht so angenommen, wie sie gesendet wurden",
        ],
        strict_invalid: "die Richtlinie ist ungültig und zählt daher als keine",
        rule: ("Regel", "Zeile"),
    },
};
