//! Swedish. The editor's paragraphs are the Swedish seed document's, word
//! for word; the document keeps the token meanings, the grid and the
//! category and use sentences in English, and so does this table. Sentences
//! the document does not have (satisfactory and no-policy verdicts, a
//! missing purpose, the notes for other policies, the text report) are
//! written in its style.
//!
//! For the translator: the document names the Medium level "medelhög", the
//! name of Medium High (in the preamble and in the note, `levels[1]`
//! below). It is kept because the document must come out word for word;
//! Internet Explorer's Swedish name for Medium is "Medel", which the text
//! report uses.

use super::{Cells, Editor, Fix, Lang, Note, Sentences, Strings, Text};

pub static STRINGS: Strings = Strings {
    editor: Editor {
        summary_heading: "Sammanfattning av Kompakt Policy",
        policy_intro: "Den kompakta policy som motsvarar denna policy är:",
        table_intro: "I följande tabell förklaras innebörden av varje fält i den kompakta policyn.",
        field: "Field",
        meaning: "Meaning",
        table_lang: Lang::En,
        deployment: (
            "Den kompakta policyn skickas av webbservern tillsammans med de cookies som den beskriver. Mer \
             information finns i vägledningen för P3P-implementering på ",
            ".",
        ),
        evaluation_heading: "Utvärdering av Policy",
        preamble: "Microsoft Internet Explorer 6 utvärderar den här policyns kompakta policy när den används \
                   tillsammans med en cookie. De åtgärder som IE vidtar beror på vilken sekretessnivå användaren har \
                   valt i sin webbläsare (låg, medelhög, medelhög eller hög; standardvärdet är medelhög). Dessutom \
                   kommer IE att undersöka om cookiepolicyn anses vara tillfredsställande eller otillfredsställande, \
                   om det är en sessions-cookie eller en permanent-cookie och om den används i ett förstaparts- \
                   eller tredjepartssammanhang. I det här avsnittet försöker vi utvärdera denna policys kompakta \
                   policy mot Microsofts uttalade beteende för IE6.",
        disclaimer: "Observera: Den här utvärderingen är för närvarande experimentell och bör inte ses som en \
                     ersättning för att testa med en riktig webbläsare.",
        verdicts: [
            (
                "Ingen kompakt policy",
                "Svaret innehåller ingen kompakt policy (eller bara en testpolicy), så Internet Explorer 6 \
                 behandlar dess cookies som cookies utan policy. Internet Explorer 6 beter sig på följande sätt \
                 när det gäller dessa cookies:",
            ),
            (
                "Tillfredsställande policy",
                "Denna kompakta policy anses vara tillfredsställande enligt de regler som definieras av Internet \
                 Explorer 6. Internet Explorer 6 accepterar cookies som ställs in enligt denna kompakta policy \
                 vid alla sekretessnivåer utom Blockera alla cookies.",
            ),
            (
                "Otillfredsställande policy",
                "Denna kompakta policy anses vara otillfredsställande enligt de regler som definieras av Internet \
                 Explorer 6. Internet Explorer 6 beter sig på följande sätt när det gäller cookies som ställs in \
                 enligt denna kompakta policy:",
            ),
        ],
        bullet: " \u{2022} ",
        categories_intro: "En policy som anses otillfredsställande av Internet Explorer 6 innehåller vissa \
                           kategorier av uppgifter som används eller delas på ett visst sätt. Denna policy placeras \
                           i kategorin otillfredsställande, eftersom följande kategorier av uppgifter är kopplade \
                           till policyns kakor:",
        uses_intro: "Dessutom används uppgifterna på följande sätt, vilket innebär att policyn betecknas som \
                     otillfredsställande:",
        no_purpose: "Dessutom anger policyn inget ändamål för uppgifterna, vilket Internet Explorer 6 behandlar som \
                     användning utan samtycke och vilket innebär att policyn betecknas som otillfredsställande.",
    },
    grid: super::en::GRID,
    sentences: Sentences::TokenMeanings,
    note: Note {
        leads: [
            "Observera att om du tillåter ett opt-out kommer den här policyn att vara godtagbar ",
            "Observera att om du anger ett ändamål för uppgifterna kommer den här policyn att vara godtagbar ",
            "Observera att om du anger ett ändamål för uppgifterna och tillåter ett opt-out kommer den här policyn \
             att vara godtagbar ",
        ],
        satisfactory: [
            "Observera att om du tillåter ett opt-out kommer den här policyn att anses vara tillfredsställande.",
            "Observera att om du anger ett ändamål för uppgifterna kommer den här policyn att anses vara \
             tillfredsställande.",
            "Observera att om du anger ett ändamål för uppgifterna och tillåter ett opt-out kommer den här policyn \
             att anses vara tillfredsställande.",
        ],
        acceptable: Cells {
            one: "med inställningen ",
            many: "med inställningarna ",
            full_end: "",
            partial_after_full: ", och med ",
            partial_only: "med ",
            partial_end: "",
            end: ".",
            levels: ["Låg", "Medelhög", "Medelhög", "Hög"],
            parties: ["för användning av förstapartscookies", "för användning av tredjepartscookies"],
            and: " och ",
        },
        opt_in: Cells {
            one: "Vid inställningen ",
            many: "Vid inställningarna ",
            full_end: "",
            partial_after_full: ", och vid inställningen ",
            partial_only: "Vid inställningen ",
            partial_end: "",
            end: ", måste alla dessa dataanvändningar vara frivilliga för att policyn ska anses vara \
                  tillfredsställande.",
            levels: ["Låg", "Medelhög", "Medelhög", "Hög"],
            parties: ["för cookies från första part", "för cookies från tredje part"],
            and: " och ",
        },
    },
    text: Text {
        compact_policy: "Kompakt policy",
        tokens: "Token",
        no_cp: "(inget CP-direktiv: svaret innehåller ingen kompakt policy)",
        control: "kontrolltecken (ignoreras)",
        wrong_case: ("ingen token: fel skiftläge för ", " (ignoreras)"),
        no_suffix: ("ingen token: ", " tar inget suffix (ignoreras)"),
        unknown: "ingen token i en kompakt policy (ignoreras)",
        class: "Klass",
        glosses: [
            "ingen kompakt policy, eller en testpolicy",
            "inga identifierbara uppgifter används på ett sätt som kräver samtycke",
            "identifierbara uppgifter; varje användning som kräver samtycke är opt-in",
            "identifierbara uppgifter; varje användning som kräver samtycke är opt-out eller opt-in",
            "identifierbara uppgifter används utan samtycke",
        ],
        verdict: "Bedömning",
        verdicts: [
            "Ingen policy. Internet Explorer 6 behandlar dessa cookies som cookies utan kompakt policy.",
            "Tillfredsställande policy. Internet Explorer 6 accepterar cookies med denna policy vid inställningarna \
             Hög, Medelhög, Medel, Låg och Acceptera alla cookies.",
            "Otillfredsställande policy. Enligt reglerna i Internet Explorer 6 behandlas cookies med denna policy \
             på följande sätt.",
        ],
        decisions: "Beslut",
        why: "Varför den är otillfredsställande",
        why_categories: "Dessa kategorier av identifierbara uppgifter är kopplade till dess cookies:",
        why_uses: "och uppgifterna används på dessa sätt utan det samtycke som nivåerna kräver:",
        why_no_purpose: "och inget ändamål anges för dem, vilket IE6 behandlar som användning utan samtycke.",
        fixes: "Så rättar du den",
        fix: Fix {
            purpose: "Att ange uppgifternas ändamål (till exempel CUR, slutförande av den aktuella aktiviteten)",
            purpose_alone_end: "",
            making: ["Att göra ", " och att göra "],
            change: " till ",
            suffixes: ["opt-out", "opt-in"],
            making_end: "",
            satisfactory: " skulle göra policyn tillfredsställande på alla nivåer.",
            accepts: " skulle få cookies att accepteras vid ",
            end: ".",
            levels: ["Blockera alla", "Hög", "Medelhög", "Medel", "Låg", "Acceptera alla"],
            parties: ["förstapart", "tredjepart"],
            cookies: ["session", "permanent"],
            cell_join: ", ",
        },
        findings: "Anmärkningar",
        no_findings: "inga",
        profile: "Profil",
        profile_glosses: [
            "identifierbara uppgifter utan samtycke, eller ett ord som Mozilla inte godtar",
            "identifierbara uppgifter med samtycke genom opt-out",
            "endast samtycke genom opt-in, eller inga identifierbara uppgifter",
            "en kompakt policy, som profilens regler prövar",
        ],
        profile_verdicts: [
            "profilen ser ingen policy",
            "varje cookie godtas på varje nivå där policyn spelar roll",
            "vissa cookies godtas inte som de skickades",
        ],
        strict_invalid: "policyn är ogiltig och räknas därför som ingen",
        rule: ("regel", "rad"),
    },
};
