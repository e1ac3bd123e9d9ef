"""A PEP 517 build backend for this package, on the standard library alone.

The package is pure Python, so a wheel is a zip of ``src/p3p`` plus its
metadata. Doing it here, rather than with setuptools, means
``pip install ./bindings/python`` needs nothing from a package index: pip's
isolated build environment has no requirements to fetch, so it installs
offline with Debian's own pip (setuptools alone cannot build a wheel there
without the ``wheel`` package).

Implements ``build_wheel``, ``build_sdist`` and ``build_editable`` (PEP 660,
a ``.pth`` file pointing at ``src``).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import time
import zipfile
from typing import Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
PACKAGE = "p3p"
# reproducible archives: a fixed time stamp unless SOURCE_DATE_EPOCH says otherwise
EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))


def _project() -> Dict[str, object]:
    """The ``[project]`` table of pyproject.toml."""
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        raw = f.read()
    try:
        import tomllib
    except ImportError:  # Python < 3.11: the table's plain string keys are enough
        table: Dict[str, object] = {}
        section = re.search(rb"^\[project\]\n(.*?)(?=^\[|\Z)", raw, re.S | re.M)
        for m in re.finditer(rb'^([\w-]+)\s*=\s*"([^"]*)"', section.group(1) if section else b"", re.M):
            table[m.group(1).decode()] = m.group(2).decode()
        return table
    return dict(tomllib.loads(raw.decode("utf-8"))["project"])


def _metadata() -> Tuple[str, str, str]:
    """(name, version, the METADATA file's text)."""
    p = _project()
    name, version = str(p["name"]), str(p["version"])
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    if "description" in p:
        lines.append(f"Summary: {p['description']}")
    if "requires-python" in p:
        lines.append(f"Requires-Python: {p['requires-python']}")
    lic = p.get("license")
    if isinstance(lic, dict) and "text" in lic:
        lines.append(f"License: {lic['text']}")
    classifiers = p.get("classifiers")
    for c in classifiers if isinstance(classifiers, list) else []:
        lines.append(f"Classifier: {c}")
    body = ""
    readme = os.path.join(ROOT, "README.md")
    if os.path.exists(readme):
        lines.append("Description-Content-Type: text/markdown")
        with open(readme, encoding="utf-8") as f:
            body = "\n" + f.read()
    return name, version, "\n".join(lines) + "\n" + body


def _package_files() -> List[Tuple[str, str]]:
    """(archive name, path) of every file of the package, sorted."""
    files = []
    for d, dirs, names in os.walk(os.path.join(SRC, PACKAGE)):
        dirs[:] = sorted(x for x in dirs if x != "__pycache__")
        for n in sorted(names):
            if n.endswith((".py", ".typed")):
                path = os.path.join(d, n)
                files.append((os.path.relpath(path, SRC).replace(os.sep, "/"), path))
    return files


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode()


def _write_wheel(directory: str, entries: List[Tuple[str, bytes]]) -> str:
    name, version, metadata = _metadata()
    dist = f"{name}-{version}"
    info = f"{dist}.dist-info"
    wheel = "Wheel-Version: 1.0\nGenerator: p3p_build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    entries = entries + [(f"{info}/METADATA", metadata.encode()), (f"{info}/WHEEL", wheel.encode())]
    record = "".join(f"{n},{_record_hash(d)},{len(d)}\n" for n, d in entries) + f"{info}/RECORD,,\n"
    entries.append((f"{info}/RECORD", record.encode()))
    filename = f"{dist}-py3-none-any.whl"
    stamp = time.gmtime(max(EPOCH, 315532800))[:6]
    with zipfile.ZipFile(os.path.join(directory, filename), "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in entries:
            zi = zipfile.ZipInfo(n, stamp)
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, d)
    return filename


def build_wheel(
    wheel_directory: str,
    config_settings: Optional[dict] = None,
    metadata_directory: Optional[str] = None,
) -> str:
    """PEP 517: the wheel, with the package's modules and ``py.typed``."""
    entries = []
    for arcname, path in _package_files():
        with open(path, "rb") as f:
            entries.append((arcname, f.read()))
    return _write_wheel(wheel_directory, entries)


def build_editable(
    wheel_directory: str,
    config_settings: Optional[dict] = None,
    metadata_directory: Optional[str] = None,
) -> str:
    """PEP 660: a wheel whose ``.pth`` file puts ``src`` on ``sys.path``."""
    return _write_wheel(wheel_directory, [(f"__editable__.{PACKAGE}.pth", (SRC + "\n").encode())])


def build_sdist(sdist_directory: str, config_settings: Optional[dict] = None) -> str:
    """PEP 517: a source archive of pyproject.toml, the README, the backend,
    the package and its tests."""
    name, version, metadata = _metadata()
    base = f"{name}-{version}"
    paths = ["pyproject.toml", "README.md", "build_backend/p3p_build.py"]
    for top in ("src", "tests"):
        for d, dirs, names in os.walk(os.path.join(ROOT, top)):
            dirs[:] = sorted(x for x in dirs if x != "__pycache__")
            paths += [os.path.relpath(os.path.join(d, n), ROOT) for n in sorted(names) if not n.endswith(".pyc")]
    filename = f"{base}.tar.gz"

    def add(tar: tarfile.TarFile, arcname: str, data: bytes) -> None:
        ti = tarfile.TarInfo(f"{base}/{arcname}")
        ti.size, ti.mtime, ti.mode = len(data), EPOCH, 0o644
        tar.addfile(ti, io.BytesIO(data))

    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for rel in paths:
            path = os.path.join(ROOT, rel)
            if os.path.isfile(path):
                with open(path, "rb") as f:
                    add(tar, rel.replace(os.sep, "/"), f.read())
        add(tar, "PKG-INFO", metadata.encode())
    return filename
