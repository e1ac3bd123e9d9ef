"""parse and the Policy value."""

from __future__ import annotations

import unittest

import p3p
from support import SEED_QUOTED, command_json, lines


class ParseTest(unittest.TestCase):
    def test_seed_policy(self) -> None:
        policy = p3p.parse(SEED_QUOTED)
        self.assertTrue(policy.present)
        self.assertFalse(policy.empty)
        self.assertEqual(
            policy.tokens,
            tuple("NOI CUR ADM DEV TAI CON OUR DEL BUS IND PHY ONL UNI PUR COM NAV DEM STA".split()),
        )
        self.assertEqual(policy.word_count, 18)
        self.assertEqual(policy.invalid_count, 0)
        self.assertIn(p3p.PolicyFlag.NONSTANDARD_SUFFIX, policy.flags)  # CURa
        self.assertEqual(policy.policy_class, p3p.PolicyClass.NONE)
        self.assertEqual(str(policy.policy_class), "none")
        self.assertEqual(policy.verdict, p3p.Verdict.UNSATISFACTORY)
        self.assertIn("PHY", policy)
        self.assertNotIn("FIN", policy)
        self.assertNotIn("XYZ", policy)

    def test_str_bytes_bytearray_memoryview_agree(self) -> None:
        b = SEED_QUOTED.encode()
        want = p3p.parse(b)
        for v in (SEED_QUOTED, bytearray(b), memoryview(b)):
            self.assertEqual(p3p.parse(v), want)
        with self.assertRaises(TypeError):
            p3p.parse(42)  # type: ignore[arg-type]

    def test_token_list(self) -> None:
        policy = p3p.parse("NOI DSP COR", tokens=True)
        self.assertTrue(policy.present)
        self.assertEqual(policy.tokens, ("NOI", "DSP", "COR"))
        self.assertEqual(p3p.parse('CP="NOI DSP COR"'), policy)
        # read as a header, a token list has no CP directive
        self.assertFalse(p3p.parse("NOI DSP COR").present)

    def test_no_policy_and_empty(self) -> None:
        none = p3p.parse('policyref="/w3c/p3p.xml"')
        self.assertFalse(none.present)
        self.assertEqual(none.policy_class, p3p.PolicyClass.NO_POLICY)
        self.assertEqual(none.verdict, p3p.Verdict.NO_POLICY)
        empty = p3p.parse('CP=""')
        self.assertTrue(empty.present and empty.empty)

    def test_consent_forms(self) -> None:
        policy = p3p.parse('CP="CURa CONo TELi CONi OUR PHY"')
        self.assertEqual(policy.consent("CUR"), {"always"})
        self.assertEqual(policy.consent("CON"), {"opt-out", "opt-in"})
        self.assertEqual(policy.consent("TEL"), {"opt-in"})
        self.assertEqual(policy.consent("OUR"), {"always"})
        self.assertEqual(policy.consent("ADM"), frozenset())
        with self.assertRaises(ValueError):
            policy.consent("PHY")

    def test_flags(self) -> None:
        cases = {
            'CP="NOI DSP", CP="PHY"': p3p.PolicyFlag.DUPLICATE_CP,
            'CP="NOI DSP': p3p.PolicyFlag.UNTERMINATED,
            'CP="NOI\x01DSP"': p3p.PolicyFlag.CONTROL_BYTES,
            'CP="NOI NOI"': p3p.PolicyFlag.DUPLICATE_TOKEN,
            'CP="CURR"': p3p.PolicyFlag.HAS_INVALID,
            'CP="This is not a P3P policy! See the help page."': p3p.PolicyFlag.NOT_A_POLICY,
        }
        for value, flag in cases.items():
            with self.subTest(value=value):
                self.assertIn(flag, p3p.parse(value).flags)

    def test_mozilla_view(self) -> None:
        self.assertIn(p3p.MozillaFlag.PII, p3p.parse('CP="FINa"').mozilla)
        self.assertIn(p3p.MozillaFlag.INVALID, p3p.parse('CP="LOC"').mozilla)
        self.assertIn(p3p.MozillaFlag.IMPLICIT, p3p.parse('CP="CONo"').mozilla)

    def test_token_order_is_the_librarys(self) -> None:
        # one word per token, in TOKENS order: the report lists each word's
        # base token, which must be the one parse() sets at that position
        value = 'CP="' + " ".join(p3p.TOKENS) + '"'
        report = p3p.explain_json(value)
        self.assertEqual([t["base"] for t in report["tokens"]], list(p3p.TOKENS))
        self.assertEqual(p3p.parse(value).tokens, p3p.TOKENS)
        self.assertEqual(len(p3p.CONSENT_TOKENS), 19)
        for i, token in enumerate(p3p.TOKENS):
            self.assertEqual(p3p.parse(token, tokens=True).tokens, (token,), token)
            if token in p3p.CONSENT_TOKENS:
                self.assertEqual(p3p.parse(token + "o", tokens=True).consent(token), {"opt-out"})
            self.assertEqual(i, p3p.TOKENS.index(token))

    def test_class_and_verdict_match_the_command(self) -> None:
        values = lines("policies.txt")
        # the command reads a value without "=" as a token list
        for value, report in zip(values, command_json(self, values)):
            with self.subTest(value=value):
                policy = p3p.parse(value, tokens=b"=" not in value)
                self.assertEqual(str(policy.policy_class), report["class"])
                self.assertEqual(str(policy.verdict), report["verdict"])
                self.assertEqual(policy.present, report["present"])


if __name__ == "__main__":
    unittest.main()
