"""Loading libp3p and declaring its C ABI (include/p3p.h) for ctypes.

The library is looked up once, on first use:

1. ``P3P_LIBRARY``, when set: the path of the shared library to load;
2. ``libp3p.so.0``, the SONAME, through the dynamic loader
   (``LD_LIBRARY_PATH``, ``/etc/ld.so.conf``: ``/usr/lib/...``,
   ``/usr/local/lib``);
3. whatever ``ctypes.util.find_library("p3p")`` finds.

The library's ABI version (``p3p_abi_version()``) must be
``ABI_VERSION``; any other version is refused, since struct layouts and
signatures may differ.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from ctypes import POINTER, Structure, c_char_p, c_int64, c_size_t, c_uint8, c_uint32, c_uint64, c_void_p
from typing import Any, Callable, Optional, Tuple

from ._errors import LibraryError, P3PError, error_for

__all__ = ["ABI_VERSION", "lib", "library_path", "check", "out_u32", "fill_text"]

#: The ABI version (``P3P_ABI_VERSION``) this package is written against.
ABI_VERSION = 3

SONAME = "libp3p.so.0"

STATUS_OK = 0
STATUS_BUFFER_TOO_SMALL = 3
STATUS_PROFILE_INVALID = 300


class CPolicy(Structure):
    """``p3p_policy``."""

    _fields_ = [
        ("tokens", c_uint64),
        ("always", c_uint32),
        ("opt_out", c_uint32),
        ("opt_in", c_uint32),
        ("flags", c_uint32),
        ("word_count", c_uint32),
        ("invalid_count", c_uint32),
        ("mozilla", c_uint32),
        ("reserved", c_uint32),
    ]


class CDecision(Structure):
    """``p3p_decision``."""

    _fields_ = [("action", c_uint32), ("reason", c_uint32)]


class CGrid(Structure):
    """``p3p_grid``: ``cells[party][cookie][level]``."""

    _fields_ = [("cells", ((CDecision * 6) * 2) * 2)]


class CCookieDecision(Structure):
    """``p3p_cookie_decision``."""

    _fields_ = [
        ("action", c_uint32),
        ("reason", c_uint32),
        ("kind", c_uint32),
        ("flags", c_uint32),
        ("name_offset", c_size_t),
        ("name_len", c_size_t),
    ]


class CDiagnostic(Structure):
    """``p3p_diagnostic``."""

    _fields_ = [
        ("code", c_uint32),
        ("severity", c_uint32),
        ("offset", c_size_t),
        ("len", c_size_t),
        ("detail", c_uint32),
    ]


PROFILE_ERROR_DETAIL_MAX = 60


class CProfileError(Structure):
    """``p3p_profile_error``."""

    _fields_ = [
        ("code", c_uint32),
        ("line", c_uint32),
        ("column", c_uint32),
        ("count", c_uint32),
        ("detail_len", c_uint32),
        ("detail", c_uint8 * PROFILE_ERROR_DETAIL_MAX),
    ]


class CExplainOptions(Structure):
    """``p3p_explain_options``."""

    _fields_ = [
        ("format", c_uint32),
        ("lang", c_uint32),
        ("level", c_uint32),
        ("party", c_uint32),
        ("cookie", c_uint32),
        ("profile", c_void_p),
        ("profile_name", c_char_p),
        ("profile_name_len", c_size_t),
    ]


# p3p_profile is opaque here: a buffer of p3p_profile_size() bytes, passed
# as void *.
_status = c_uint32
_bytes = c_char_p  # const uint8_t *: bytes objects are passed without a copy
_out = c_void_p  # uint8_t *out (a ctypes string buffer) or NULL
_SIGNATURES = {
    "p3p_policy_parse": (_status, [_bytes, c_size_t, POINTER(CPolicy)]),
    "p3p_policy_parse_tokens": (_status, [_bytes, c_size_t, POINTER(CPolicy)]),
    "p3p_policy_class": (_status, [POINTER(CPolicy), POINTER(c_uint32)]),
    "p3p_policy_verdict": (_status, [POINTER(CPolicy), POINTER(c_uint32)]),
    "p3p_decide": (_status, [POINTER(CPolicy), c_uint32, c_uint32, c_uint32, POINTER(CDecision)]),
    "p3p_decide_grid": (_status, [POINTER(CPolicy), POINTER(CGrid)]),
    "p3p_cookie_decide": (
        _status,
        [POINTER(CPolicy), c_uint32, c_uint32, _bytes, c_size_t, c_int64, POINTER(CCookieDecision)],
    ),
    "p3p_cookie_rewrite": (_status, [_bytes, c_size_t, c_uint32, _out, c_size_t, POINTER(c_size_t)]),
    "p3p_diagnostics": (_status, [_bytes, c_size_t, c_uint32, POINTER(CDiagnostic), c_size_t, POINTER(c_size_t)]),
    "p3p_diagnostic_message": (
        _status,
        [POINTER(CDiagnostic), _bytes, c_size_t, _out, c_size_t, POINTER(c_size_t)],
    ),
    "p3p_header_value": (_status, [_bytes, c_size_t, _out, c_size_t, POINTER(c_size_t)]),
    "p3p_profile_load": (_status, [_bytes, c_size_t, c_void_p, POINTER(CProfileError)]),
    "p3p_profile_load_file": (_status, [_bytes, c_size_t, c_void_p, POINTER(CProfileError)]),
    "p3p_profile_size": (c_size_t, []),
    "p3p_profile_class": (_status, [c_void_p, POINTER(CPolicy), POINTER(c_uint32)]),
    "p3p_profile_verdict": (_status, [c_void_p, POINTER(CPolicy), POINTER(c_uint32)]),
    "p3p_profile_builtin": (_status, [_bytes, c_size_t, c_void_p]),
    "p3p_profile_level_parse": (_status, [c_void_p, _bytes, c_size_t, POINTER(c_uint32)]),
    "p3p_profile_decide": (
        _status,
        [c_void_p, POINTER(CPolicy), c_uint32, c_uint32, c_uint32, POINTER(CDecision)],
    ),
    "p3p_profile_cookie_decide": (
        _status,
        [c_void_p, POINTER(CPolicy), c_uint32, c_uint32, _bytes, c_size_t, c_int64, POINTER(CCookieDecision)],
    ),
    "p3p_profile_error_str": (c_char_p, [c_uint32]),
    "p3p_profile_error_message": (_status, [POINTER(CProfileError), _out, c_size_t, POINTER(c_size_t)]),
    "p3p_level_parse": (_status, [_bytes, c_size_t, POINTER(c_uint32)]),
    "p3p_party_parse": (_status, [_bytes, c_size_t, POINTER(c_uint32)]),
    "p3p_party_from_fetch": (_status, [_bytes, c_size_t, _bytes, c_size_t, POINTER(c_uint32)]),
    "p3p_action_str": (c_char_p, [c_uint32]),
    "p3p_class_str": (c_char_p, [c_uint32]),
    "p3p_diagnostic_code_str": (c_char_p, [c_uint32]),
    "p3p_verdict_str": (c_char_p, [c_uint32]),
    "p3p_level_str": (c_char_p, [c_uint32]),
    "p3p_reason_str": (c_char_p, [c_uint32]),
    "p3p_status_str": (c_char_p, [c_uint32]),
    "p3p_version": (c_char_p, []),
    "p3p_abi_version": (c_uint32, []),
    "p3p_explain_options_default": (CExplainOptions, []),
    "p3p_explain": (
        _status,
        [_bytes, c_size_t, c_uint32, POINTER(CExplainOptions), _out, c_size_t, POINTER(c_size_t)],
    ),
}

_lock = threading.Lock()
_loaded: Optional[Tuple[ctypes.CDLL, str]] = None


def _candidates() -> Tuple[Tuple[str, bool], ...]:
    """(name or path, from P3P_LIBRARY) in the order they are tried."""
    explicit = os.environ.get("P3P_LIBRARY")
    if explicit:
        return ((explicit, True),)
    found = ctypes.util.find_library("p3p")
    names = [SONAME] + ([found] if found and found != SONAME else [])
    return tuple((n, False) for n in names)


def _open() -> Tuple[ctypes.CDLL, str]:
    errors = []
    for name, explicit in _candidates():
        try:
            handle = ctypes.CDLL(name)
        except OSError as e:
            if explicit:
                raise LibraryError(f"P3P_LIBRARY={name}: cannot load it: {e}") from None
            errors.append(f"{name}: {e}")
            continue
        try:
            abi = handle.p3p_abi_version
        except AttributeError:
            raise LibraryError(f"{name} is not libp3p (no p3p_abi_version)") from None
        abi.restype, abi.argtypes = c_uint32, []
        got = abi()
        if got != ABI_VERSION:
            raise LibraryError(
                f"{name} has ABI version {got}; this package needs version {ABI_VERSION} "
                "(install the matching libp3p, or set P3P_LIBRARY to it)"
            )
        for fn, (restype, argtypes) in _SIGNATURES.items():
            try:
                f = getattr(handle, fn)
            except AttributeError:
                raise LibraryError(f"{name} has ABI version {got} but no {fn}") from None
            f.restype, f.argtypes = restype, argtypes
        return handle, name
    raise LibraryError(
        "libp3p not found: install it (make install, or the libp3p0 package) "
        "or set P3P_LIBRARY to the path of libp3p.so (" + "; ".join(errors) + ")"
    )


def _load() -> Tuple[ctypes.CDLL, str]:
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _open()
    return _loaded


def lib() -> ctypes.CDLL:
    """The loaded library (loading it on first use)."""
    return _load()[0]


def library_path() -> str:
    """The name or path the library was loaded from."""
    return _load()[1]


def static_str(p: Optional[bytes]) -> str:
    """A static string from the library (``p3p_*_str``)."""
    return (p or b"").decode("utf-8", "replace")


def check(status: int, what: str) -> None:
    """Raises the exception for ``status`` unless it is ``P3P_STATUS_OK``."""
    if status != STATUS_OK:
        raise error_for(status, static_str(lib().p3p_status_str(status)), what)


def out_u32(call: Callable[[Any], int], what: str) -> int:
    """Runs ``call(byref(out))`` for a function with one ``uint32_t *``
    result and returns the result."""
    out = c_uint32()
    check(call(ctypes.byref(out)), what)
    return out.value


def fill_text(call: Callable[[Optional["ctypes.Array[Any]"], int, Any], int], what: str) -> bytes:
    """Runs a text-producing function with the library's buffer protocol:
    one call with ``(NULL, 0)`` for the size, one to fill a buffer of that
    size. ``call(out, out_cap, out_len)`` makes the C call."""
    n = c_size_t(0)
    check(call(None, 0, ctypes.byref(n)), what)
    if n.value == 0:
        return b""
    buf = ctypes.create_string_buffer(n.value)
    cap = n.value
    status = call(buf, cap, ctypes.byref(n))
    if status == STATUS_BUFFER_TOO_SMALL:
        raise P3PError(f"{what}: the text grew from {cap} to {n.value} bytes between the two calls", status)
    check(status, what)
    return buf.raw[: n.value]
