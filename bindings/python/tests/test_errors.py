"""Finding and checking the library, the error classes, hostile and huge input."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest
from typing import Dict, List, Optional

import p3p
from p3p import CookieKind, Level, Party
from support import ROOT, SEED, lines

SRC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src")


def run_python(code: str, env: Dict[str, Optional[str]]) -> subprocess.CompletedProcess:
    """Runs ``code`` in a fresh interpreter with the package on the path and
    ``env`` applied to the environment (None removes a variable)."""
    e = dict(os.environ)
    e["PYTHONPATH"] = SRC
    for k, v in env.items():
        if v is None:
            e.pop(k, None)
        else:
            e[k] = v
    return subprocess.run([sys.executable, "-c", code], env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class LoadingTest(unittest.TestCase):
    def test_import_needs_no_library_and_errors_name_the_path(self) -> None:
        r = run_python(
            "import p3p\ntry:\n    p3p.parse('CP=\"NOI\"')\nexcept p3p.LibraryError as e:\n    print('LibraryError', e)",
            {"P3P_LIBRARY": "/nonexistent/libp3p.so"},
        )
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("LibraryError P3P_LIBRARY=/nonexistent/libp3p.so: cannot load it", r.stdout)

    def test_a_library_that_is_not_libp3p(self) -> None:
        libm = "libm.so.6"
        r = run_python("import p3p\ntry:\n    p3p.library_version()\nexcept OSError as e:\n    print(e)", {"P3P_LIBRARY": libm})
        self.assertEqual(r.stdout.strip(), "libm.so.6 is not libp3p (no p3p_abi_version)", r.stderr)

    def test_abi_version_mismatch_is_refused(self) -> None:
        cc = shutil.which("cc") or shutil.which("gcc")
        if cc is None:
            self.skipTest("no C compiler")
        with tempfile.TemporaryDirectory() as d:
            src, lib = os.path.join(d, "old.c"), os.path.join(d, "libold.so")
            with open(src, "w") as f:
                f.write("unsigned p3p_abi_version(void) { return 2; }\n")
            subprocess.run([cc, "-shared", "-fPIC", "-o", lib, src], check=True)
            r = run_python("import p3p\ntry:\n    p3p.parse('')\nexcept p3p.LibraryError as e:\n    print(e)", {"P3P_LIBRARY": lib})
        self.assertIn("has ABI version 2; this package needs version 3", r.stdout, r.stderr)

    def test_a_library_missing_a_function(self) -> None:
        cc = shutil.which("cc") or shutil.which("gcc")
        if cc is None:
            self.skipTest("no C compiler")
        with tempfile.TemporaryDirectory() as d:
            src, lib = os.path.join(d, "part.c"), os.path.join(d, "libpart.so")
            with open(src, "w") as f:
                f.write("unsigned p3p_abi_version(void) { return 3; }\n")
            subprocess.run([cc, "-shared", "-fPIC", "-o", lib, src], check=True)
            r = run_python("import p3p\ntry:\n    p3p.parse('')\nexcept p3p.LibraryError as e:\n    print(e)", {"P3P_LIBRARY": lib})
        self.assertIn("has ABI version 3 but no p3p_policy_parse", r.stdout, r.stderr)

    def test_found_by_soname_through_the_loader(self) -> None:
        path = os.environ.get("P3P_LIBRARY")
        if not path:
            self.skipTest("P3P_LIBRARY is not set")
        libdir = os.path.dirname(os.path.realpath(path))
        if not os.path.exists(os.path.join(libdir, "libp3p.so.0")):
            self.skipTest("no libp3p.so.0 beside " + path)
        r = run_python(
            "import p3p; print(p3p.library_path(), p3p.decide(None, 'low', 'first', 'session').action.name)",
            {"P3P_LIBRARY": None, "LD_LIBRARY_PATH": libdir},
        )
        self.assertEqual(r.stdout.split(), ["libp3p.so.0", "ACCEPT"], r.stderr)

    def test_versions(self) -> None:
        self.assertEqual(p3p.ABI_VERSION, 3)
        self.assertRegex(p3p.library_version(), r"^\d+\.\d+\.\d+")
        # the package is released with the library: one version in three places
        versions = []
        for path in (os.path.join(ROOT, "Cargo.toml"), os.path.join(ROOT, "bindings", "python", "pyproject.toml")):
            with open(path, encoding="utf-8") as f:
                versions.append(re.search(r'^version = "(.*)"', f.read(), re.M).group(1))  # type: ignore[union-attr]
        self.assertEqual(versions, [p3p.__version__] * 2)


class ErrorClassTest(unittest.TestCase):
    def test_hierarchy(self) -> None:
        for cls in (
            p3p.LibraryError,
            p3p.NullArgumentError,
            p3p.InvalidArgumentError,
            p3p.BufferTooSmallError,
            p3p.UnknownNameError,
            p3p.CookieControlByteError,
            p3p.PolicyUnsendableError,
            p3p.ProfileError,
            p3p.InternalError,
        ):
            self.assertTrue(issubclass(cls, p3p.P3PError), cls)
        self.assertTrue(issubclass(p3p.UnknownNameError, ValueError))

    def test_statuses_and_messages(self) -> None:
        with self.assertRaises(p3p.UnknownNameError) as cm:
            p3p.decide(None, "hihg", Party.FIRST, CookieKind.SESSION)
        self.assertEqual(cm.exception.status, 4)
        self.assertTrue(cm.exception.status_name)
        self.assertIn("'hihg'", str(cm.exception))
        with self.assertRaises(p3p.InvalidArgumentError) as cm2:
            p3p.decide(None, Level.LOW, 2, CookieKind.SESSION)
        self.assertEqual(cm2.exception.status, 2)
        with self.assertRaises(p3p.UnknownNameError):
            p3p.decide(None, Level.LOW, "fourth", CookieKind.SESSION)
        with self.assertRaises(ValueError):
            p3p.decide(None, Level.LOW, Party.FIRST, "eternal")
        with self.assertRaises(TypeError):
            p3p.decide("CP=NOI", Level.LOW, Party.FIRST, "session")  # type: ignore[arg-type]


class BufferProtocolTest(unittest.TestCase):
    """Text comes back in two calls: (NULL, 0) for the size, then a buffer
    of exactly that size."""

    def test_one_call_to_size_one_to_fill(self) -> None:
        from p3p import _native

        calls = []
        lib = _native.lib()
        value = SEED.encode()

        def call(out, cap, n):  # type: ignore[no-untyped-def]
            calls.append((out is None, cap))
            return lib.p3p_explain(value, len(value), 0, None, out, cap, n)

        text = _native.fill_text(call, "explain")
        self.assertEqual(len(calls), 2)
        self.assertEqual(calls[0], (True, 0))
        self.assertEqual(calls[1], (False, len(text)))
        self.assertEqual(text.decode(), p3p.explain(SEED))

    def test_a_size_that_changes_is_an_error(self) -> None:
        from p3p import _native

        sizes = iter([5, 9])

        def call(out, cap, n):  # type: ignore[no-untyped-def]
            n._obj.value = next(sizes)
            return 0 if out is None else 3  # P3P_STATUS_BUFFER_TOO_SMALL on the fill

        with self.assertRaises(p3p.P3PError) as cm:
            _native.fill_text(call, "test")
        self.assertEqual(cm.exception.status, 3)
        self.assertIn("grew from 5 to 9 bytes", str(cm.exception))


class HostileInputTest(unittest.TestCase):
    def test_bytes_that_are_not_utf8(self) -> None:
        value = b'CP="NOI \xff\xfe DSP \x80COR CUR\xc3"'
        policy = p3p.parse(value)
        self.assertEqual(policy.tokens, ("NOI", "DSP"))
        self.assertIn(p3p.PolicyFlag.HAS_INVALID, policy.flags)
        found = p3p.lint(value)
        self.assertEqual([(d.offset, d.length) for d in found if d.code == "unknown_token"][0], (8, 2))
        for fmt in p3p.Format:
            self.assertIsInstance(p3p.explain(value, fmt), str)
        self.assertEqual(p3p.explain_json(value)["present"], True)
        # a str holding lone surrogates (os.fsdecode of such bytes) means the same bytes
        self.assertEqual(p3p.parse(os.fsdecode(value)), policy)

    def test_every_byte(self) -> None:
        value = bytes(range(256)) * 4
        for tokens in (False, True):
            p3p.parse(value, tokens=tokens)
            p3p.lint(value, tokens=tokens)
            p3p.explain(value, "json", tokens=tokens)
        with self.assertRaises(p3p.CookieControlByteError):
            p3p.cookie_decide(None, value, Level.LOW, Party.FIRST)

    def test_huge_inputs(self) -> None:
        words = 2_000_000
        value = b'CP="' + b"NOI " * words + b'"'  # 8 MB
        policy = p3p.parse(value)
        self.assertEqual(policy.tokens, ("NOI",))
        self.assertEqual(policy.word_count, words)
        self.assertIn(p3p.PolicyFlag.DUPLICATE_TOKEN, policy.flags)
        big = b"A" * (50 << 20)  # 50 MB of one word
        self.assertIn(p3p.PolicyFlag.HAS_INVALID, p3p.parse(b'CP="' + big + b'"').flags)
        self.assertEqual(len(p3p.lint(b'CP="NOI ' + big[: 4 << 20] + b'"')), 5)
        report = p3p.explain(b'CP="NOI DSP ' + b"CURR " * 50_000 + b'"', "json")
        self.assertGreater(len(report), 50_000 * 5)
        cookie = b"a=" + b"v" * (16 << 20) + b"; Max-Age=60; Path=/"
        self.assertEqual(p3p.cookie_decide(None, cookie, Level.LOW, Party.FIRST).kind, CookieKind.PERSISTENT)
        self.assertEqual(p3p.rewrite(cookie, "downgrade"), b"a=" + b"v" * (16 << 20) + b"; Path=/")

    def test_threads_share_the_library(self) -> None:
        values = lines("policies.txt")
        want = [(p3p.explain(v), list(p3p.grid(p3p.parse(v)).items())) for v in values]
        errors: List[object] = []

        def work() -> None:
            try:
                for _ in range(5):
                    for v, w in zip(values, want):
                        if (p3p.explain(v), list(p3p.grid(p3p.parse(v)).items())) != w:
                            errors.append(v)
            except Exception as e:  # reported below
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()
