"""The examples of the READMEs run as written (from the repository's root,
where profiles/ is)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import unittest

from support import ROOT

READMES = [os.path.join(ROOT, "bindings", "python", "README.md"), os.path.join(ROOT, "README.md")]


def python_blocks(path: str):
    with open(path, encoding="utf-8") as f:
        return re.findall(r"```python\n(.*?)```", f.read(), re.S)


class ReadmeTest(unittest.TestCase):
    def test_examples_run(self) -> None:
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            for path in READMES:
                blocks = python_blocks(path)
                self.assertTrue(blocks, path)
                for block in blocks:
                    with self.subTest(readme=path), contextlib.redirect_stdout(io.StringIO()):
                        exec(compile(block, path, "exec"), {})
        finally:
            os.chdir(cwd)

    def test_claimed_results(self) -> None:
        import p3p

        policy = p3p.parse('CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA"')
        self.assertEqual(p3p.cookie_decide(policy, "id=1; Max-Age=3600", "medium", "third").action, p3p.Action.BLOCK)
        self.assertEqual(p3p.lint('CP="CURR CONA"')[0].offset, 4)
        self.assertEqual(p3p.lint('CP="CURR"')[0].message, 'unknown token "CURR"; did you mean "CUR"?')
        self.assertTrue(p3p.explain('CP="NOI DSP COR"', "editor", lang="it").startswith("Sintesi della Compact Policy"))


if __name__ == "__main__":
    unittest.main()
