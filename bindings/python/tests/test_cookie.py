"""cookie_decide, rewrite and party_from_fetch."""

from __future__ import annotations

import unittest

import p3p
from p3p import Action, CookieKind, Level, Party
from support import SEED, lines

PERSISTENT = "id=abc123; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; HttpOnly"


class CookieDecideTest(unittest.TestCase):
    def test_kind_name_and_action(self) -> None:
        policy = p3p.parse(SEED)
        d = p3p.cookie_decide(policy, PERSISTENT, Level.MEDIUM, Party.FIRST)
        self.assertEqual((d.action, d.kind, d.name, d.name_offset), (Action.DOWNGRADE, CookieKind.PERSISTENT, b"id", 0))
        self.assertFalse(d.deletes)
        self.assertEqual(d, p3p.cookie_decide(policy, PERSISTENT.encode(), "medium", "first"))
        s = p3p.cookie_decide(policy, "  sid=xyz; Path=/", "medium", "third")
        self.assertEqual((s.kind, s.action, s.name, s.name_offset), (CookieKind.SESSION, Action.BLOCK, b"sid", 2))

    def test_agrees_with_decide_for_every_fixture_cookie(self) -> None:
        policy = p3p.parse(SEED)
        for cookie in lines("cookies.txt"):
            for level in Level:
                for party in Party:
                    with self.subTest(cookie=cookie, level=level, party=party):
                        d = p3p.cookie_decide(policy, cookie, level, party, now=1_700_000_000)
                        if d.deletes:
                            self.assertEqual(d.action, Action.ACCEPT)
                            self.assertEqual(d.reason, p3p.Reason.COOKIE_DELETION)
                        else:
                            want = p3p.decide(policy, level, party, d.kind)
                            self.assertEqual((d.action, d.reason), (want.action, want.reason))

    def test_deletion_is_accepted(self) -> None:
        for cookie in ("logout=; Max-Age=0; Path=/", "old=; Expires=Thu, 01 Jan 1970 00:00:00 GMT"):
            d = p3p.cookie_decide(None, cookie, Level.BLOCK_ALL, Party.THIRD)
            self.assertTrue(d.deletes, cookie)
            self.assertEqual(d.action, Action.ACCEPT)

    def test_now_zero_skips_the_expires_check(self) -> None:
        d = p3p.cookie_decide(None, "old=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT", Level.HIGH, Party.THIRD, now=0)
        self.assertFalse(d.deletes)
        self.assertEqual(d.action, Action.BLOCK)

    def test_with_profile(self) -> None:
        policy = p3p.parse('CP="NOI CUR CONo PHY"')
        mozilla = p3p.Profile.builtin("mozilla")
        d = p3p.cookie_decide(policy, PERSISTENT, "default", "third", profile=mozilla)
        self.assertEqual(d.action, p3p.decide(policy, "default", "third", "persistent", profile=mozilla).action)
        self.assertEqual(d.reason, p3p.Reason.MOZILLA_IMPLICIT)

    def test_control_byte(self) -> None:
        with self.assertRaises(p3p.CookieControlByteError) as cm:
            p3p.cookie_decide(None, "a=1\x00; Max-Age=9", Level.LOW, Party.FIRST)
        self.assertEqual(cm.exception.status, 100)
        self.assertIsInstance(cm.exception, ValueError)


class RewriteTest(unittest.TestCase):
    def test_actions(self) -> None:
        self.assertEqual(p3p.rewrite(PERSISTENT, Action.ACCEPT), PERSISTENT)
        self.assertEqual(p3p.rewrite(PERSISTENT, "downgrade"), "id=abc123; Path=/; HttpOnly")
        self.assertEqual(p3p.rewrite("pref=1; Max-Age=60; SameSite=None", Action.LEASH), "pref=1; Max-Age=60; SameSite=Lax")
        self.assertEqual(p3p.rewrite("a=1", "leash"), "a=1; SameSite=Lax")
        self.assertIsNone(p3p.rewrite(PERSISTENT, Action.BLOCK))
        self.assertIsNone(p3p.rewrite(PERSISTENT, "prompt"))

    def test_type_follows_input(self) -> None:
        self.assertEqual(p3p.rewrite(b"a=1; Max-Age=5", Action.DOWNGRADE), b"a=1")
        self.assertEqual(p3p.rewrite(bytearray(b"a=1"), Action.ACCEPT), b"a=1")
        # bytes that are not UTF-8 pass through untouched
        self.assertEqual(p3p.rewrite(b"a=\xff\xfe; Max-Age=5", Action.DOWNGRADE), b"a=\xff\xfe")
        self.assertEqual(p3p.rewrite("caf\u00e9=\u00e9t\u00e9; Max-Age=5", "downgrade"), "caf\u00e9=\u00e9t\u00e9")

    def test_leash_grows_at_most_leash_extra(self) -> None:
        for cookie in lines("cookies.txt"):
            out = p3p.rewrite(cookie, Action.LEASH)
            self.assertIsNotNone(out)
            self.assertLessEqual(len(out), len(cookie) + p3p.LEASH_EXTRA)  # type: ignore[arg-type]

    def test_errors(self) -> None:
        with self.assertRaises(p3p.CookieControlByteError):
            p3p.rewrite("a=1\r\nX-Evil: 1", Action.DOWNGRADE)
        with self.assertRaises(p3p.InvalidArgumentError):
            p3p.rewrite("a=1", 7)
        with self.assertRaises(ValueError):
            p3p.rewrite("a=1", "eat")


class FetchTest(unittest.TestCase):
    def test_party_from_fetch(self) -> None:
        self.assertEqual(p3p.party_from_fetch("cross-site", "image"), Party.THIRD)
        self.assertEqual(p3p.party_from_fetch(" Cross-Site ", "document"), Party.FIRST)
        self.assertEqual(p3p.party_from_fetch(None, None), Party.FIRST)
        self.assertEqual(p3p.party_from_fetch(b"same-origin", b"empty"), Party.FIRST)


if __name__ == "__main__":
    unittest.main()
