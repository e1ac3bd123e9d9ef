"""The ctypes structs have the layout include/p3p.h gives the C compiler:
every struct's size, and every field's offset and size, read from a small C
program."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import tempfile
import unittest

from p3p import _native
from support import ROOT

STRUCTS = {
    "p3p_policy": _native.CPolicy,
    "p3p_decision": _native.CDecision,
    "p3p_grid": _native.CGrid,
    "p3p_cookie_decision": _native.CCookieDecision,
    "p3p_diagnostic": _native.CDiagnostic,
    "p3p_profile_error": _native.CProfileError,
    "p3p_explain_options": _native.CExplainOptions,
}


class LayoutTest(unittest.TestCase):
    def test_sizes_and_offsets_match_the_header(self) -> None:
        cc = shutil.which("cc") or shutil.which("gcc")
        if cc is None:
            self.skipTest("no C compiler")
        lines = ["#include <stdio.h>", "#include <stddef.h>", '#include "p3p.h"', "int main(void) {"]
        want = []
        for c_name, cls in STRUCTS.items():
            lines.append(f'    printf("%zu\\n", sizeof({c_name}));')
            want.append(ctypes.sizeof(cls))
            for field, _ in cls._fields_:
                lines.append(f'    printf("%zu\\n", offsetof({c_name}, {field}));')
                lines.append(f'    printf("%zu\\n", sizeof((({c_name} *) 0)->{field}));')
                want += [getattr(cls, field).offset, getattr(cls, field).size]
        lines.append(f'    printf("%zu\\n", (size_t) P3P_ABI_VERSION);')
        want.append(_native.ABI_VERSION)
        lines += ["    return 0;", "}"]
        with tempfile.TemporaryDirectory() as d:
            src, exe = os.path.join(d, "layout.c"), os.path.join(d, "layout")
            with open(src, "w") as f:
                f.write("\n".join(lines) + "\n")
            subprocess.run([cc, "-std=c99", "-I", os.path.join(ROOT, "include"), src, "-o", exe], check=True)
            got = [int(x) for x in subprocess.run([exe], check=True, stdout=subprocess.PIPE).stdout.split()]
        self.assertEqual(got, want)


if __name__ == "__main__":
    unittest.main()
