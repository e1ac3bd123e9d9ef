"""decide and grid: the seed documents' grid, and every cell against the p3p command."""

from __future__ import annotations

import glob
import os
import unittest
from typing import List, Tuple

import p3p
from p3p import Action, CookieKind, Level, Party
from support import DATA, PROFILES, SEED, command_json, lines

PARTY_KEYS = {Party.FIRST: "first_party", Party.THIRD: "third_party"}
COOKIE_KEYS = {CookieKind.PERSISTENT: "persistent", CookieKind.SESSION: "session"}
SEED_LEVELS = {"Low": Level.LOW, "Medium": Level.MEDIUM, "Medium High": Level.MEDIUM_HIGH, "High": Level.HIGH}


def seed_grid(path: str) -> List[Tuple[CookieKind, Party, Level, str]]:
    """The 16 cells a seed document prints: per cookie kind, four
    first-party bullets, then four third-party ones."""
    cells = []
    kind = None
    seen = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()  # the documents indent bullets differently
            if line in ("Persistent Cookies", "Session Cookies"):
                kind, seen = (CookieKind.PERSISTENT if line.startswith("P") else CookieKind.SESSION), 0
            elif line.startswith("\u2022 ") and kind is not None:
                level, sentence = line[2:].split(": ", 1)
                party = Party.FIRST if seen < 4 else Party.THIRD
                cells.append((kind, party, SEED_LEVELS[level], sentence))
                seen += 1
    return cells


class SeedGridTest(unittest.TestCase):
    def test_every_seed_document(self) -> None:
        policy = p3p.parse(SEED)
        files = sorted(glob.glob(os.path.join(DATA, "seeds", "*.txt")))
        self.assertEqual(len(files), 4)
        for path in files:
            cells = seed_grid(path)
            self.assertEqual(len(cells), 16, path)
            for kind, party, level, sentence in cells:
                with self.subTest(doc=os.path.basename(path), kind=kind, party=party, level=level):
                    d = p3p.decide(policy, level, party, kind)
                    self.assertEqual(d.sentence, sentence)

    def test_seed_actions(self) -> None:
        policy = p3p.parse(SEED)
        self.assertEqual(p3p.decide(policy, Level.MEDIUM, Party.FIRST, CookieKind.PERSISTENT).action, Action.DOWNGRADE)
        self.assertEqual(p3p.decide(policy, Level.LOW, Party.THIRD, CookieKind.PERSISTENT).action, Action.DOWNGRADE)
        self.assertEqual(p3p.decide(policy, Level.MEDIUM, Party.THIRD, CookieKind.SESSION).action, Action.BLOCK)
        self.assertEqual(p3p.decide(policy, Level.MEDIUM_HIGH, Party.FIRST, CookieKind.SESSION).action, Action.ACCEPT)

    def test_names_and_numbers_agree(self) -> None:
        policy = p3p.parse(SEED)
        want = p3p.decide(policy, Level.MEDIUM_HIGH, Party.THIRD, CookieKind.SESSION)
        for args in [("medium_high", "third", "session"), ("Medium-High", "3rd", "SESSION"), (2, 1, 0)]:
            self.assertEqual(p3p.decide(policy, *args), want, args)

    def test_no_policy(self) -> None:
        d = p3p.decide(None, Level.MEDIUM, Party.THIRD, CookieKind.PERSISTENT)
        self.assertEqual((d.action, d.reason), (Action.BLOCK, p3p.Reason.NO_POLICY_BLOCK))


class CommandAgreementTest(unittest.TestCase):
    """Every cell of every policy in tests/data/policies.txt, as the p3p
    command (the Rust library) reports it."""

    def check(self, values: List[bytes], profile=None, options=()) -> None:
        reports = command_json(self, values, *options)
        self.assertEqual(len(reports), len(values))
        for value, report in zip(values, reports):
            policy = p3p.parse(value, tokens=b"=" not in value)
            grid = None if profile is not None else p3p.grid(policy)
            for party, pkey in PARTY_KEYS.items():
                for cookie, ckey in COOKIE_KEYS.items():
                    for level_key, want in report["grid"][pkey][ckey].items():
                        level = None if level_key == "profile" else level_key
                        with self.subTest(value=value, party=pkey, cookie=ckey, level=level_key):
                            d = p3p.decide(policy, level, party, cookie, profile=profile)
                            self.assertEqual(str(d.action), want["action"])
                            self.assertEqual(d.sentence, want["reason"])
                            if grid is not None:
                                self.assertEqual(grid[party, cookie, p3p.Level[level_key.upper()]], d)

    def test_ie6(self) -> None:
        self.check(lines("policies.txt"))

    def test_ie6_strict(self) -> None:
        self.check(lines("policies.txt"), p3p.Profile.builtin("ie6-strict"), ("--profile", "ie6-strict"))

    def test_mozilla(self) -> None:
        self.check(lines("policies.txt"), "mozilla", ("--profile", "mozilla"))

    def test_mozilla_letters(self) -> None:
        self.check(lines("policies.txt"), "mozilla:frfradaa", ("--profile", "mozilla:frfradaa"))

    def test_import_files(self) -> None:
        for name in ("no-tracking.xml", "essential-only.xml"):
            path = os.path.join(PROFILES, name)
            self.check(lines("policies.txt"), p3p.Profile.load_file(path), ("--profile", path))


class GridTest(unittest.TestCase):
    def test_grid_is_decide(self) -> None:
        for value in lines("policies.txt"):
            policy = p3p.parse(value)
            grid = p3p.grid(policy)
            self.assertEqual(len(grid), 24)
            for (party, cookie, level), d in grid.items():
                self.assertEqual(p3p.decide(policy, level, party, cookie), d)

    def test_no_policy_grid(self) -> None:
        grid = p3p.grid(None)
        self.assertEqual(grid[Party.FIRST, CookieKind.SESSION, Level.ACCEPT_ALL].action, Action.ACCEPT)
        self.assertEqual(grid[Party.THIRD, CookieKind.PERSISTENT, Level.BLOCK_ALL].reason, p3p.Reason.BLOCK_ALL)


if __name__ == "__main__":
    unittest.main()
