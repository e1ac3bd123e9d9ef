//! Italian. The editor's paragraphs are the Italian seed document's, word
//! for word (with "poltica" corrected to "politica"); the document keeps
//! the token meanings, the grid and the category and use sentences in
//! English, and so does this table. Sentences the document does not have
//! (satisfactory and no-policy verdicts, a missing purpose, the notes for
//! other policies, the text report) are written in its style.

use super::{Cells, Editor, Fix, Lang, Note, Sentences, Strings, Text};

pub static STRINGS: Strings = Strings {
    editor: Editor {
        summary_heading: "Sintesi della Compact Policy",
        policy_intro: "La compact policy che corrisponde a questa politica è:",
        table_intro: "La seguente tabella spiega il significato di ogni campo della compact policy.",
        field: "Field",
        meaning: "Meaning",
        table_lang: Lang::En,
        deployment: (
            "La compact policy viene inviata dal server web insieme ai cookie che descrive. Per ulteriori \
             informazioni, visualizza la guida alla distribuzione P3P all\u{2019}indirizzo ",
            ".",
        ),
        evaluation_heading: "Valutazione delle politiche",
        preamble: "Microsoft Internet Explorer 6 valuterà la compact policy di questa politica ogni volta che viene \
                   usata con un cookie. Le azioni che IE intraprenderà dipenderanno dal livello di privacy \
                   selezionato dal cliente (Basso, Medio-Alto o Alto); l\u{2019}impostazione di default è Medio. \
                   Inoltre, IE esaminerà se la politica dei cookie sia da considerare soddisfacente o meno, se il \
                   cookie sia di sessione o permanente o se il cookie venga utilizzato in un contesto di parti \
                   prime o di parti terze. Questa sezione tenterà di valutare la politica della compact policy nei \
                   confronti del comportamento dichiarato di Microsoft per IE6.",
        disclaimer: "Nota: questa valutazione è attualmente sperimentale e non dovrebbe essere considerata come \
                     alternativa al testing di un vero browser web.",
        verdicts: [
            (
                "Nessuna compact policy",
                "la risposta non contiene alcuna compact policy (o contiene solo una politica di prova), quindi \
                 Internet Explorer 6 tratta i suoi cookie come cookie privi di politica. Il comportamento di \
                 Internet Explorer 6 in merito a questi cookie è il seguente:",
            ),
            (
                "Politica soddisfacente",
                "la compact policy viene considerata soddisfacente secondo le norme stabilite da Internet Explorer \
                 6. Internet Explorer 6 accetterà i cookie impostati in questa compact policy con ogni livello di \
                 privacy, tranne Blocca tutti i cookie.",
            ),
            (
                "Politica insoddisfacente",
                "la compact policy viene considerata insoddisfacente secondo le norme stabilite da Internet \
                 Explorer 6. Il comportamento di Internet Explorer 6 in merito ai cookie impostati in questa \
                 compact policy è il seguente:",
            ),
        ],
        bullet: "  \u{2022} ",
        categories_intro: "Una politica che viene considerata insoddisfacente da Internet Explorer 6 contiene \
                           determinate categorie di dati che vengono usati o condivisi in modo particolare. Questa \
                           politica è inserita nella categoria insoddisfacente, perché le successive categorie di \
                           dati sono associate ai cookie di questa politica:",
        uses_intro: "Inoltre, i dati vengono usati nel modo seguente, contrassegnando la politica come \
                     insoddisfacente:",
        no_purpose: "Inoltre, la politica non dichiara alcuno scopo per questi dati: Internet Explorer 6 lo considera \
                     un uso senza consenso, contrassegnando la politica come insoddisfacente.",
    },
    grid: super::en::GRID,
    sentences: Sentences::TokenMeanings,
    note: Note {
        leads: [
            "Da notare che consentire una disattivazione renderà la politica accettabile ",
            "Da notare che dichiarare uno scopo per i dati renderà la politica accettabile ",
            "Da notare che dichiarare uno scopo per i dati e consentire una disattivazione renderà la politica \
             accettabile ",
        ],
        satisfactory: [
            "Da notare che consentire una disattivazione renderà la politica soddisfacente.",
            "Da notare che dichiarare uno scopo per i dati renderà la politica soddisfacente.",
            "Da notare che dichiarare uno scopo per i dati e consentire una disattivazione renderà la politica \
             soddisfacente.",
        ],
        acceptable: Cells {
            one: "nelle impostazioni ",
            many: "nelle impostazioni ",
            full_end: "",
            partial_after_full: ", e tra quelle ",
            partial_only: "nelle impostazioni ",
            partial_end: "",
            end: ".",
            levels: ["Basse", "Medie", "Medio-Alte", "Alte"],
            parties: [
                "per l\u{2019}utilizzo di cookie di prima parte",
                "per l\u{2019}utilizzo di cookie di terze parti",
            ],
            and: " e ",
        },
        opt_in: Cells {
            one: "Nelle impostazioni ",
            many: "Nelle impostazioni ",
            full_end: "",
            partial_after_full: " e in quelle ",
            partial_only: "Nelle impostazioni ",
            partial_end: "",
            end: ", tutti questi dati devono essere attivati per fare in modo che la politica sia considerata \
                  soddisfacente.",
            levels: ["Basse", "Medie", "Medio-Alte", "Alte"],
            parties: ["per i cookie di prima parte", "per i cookie di terzi"],
            and: " e ",
        },
    },
    text: Text {
        compact_policy: "Compact policy",
        tokens: "Token",
        no_cp: "(nessuna direttiva CP: la risposta non contiene alcuna compact policy)",
        control: "byte di controllo (ignorati)",
        wrong_case: ("non è un token: maiuscole e minuscole errate per ", " (ignorato)"),
        no_suffix: ("non è un token: ", " non accetta suffissi (ignorato)"),
        unknown: "non è un token della compact policy (ignorato)",
        class: "Classe",
        glosses: [
            "nessuna compact policy, o una politica di prova",
            "nessun dato identificabile usato in un modo che richieda il consenso",
            "dati identificabili; ogni uso che richiede il consenso è un\u{2019}attivazione (opt-in)",
            "dati identificabili; ogni uso che richiede il consenso prevede una disattivazione (opt-out) o \
             un\u{2019}attivazione (opt-in)",
            "dati identificabili usati senza consenso",
        ],
        verdict: "Verdetto",
        verdicts: [
            "Nessuna politica. Internet Explorer 6 tratta questi cookie come privi di compact policy.",
            "Politica soddisfacente. Internet Explorer 6 accetta i cookie con questa politica nelle impostazioni \
             Alto, Medio-Alto, Medio, Basso e Accetta tutti i cookie.",
            "Politica insoddisfacente. Secondo le norme di Internet Explorer 6, i cookie con questa politica \
             vengono trattati come segue.",
        ],
        decisions: "Decisioni",
        why: "Perché è insoddisfacente",
        why_categories: "Queste categorie di dati identificabili sono associate ai suoi cookie:",
        why_uses: "e i dati vengono usati in questi modi senza il consenso richiesto dai livelli:",
        why_no_purpose: "e non viene dichiarato alcuno scopo per essi, il che IE6 considera un uso senza consenso.",
        fixes: "Come correggerla",
        fix: Fix {
            purpose: "Dichiarare gli scopi dei dati (per esempio CUR, completamento dell\u{2019}attività corrente)",
            purpose_alone_end: "",
            making: ["Rendere ", " e rendere "],
            change: " ",
            suffixes: ["opt-out", "opt-in"],
            making_end: "",
            satisfactory: " renderebbe la politica soddisfacente a ogni livello.",
            accepts: " farebbe accettare i cookie in ",
            end: ".",
            levels: ["Blocca tutti", "Alto", "Medio-Alto", "Medio", "Basso", "Accetta tutti"],
            parties: ["prima parte", "terze parti"],
            cookies: ["di sessione", "permanenti"],
            cell_join: ", ",
        },
        findings: "Risultati",
        no_findings: "nessuno",
        profile: "Profilo",
        profile_glosses: [
            "dati identificabili senza consenso, o una parola che Mozilla non accetta",
            "dati identificabili con consenso tramite disattivazione (opt-out)",
            "solo consenso tramite attivazione (opt-in), o nessun dato identificabile",
            "una compact policy, che le regole del profilo esaminano",
        ],
        profile_verdicts: [
            "il profilo non vede alcuna politica",
            "ogni cookie è accettato a ogni livello in cui la politica conta",
            "alcuni cookie non sono accettati così come sono stati inviati",
        ],
        strict_invalid: "la politica non è valida, quindi conta come assente",
        rule: ("regola", "riga"),
    },
};
