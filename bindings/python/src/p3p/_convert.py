"""Turning Python arguments into what the C functions take."""

from __future__ import annotations

import ctypes
from typing import Any, Optional, Union

from . import _native
from ._enums import CookieKind, Party

__all__ = ["Bytes", "as_bytes", "as_party", "as_cookie", "as_level"]

#: Input accepted wherever the library reads bytes: ``str`` is encoded as
#: UTF-8 (lone surrogates from ``os.fsdecode`` turn back into their bytes).
Bytes = Union[bytes, bytearray, memoryview, str]


def as_bytes(value: Bytes, what: str) -> bytes:
    """``value`` as bytes, without a copy when it already is ``bytes``."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape")
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{what} must be str or bytes, not {type(value).__name__}")


def as_party(party: Union[int, str]) -> int:
    """A ``Party`` or a name the library knows (``"third"``, ``"1st"``...)."""
    if isinstance(party, str):
        raw = party.encode("utf-8", "surrogateescape")
        return _native.out_u32(lambda out: _native.lib().p3p_party_parse(raw, len(raw), out), f"party {party!r}")
    return int(party)


_COOKIE_NAMES = {"session": CookieKind.SESSION, "persistent": CookieKind.PERSISTENT}


def as_cookie(cookie: Union[int, str]) -> int:
    """A ``CookieKind`` or ``"session"``/``"persistent"`` (any case)."""
    if isinstance(cookie, str):
        try:
            return int(_COOKIE_NAMES[cookie.lower()])
        except KeyError:
            raise ValueError(f"cookie kind {cookie!r}: expected 'session' or 'persistent'") from None
    return int(cookie)


def as_level(level: Union[int, str, None], profile: Optional["ctypes.Array[Any]"] = None) -> int:
    """A level number: an int (``Level``, ``MozillaLevel``) as is; a name
    parsed as the profile reads its levels (IE6's names without one);
    ``None`` for profiles without levels (0), an error for the others."""
    if level is None:
        if profile is not None:
            out = ctypes.c_uint32()
            # only a profile without levels knows the level "profile"
            if _native.lib().p3p_profile_level_parse(profile, b"profile", 7, ctypes.byref(out)) == 0:
                return out.value
        raise ValueError("a level is needed: only profiles without levels take None")
    if isinstance(level, str):
        raw = level.encode("utf-8", "surrogateescape")
        lib = _native.lib()
        if profile is None:
            return _native.out_u32(lambda out: lib.p3p_level_parse(raw, len(raw), out), f"level {level!r}")
        return _native.out_u32(lambda out: lib.p3p_profile_level_parse(profile, raw, len(raw), out), f"level {level!r}")
    return int(level)
