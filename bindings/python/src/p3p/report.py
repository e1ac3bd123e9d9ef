"""The evaluation report (``explain``), lint findings and header values."""

from __future__ import annotations

import ctypes
import json
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Union

from . import _native
from ._convert import Bytes, as_bytes, as_cookie, as_level, as_party
from ._enums import CookieKind, Format, Lang, Level, Party, Severity
from .profile import ProfileLike, as_profile

__all__ = ["Diagnostic", "explain", "explain_json", "lint", "header_value"]

_EXPLAIN_ALL = 0xFFFFFFFF
_INPUT_HEADER = 0
_INPUT_TOKENS = 1


def _enum_arg(value: Union[int, str], enum: Any, what: str) -> int:
    if isinstance(value, str):
        try:
            return int(enum[value.upper()])
        except KeyError:
            names = ", ".join(m.name.lower() for m in enum)
            raise ValueError(f"{what} {value!r}: expected one of {names}") from None
    return int(value)


def explain(
    value: Bytes,
    format: Union[Format, str] = "text",
    *,
    lang: Union[Lang, str] = "en",
    profile: Optional[ProfileLike] = None,
    level: Union[Level, int, str, None] = None,
    party: Union[Party, int, str, None] = None,
    cookie: Union[CookieKind, int, str, None] = None,
    tokens: bool = False,
) -> str:
    """The evaluation report for a ``P3P`` header value (or a token list
    with ``tokens=True``), as ``p3p explain`` writes it.

    * ``format``: ``"text"`` (the command's report), ``"json"`` (one JSON
      object, see ``explain_json``), ``"editor"`` (the policy editor's
      "compact policy summary" and "policy evaluation" sections as plain
      text) or ``"html"`` (the same as an HTML fragment).
    * ``lang``: ``"en"``, ``"it"``, ``"sv"``, ``"nl"`` or ``"de"`` (JSON
      ignores it).
    * ``profile``: decide with a profile instead of IE6's model (``editor``
      and ``html`` take only ``ie6`` and ``ie6-strict``).
    * ``level``, ``party``, ``cookie``: show only those cells (``None``:
      all); levels are the profile's.

    Raises ``InvalidArgumentError`` for options that do not fit together,
    ``UnknownNameError`` for an unknown level, party or profile name."""
    data = as_bytes(value, "value")
    prof = as_profile(profile)
    opts = _native.lib().p3p_explain_options_default()
    opts.format = _enum_arg(format, Format, "format")
    opts.lang = _enum_arg(lang, Lang, "lang")
    opts.level = _EXPLAIN_ALL if level is None else as_level(level, None if prof is None else prof._value)
    opts.party = _EXPLAIN_ALL if party is None else as_party(party)
    opts.cookie = _EXPLAIN_ALL if cookie is None else as_cookie(cookie)
    name = b""
    if prof is not None:
        name = prof.name.encode("utf-8", "surrogateescape")
        opts.profile = ctypes.cast(prof._value, ctypes.c_void_p)
        opts.profile_name = name
        opts.profile_name_len = len(name)
    kind = _INPUT_TOKENS if tokens else _INPUT_HEADER
    lib = _native.lib()
    ref = ctypes.byref(opts)
    text = _native.fill_text(lambda out, cap, n: lib.p3p_explain(data, len(data), kind, ref, out, cap, n), "explain")
    return text.decode("utf-8", "replace")


def explain_json(value: Bytes, **options: Any) -> Dict[str, Any]:
    """``explain(value, "json", ...)`` parsed: the object the command's
    ``--json`` prints (``input``, ``tokens``, ``present``, ``class``,
    ``verdict``, ``grid[party][cookie][level]``, ``unsatisfactory``,
    ``fixes``, ``diagnostics``, ...). Takes the options of ``explain``
    except ``format`` and ``lang``."""
    result: Dict[str, Any] = json.loads(explain(value, Format.JSON, **options))
    return result


@dataclass(frozen=True)
class Diagnostic:
    """One lint finding: ``code`` (the stable name, ``"unknown_token"``),
    ``code_number`` (``P3P_DIAG_*``), ``severity``, ``offset`` and
    ``length`` in bytes of the value (UTF-8 for ``str`` input; ``length``
    0 for findings about the whole policy) and the ``message``."""

    code: str
    code_number: int
    severity: Severity
    offset: int
    length: int
    message: str

    def __str__(self) -> str:
        return f"{self.severity} at {self.offset}: {self.message} [{self.code}]"


def lint(value: Bytes, *, tokens: bool = False) -> List[Diagnostic]:
    """Every finding in a ``P3P`` header value (or a token list with
    ``tokens=True``): words in input order, then findings about the whole
    policy. An empty list means the policy is clean."""
    data = as_bytes(value, "value")
    kind = _INPUT_TOKENS if tokens else _INPUT_HEADER
    lib = _native.lib()
    count = ctypes.c_size_t(0)
    _native.check(lib.p3p_diagnostics(data, len(data), kind, None, 0, ctypes.byref(count)), "lint")
    if count.value == 0:
        return []
    cap = count.value
    diags = (_native.CDiagnostic * cap)()
    _native.check(lib.p3p_diagnostics(data, len(data), kind, diags, cap, ctypes.byref(count)), "lint")
    result = []
    for d in diags[: min(cap, count.value)]:
        ref = ctypes.byref(d)
        msg = _native.fill_text(
            lambda out, c, n: lib.p3p_diagnostic_message(ref, data, len(data), out, c, n), "lint message"
        )
        result.append(
            Diagnostic(
                code=_native.static_str(lib.p3p_diagnostic_code_str(d.code)),
                code_number=int(d.code),
                severity=Severity(d.severity),
                offset=int(d.offset),
                length=int(d.len),
                message=msg.decode("utf-8", "replace"),
            )
        )
    return result


def header_value(tokens: Bytes) -> str:
    """The ``P3P`` header field value ``CP="..."`` for a token list (words
    joined by single spaces). Check the list with ``lint(...,
    tokens=True)`` first.

    Raises ``PolicyUnsendableError`` when the list holds a quote,
    backslash, control byte or invalid UTF-8."""
    data = as_bytes(tokens, "tokens")
    lib = _native.lib()
    out = _native.fill_text(lambda buf, cap, n: lib.p3p_header_value(data, len(data), buf, cap, n), "header_value")
    return out.decode("utf-8")
