"""explain (every format and language), lint and header_value."""

from __future__ import annotations

import json
import os
import unittest

import p3p
from support import DATA, PROFILES, SEED, SEED_QUOTED, command_json, lines


class ExplainTest(unittest.TestCase):
    def test_text(self) -> None:
        text = p3p.explain(SEED_QUOTED)
        self.assertTrue(text.startswith("Compact policy: " + SEED_QUOTED + "\n"), text[:100])
        self.assertIn("Verdict: Unsatisfactory policy.", text)
        self.assertIn("Making CONa opt-in (CONi) would make the policy satisfactory at every level.", text)

    def test_json_is_the_commands(self) -> None:
        values = lines("policies.txt")
        for value, want in zip(values, command_json(self, values)):
            with self.subTest(value=value):
                self.assertEqual(p3p.explain_json(value, tokens=b"=" not in value), want)
        path = os.path.join(PROFILES, "no-tracking.xml")
        for value, want in zip(values, command_json(self, values, "--profile", path, "--party", "third")):
            with self.subTest(value=value, profile=path):
                got = p3p.explain_json(value, tokens=b"=" not in value, profile=p3p.Profile.load_file(path), party="third")
                self.assertEqual(got, want)

    def test_json_string_and_selection(self) -> None:
        raw = p3p.explain(SEED, "json", level="medium", party="first", cookie="persistent")
        obj = json.loads(raw)
        self.assertEqual(obj["class"], "none")
        self.assertIn("selected", obj)
        self.assertIn("downgrade", json.dumps(obj["selected"]))
        moz = p3p.explain_json(SEED, profile="mozilla", level="default")
        self.assertEqual(moz["profile"], "mozilla")
        self.assertEqual(set(moz["grid"]["first_party"]["session"]), {"low", "medium", "high", "default"})

    def test_selection_narrows_the_text(self) -> None:
        full = p3p.explain(SEED)
        one = p3p.explain(SEED, level=p3p.Level.HIGH, party=p3p.Party.THIRD, cookie=p3p.CookieKind.SESSION)
        self.assertLess(len(one), len(full))

    def test_editor_reproduces_the_seed_documents(self) -> None:
        # the Swedish and Dutch documents need no correction (tests/report.rs)
        for lang in ("sv", "nl"):
            with open(os.path.join(DATA, "editor", lang + ".txt"), encoding="utf-8") as f:
                want = f.read()
            self.assertEqual(p3p.explain(SEED, "editor", lang=lang), want, lang)

    def test_every_format_and_language(self) -> None:
        for fmt in p3p.Format:
            for lang in p3p.Lang:
                with self.subTest(format=fmt, lang=lang):
                    out = p3p.explain(SEED, fmt, lang=lang)
                    self.assertTrue(out)
                    if fmt == p3p.Format.HTML:
                        self.assertTrue(out.startswith('<section class="p3p-report" lang="%s">' % lang.name.lower()))
                        self.assertNotIn("<script", out)
        self.assertEqual(p3p.explain(SEED, "HTML", lang="DE"), p3p.explain(SEED, p3p.Format.HTML, lang=p3p.Lang.DE))

    def test_option_errors(self) -> None:
        with self.assertRaises(p3p.InvalidArgumentError):
            p3p.explain(SEED, "editor", profile="mozilla")
        with self.assertRaises(p3p.InvalidArgumentError):
            p3p.explain(SEED, level=9)
        with self.assertRaises(p3p.UnknownNameError):
            p3p.explain(SEED, level="hihg")
        with self.assertRaises(p3p.UnknownNameError):
            p3p.explain(SEED, profile="ie7")
        with self.assertRaises(ValueError):
            p3p.explain(SEED, "pdf")
        with self.assertRaises(ValueError):
            p3p.explain(SEED, lang="fr")
        # a level the profile does not have
        with self.assertRaises(p3p.UnknownNameError):
            p3p.explain(SEED, profile="mozilla", level="medium_high")


class LintTest(unittest.TestCase):
    def test_findings(self) -> None:
        found = p3p.lint('CP="CURR CONA PYH LOC TST"')
        self.assertEqual(
            [(d.code, d.offset, d.length) for d in found[:5]],
            [("unknown_token", 4, 4), ("wrong_case", 9, 4), ("unknown_token", 14, 3), ("unknown_to_ie6", 18, 3), ("test_policy", 22, 3)],
        )
        self.assertEqual(found[0].message, 'unknown token "CURR"; did you mean "CUR"?')
        self.assertEqual(found[0].severity, p3p.Severity.ERROR)
        self.assertEqual(found[0].code_number, 1)
        self.assertEqual(str(found[0]), 'error at 4: unknown token "CURR"; did you mean "CUR"? [unknown_token]')

    def test_clean_and_token_lists(self) -> None:
        self.assertEqual(p3p.lint('CP="NOI DSP COR CUR OUR IND UNI"'), [])
        self.assertEqual([(d.code, d.offset) for d in p3p.lint("NOI CURR", tokens=True)][0], ("unknown_token", 4))

    def test_agrees_with_the_command(self) -> None:
        values = lines("policies.txt")
        for value, report in zip(values, command_json(self, values)):
            if report["input"].encode() != value:
                continue  # the command's offsets count from the trimmed policy text
            with self.subTest(value=value):
                got = [
                    {"code": d.code, "severity": str(d.severity), "offset": d.offset, "len": d.length, "message": d.message}
                    for d in p3p.lint(value, tokens=b"=" not in value)
                ]
                self.assertEqual(got, report["diagnostics"])

    def test_many_findings(self) -> None:
        value = 'CP="' + " ".join(["CURR"] * 5000) + '"'
        found = p3p.lint(value)
        self.assertEqual(len([d for d in found if d.code == "unknown_token"]), 5000)
        self.assertEqual(found[-1].code, "missing_group")


class HeaderValueTest(unittest.TestCase):
    def test_header_value(self) -> None:
        self.assertEqual(p3p.header_value("NOI  DSP\tCOR"), 'CP="NOI DSP COR"')
        self.assertEqual(p3p.header_value(b"NOI"), 'CP="NOI"')
        for bad in ('NOI "DSP', "NOI\\", "NOI\nDSP", b"NOI \xff"):
            with self.subTest(bad=bad), self.assertRaises(p3p.PolicyUnsendableError):
                p3p.header_value(bad)


if __name__ == "__main__":
    unittest.main()
