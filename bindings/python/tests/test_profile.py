"""Built-in profiles and IE6 privacy-import files."""

from __future__ import annotations

import os
import pathlib
import tempfile
import unittest

import p3p
from p3p import CookieKind, Level, Party
from support import PROFILES, SEED, lines

IE6_FILES = {
    "ie6-block-all.xml": Level.BLOCK_ALL,
    "ie6-high.xml": Level.HIGH,
    "ie6-medium-high.xml": Level.MEDIUM_HIGH,
    "ie6-medium.xml": Level.MEDIUM,
    "ie6-low.xml": Level.LOW,
    "ie6-accept-all.xml": Level.ACCEPT_ALL,
}

BAD_RULE = b"""<MSIEPrivacy>
  <MSIEPrivacySettings formatVersion="6">
    <p3pCookiePolicy zone="internet">
      <firstParty noPolicyDefault="reject" noRuleDefault="accept" alwaysAllowSession="no">
        <if expr="PHY,CURR" action="reject"/>
      </firstParty>
      <thirdParty noPolicyDefault="reject" noRuleDefault="accept" alwaysAllowSession="no"/>
    </p3pCookiePolicy>
  </MSIEPrivacySettings>
</MSIEPrivacy>
"""


class BuiltinTest(unittest.TestCase):
    def test_every_builtin_name(self) -> None:
        policy = p3p.parse(SEED)
        for name in p3p.BUILTIN_PROFILES + ("mozilla:afafaaaa", "IE6", "Mozilla:Default"):
            with self.subTest(name=name):
                profile = p3p.Profile.builtin(name)
                self.assertEqual(profile.name, name)
                self.assertIsInstance(profile.class_of(policy), p3p.PolicyClass)
                self.assertIsInstance(profile.verdict_of(None), p3p.Verdict)

    def test_unknown_names(self) -> None:
        for name in ("ie7", "mozilla:abc", "", "mozilla:afafaaaaa"):
            with self.subTest(name=name), self.assertRaises(p3p.UnknownNameError):
                p3p.Profile.builtin(name)

    def test_ie6_profile_is_the_default_model(self) -> None:
        ie6 = p3p.Profile.builtin("ie6")
        for value in lines("policies.txt"):
            policy = p3p.parse(value)
            self.assertEqual(ie6.class_of(policy), policy.policy_class)
            self.assertEqual(ie6.verdict_of(policy), policy.verdict)
            for (party, cookie, level), d in p3p.grid(policy).items():
                self.assertEqual(p3p.decide(policy, level, party, cookie, profile=ie6), d)

    def test_levels(self) -> None:
        mozilla = p3p.Profile.builtin("mozilla")
        self.assertEqual(mozilla.level("default"), p3p.MozillaLevel.DEFAULT)
        self.assertEqual(p3p.Profile.builtin("ie6").level("medium_high"), Level.MEDIUM_HIGH)
        self.assertEqual(p3p.Profile.builtin("mozilla:low").level("profile"), 0)
        with self.assertRaises(p3p.UnknownNameError):
            mozilla.level("medium_high")
        with self.assertRaises(p3p.InvalidArgumentError):
            p3p.decide(None, 9, Party.FIRST, CookieKind.SESSION, profile=mozilla)
        for profile in (None, mozilla, "ie6-strict"):
            with self.assertRaises(ValueError):
                p3p.decide(None, None, Party.FIRST, CookieKind.SESSION, profile=profile)
        letters = p3p.Profile.builtin("mozilla:drdraaaa")
        self.assertEqual(
            p3p.decide(None, None, Party.THIRD, CookieKind.SESSION, profile=letters),
            p3p.decide(None, "default", Party.THIRD, CookieKind.SESSION, profile=mozilla),
        )

    def test_mozilla_classes(self) -> None:
        mozilla = p3p.Profile.builtin("mozilla")
        self.assertEqual(mozilla.class_of(p3p.parse('CP="NOI CUR CONo PHY"')), p3p.PolicyClass.IMPLICIT)
        self.assertEqual(mozilla.class_of(p3p.parse('CP="PHY CON"')), p3p.PolicyClass.NO_CONSENT)
        self.assertEqual(mozilla.class_of(None), p3p.PolicyClass.NO_POLICY)


class ImportFileTest(unittest.TestCase):
    def test_shipped_ie6_levels_decide_like_the_builtin_levels(self) -> None:
        policies = [None] + [p3p.parse(v) for v in lines("policies.txt")]
        for name, level in IE6_FILES.items():
            profile = p3p.Profile.load_file(os.path.join(PROFILES, name))
            for policy in policies:
                for party in Party:
                    for cookie in CookieKind:
                        with self.subTest(file=name, policy=policy, party=party, cookie=cookie):
                            got = p3p.decide(policy, None, party, cookie, profile=profile)
                            want = p3p.decide(policy, level, party, cookie)
                            self.assertEqual(got.action, want.action)

    def test_load_bytes_str_path(self) -> None:
        path = os.path.join(PROFILES, "no-tracking.xml")
        with open(path, "rb") as f:
            data = f.read()
        policy = p3p.parse('CP="NOI CUR TAI OUR"')
        from_bytes = p3p.Profile.load(data)
        from_str = p3p.Profile.load(data.decode("utf-8"), name="no-tracking")
        from_path = p3p.Profile.load_file(pathlib.Path(path))
        self.assertEqual(from_bytes.name, "custom")
        self.assertEqual(from_str.name, "no-tracking")
        self.assertEqual(from_path.name, path)
        for profile in (from_bytes, from_str, from_path, pathlib.Path(path)):
            d = p3p.decide(policy, None, Party.THIRD, CookieKind.PERSISTENT, profile=profile)
            self.assertEqual((d.action, d.reason), (p3p.Action.BLOCK, p3p.Reason.RULE_MATCHED))
        self.assertEqual(from_path.class_of(policy), p3p.PolicyClass.RULES)
        self.assertEqual(p3p.explain_json('CP="NOI"', profile=from_str)["profile"], "no-tracking")

    def test_error_in_the_file(self) -> None:
        with self.assertRaises(p3p.ProfileError) as cm:
            p3p.Profile.load(BAD_RULE)
        e = cm.exception
        self.assertEqual((e.line, e.column, e.count), (5, 23, 1))
        self.assertEqual(e.code_name, "unknown token")
        self.assertEqual(e.detail, "CURR")
        self.assertEqual(str(e), '5:23: unknown token: "CURR"')
        self.assertEqual(e.status, 300)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "bad.xml")
            with open(path, "wb") as f:
                f.write(BAD_RULE)
            with self.assertRaises(p3p.ProfileError) as cm:
                p3p.Profile.load_file(path)
            self.assertEqual(str(cm.exception), path + ':5:23: unknown token: "CURR"')
            self.assertEqual(cm.exception.path, path)

    def test_errors_about_the_file(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            cases = {
                d: "not a regular file",
                os.path.join(d, "missing.xml"): "cannot open the file",
                "/dev/zero": "not a regular file",
            }
            big = os.path.join(d, "big.xml")
            with open(big, "wb") as f:
                f.truncate(2 << 20)
            cases[big] = "larger than 1 MiB"
            for path, words in cases.items():
                with self.subTest(path=path), self.assertRaises(p3p.ProfileError) as cm:
                    p3p.Profile.load_file(path)
                self.assertEqual((cm.exception.line, cm.exception.column), (0, 0))
                self.assertIn(words, str(cm.exception))

    def test_not_xml(self) -> None:
        for data in (b"", b"\xff\xfe", b"<MSIEPrivacy>", "x" * 100):
            with self.subTest(data=data[:10]), self.assertRaises(p3p.ProfileError):
                p3p.Profile.load(data)


if __name__ == "__main__":
    unittest.main()
