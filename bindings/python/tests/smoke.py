"""A quick check of an installed package against an installed library, run
by installed.sh from outside the source tree. Prints what it loaded and
exits non-zero on any mismatch.

    python smoke.py EXPECTED_LIBRARY_DIR
"""

from __future__ import annotations

import os
import sys

import p3p


def loaded_libp3p() -> str:
    """The file the process mapped for libp3p (from /proc/self/maps)."""
    with open("/proc/self/maps") as f:
        for line in f:
            path = line.split(None, 5)[-1].strip()
            if os.path.basename(path).startswith("libp3p.so"):
                return path
    return ""


def main() -> int:
    want_dir = os.path.realpath(sys.argv[1])
    policy = p3p.parse('CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA"')
    d = p3p.decide(policy, "medium", "first", "persistent")
    checks = {
        "package outside the source tree": "bindings" not in os.path.abspath(p3p.__file__),
        "library from the install": os.path.dirname(os.path.realpath(loaded_libp3p())) == want_dir,
        "decide": (d.action, d.reason) == (p3p.Action.DOWNGRADE, p3p.Reason.OPT_OUT_MISSING_DOWNGRADE),
        "rewrite": p3p.rewrite("id=1; Max-Age=60; Path=/", d.action) == "id=1; Path=/",
        "explain": "Verdict: Unsatisfactory policy." in p3p.explain(policy_text := 'CP="PHY ONL CON"'),
        "explain json": p3p.explain_json(policy_text)["verdict"] == "unsatisfactory",
        "lint": [x.code for x in p3p.lint('CP="CURR"')][0] == "unknown_token",
        "profile": p3p.Profile.builtin("mozilla").class_of(policy) == p3p.PolicyClass.NO_CONSENT,
    }
    print(f"p3p {p3p.__version__} from {os.path.dirname(p3p.__file__)}, "
          f"libp3p {p3p.library_version()} as {p3p.library_path()} ({loaded_libp3p()})")
    failed = [name for name, ok in checks.items() if not ok]
    for name in failed:
        print("FAIL:", name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
