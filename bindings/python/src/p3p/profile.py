"""Profiles: the rules a decision follows (built-in ones, or IE6 privacy
import files compiled by the library)."""

from __future__ import annotations

import ctypes
import os
from typing import TYPE_CHECKING, Any, Optional, Tuple, Union

from . import _native
from ._convert import Bytes, as_bytes, as_level
from ._enums import PolicyClass, Verdict
from ._errors import ProfileError

if TYPE_CHECKING:  # pragma: no cover
    from .policy import Policy

__all__ = ["Profile", "BUILTIN_PROFILES", "ProfileLike", "as_profile"]

#: Names ``Profile.builtin`` takes, besides ``mozilla:`` and eight matrix
#: letters (``mozilla:afafaaaa``).
BUILTIN_PROFILES: Tuple[str, ...] = (
    "ie6",
    "ie6-strict",
    "mozilla",
    "mozilla:low",
    "mozilla:medium",
    "mozilla:high",
    "mozilla:default",
)


class Profile:
    """One profile: a fixed-size value the library fills once and then
    decides with (``p3p_profile``). Build it with ``Profile.builtin``,
    ``Profile.load`` or ``Profile.load_file``; pass it as ``profile=`` to
    ``decide``, ``cookie_decide`` and ``explain``. Immutable and safe to
    share between threads.
    """

    __slots__ = ("_value", "name")

    def __init__(self, value: "ctypes.Array[Any]", name: str) -> None:
        """Internal: use the class methods."""
        self._value = value
        #: The name reports print: the built-in name, or the file's path
        #: (``"custom"`` for a profile loaded from bytes).
        self.name = name

    @staticmethod
    def _blank() -> "ctypes.Array[Any]":
        size: int = _native.lib().p3p_profile_size()
        # whole 8-byte words: the struct holds uint64_t fields
        words: "ctypes.Array[ctypes.c_uint64]" = (ctypes.c_uint64 * ((size + 7) // 8))()
        return words

    @classmethod
    def builtin(cls, name: str) -> "Profile":
        """A built-in profile: one of ``BUILTIN_PROFILES`` (any ASCII
        case) or ``mozilla:`` followed by eight matrix letters.

        Raises ``UnknownNameError`` for any other name."""
        raw = name.encode("utf-8", "surrogateescape")
        value = cls._blank()
        _native.check(_native.lib().p3p_profile_builtin(raw, len(raw), value), f"profile {name!r}")
        return cls(value, name)

    @classmethod
    def load(cls, xml: Bytes, name: str = "custom") -> "Profile":
        """Compiles an IE6 privacy-import file's contents (``MSIEPrivacy``
        XML, UTF-8, at most 1 MiB). ``name`` is what reports call it.

        Raises ``ProfileError`` with the first error's line and column."""
        data = as_bytes(xml, "xml")
        value = cls._blank()
        err = _native.CProfileError()
        status = _native.lib().p3p_profile_load(data, len(data), value, ctypes.byref(err))
        _raise_profile_error(status, err, None)
        return cls(value, name)

    @classmethod
    def load_file(cls, path: Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]) -> "Profile":
        """Compiles the privacy-import file at ``path``. The library checks
        the path first: a directory, device, FIFO or socket, a file over
        1 MiB, or one that cannot be read raises ``ProfileError`` (line 0)
        without being read.

        Raises ``ProfileError``."""
        raw = os.fsencode(path)
        value = cls._blank()
        err = _native.CProfileError()
        status = _native.lib().p3p_profile_load_file(raw, len(raw), value, ctypes.byref(err))
        shown = os.fsdecode(raw)
        _raise_profile_error(status, err, shown)
        return cls(value, shown)

    def level(self, name: Union[str, int, None]) -> int:
        """The number of one of this profile's levels: IE6's names
        (``"medium_high"``) for ``ie6``/``ie6-strict``, ``low``,
        ``medium``, ``high``, ``default`` for ``mozilla``, ``"profile"`` (0)
        for profiles without levels.

        Raises ``UnknownNameError``."""
        return as_level(name, self._value)

    def class_of(self, policy: Optional["Policy"]) -> PolicyClass:
        """The class of ``policy`` (``None``: no policy) as this profile
        sees it."""
        p = None if policy is None else ctypes.byref(policy._c)
        return PolicyClass(_native.out_u32(lambda out: _native.lib().p3p_profile_class(self._value, p, out), "class"))

    def verdict_of(self, policy: Optional["Policy"]) -> Verdict:
        """The verdict on ``policy`` (``None``: no policy) as this profile
        sees it."""
        p = None if policy is None else ctypes.byref(policy._c)
        return Verdict(_native.out_u32(lambda out: _native.lib().p3p_profile_verdict(self._value, p, out), "verdict"))

    def __repr__(self) -> str:
        return f"Profile({self.name!r})"


#: A profile argument: a ``Profile``, a built-in profile's name, or the
#: path of an import file as ``os.PathLike`` (a ``pathlib.Path``).
ProfileLike = Union[Profile, str, "os.PathLike[str]"]


def as_profile(profile: Optional[ProfileLike]) -> Optional[Profile]:
    """``profile`` as a ``Profile`` (``None`` stays ``None``)."""
    if profile is None or isinstance(profile, Profile):
        return profile
    if isinstance(profile, str):
        return Profile.builtin(profile)
    if isinstance(profile, os.PathLike):
        return Profile.load_file(profile)
    raise TypeError(f"profile must be a Profile, a name or a path, not {type(profile).__name__}")


def _raise_profile_error(status: int, err: _native.CProfileError, path: Optional[str]) -> None:
    if status != _native.STATUS_PROFILE_INVALID:
        _native.check(status, "profile")
        return
    lib = _native.lib()
    line = _native.fill_text(
        lambda out, cap, n: lib.p3p_profile_error_message(ctypes.byref(err), out, cap, n), "profile error"
    ).decode("utf-8", "replace")
    detail = bytes(err.detail[: err.detail_len]).decode("utf-8", "replace")
    code_name = _native.static_str(lib.p3p_profile_error_str(err.code))
    raise ProfileError(
        f"{path}:{line}" if path and err.line else (f"{path}: {line}" if path else line),
        code=err.code,
        code_name=code_name,
        line=err.line,
        column=err.column,
        count=err.count,
        detail=detail,
        path=path,
        status_name=_native.static_str(lib.p3p_status_str(status)),
    )
