"""Shared by the tests: where the repository's fixtures and the p3p command are."""

from __future__ import annotations

import json
import os
import subprocess
import unittest
from typing import Any, Dict, List

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DATA = os.path.join(ROOT, "tests", "data")
PROFILES = os.path.join(ROOT, "profiles")

SEED = "CP=NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA"
SEED_QUOTED = 'CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA"'


def lines(name: str) -> List[bytes]:
    """The non-empty lines of tests/data/NAME, as bytes."""
    with open(os.path.join(DATA, name), "rb") as f:
        return [line for line in f.read().split(b"\n") if line.strip()]


def p3p_command() -> str:
    """The p3p command built beside the library (``P3P_BIN``, else
    target/release/p3p)."""
    return os.environ.get("P3P_BIN") or os.path.join(
        os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "release", "p3p"
    )


def require_command(test: unittest.TestCase) -> str:
    path = p3p_command()
    if not os.access(path, os.X_OK):
        if os.environ.get("P3P_REQUIRE_BIN"):
            test.fail(f"{path} is missing")
        test.skipTest(f"{path} is missing")
    return path


def command_json(test: unittest.TestCase, values: List[bytes], *options: str) -> List[Dict[str, Any]]:
    """``p3p explain --json`` of each value, one object per value."""
    out = subprocess.run(
        [require_command(test), "explain", "--json", *options, "--", *values],
        check=True,
        stdout=subprocess.PIPE,
    ).stdout
    return [json.loads(line) for line in out.splitlines()]
