"""Exceptions raised by the p3p package, one class per library status."""

from __future__ import annotations

from typing import Dict, Optional, Type

__all__ = [
    "P3PError",
    "LibraryError",
    "NullArgumentError",
    "InvalidArgumentError",
    "BufferTooSmallError",
    "UnknownNameError",
    "CookieControlByteError",
    "PolicyUnsendableError",
    "ProfileError",
    "InternalError",
]


class P3PError(Exception):
    """Base class of every error this package raises.

    ``status`` is the library's ``P3P_STATUS_*`` number (``None`` for
    errors found in Python, such as a library that cannot be loaded) and
    ``status_name`` the library's short description of it.
    """

    status: Optional[int] = None

    def __init__(self, message: str, status: Optional[int] = None, status_name: str = "") -> None:
        super().__init__(message)
        if status is not None:
            self.status = status
        self.status_name = status_name


class LibraryError(P3PError, OSError):
    """libp3p cannot be found or loaded, or its ABI version is not the one
    this package was written for."""


class NullArgumentError(P3PError):
    """``P3P_STATUS_NULL_ARGUMENT``: the library got a NULL pointer (a bug
    in this package if it ever happens)."""

    status = 1


class InvalidArgumentError(P3PError, ValueError):
    """``P3P_STATUS_INVALID_ARGUMENT``: an out-of-range level, party, cookie
    kind, action, format or language, a level the profile does not have, or
    an option the report format does not take."""

    status = 2


class BufferTooSmallError(P3PError):
    """``P3P_STATUS_BUFFER_TOO_SMALL``: an output buffer was too small. The
    package sizes its buffers first, so this means the size changed between
    the two calls."""

    status = 3


class UnknownNameError(P3PError, ValueError):
    """``P3P_STATUS_UNKNOWN_NAME``: a level, party or profile name the
    library does not know."""

    status = 4


class CookieControlByteError(P3PError, ValueError):
    """``P3P_STATUS_COOKIE_CONTROL_BYTE``: the ``Set-Cookie`` value holds a
    control byte; the library leaves the decision to the caller."""

    status = 100


class PolicyUnsendableError(P3PError, ValueError):
    """``P3P_STATUS_POLICY_UNSENDABLE``: the token list holds a quote,
    backslash, control byte or invalid UTF-8 and cannot be sent as a
    header."""

    status = 200


class ProfileError(P3PError, ValueError):
    """``P3P_STATUS_PROFILE_INVALID``: a privacy-import file has errors.

    Attributes describe the first error: ``code`` (a
    ``P3P_PROFILE_ERROR_*`` number), ``code_name`` (its message),
    ``line`` and ``column`` (from 1; both 0 for an error about the file
    itself, such as a missing file or a directory), ``count`` (errors in
    the file, at most 100 counted), ``detail`` (the offending text) and
    ``path`` (the file, when loaded from one). ``str(err)`` is
    ``[PATH:]LINE:COLUMN: message: "detail"``, as ``p3p profile check``
    prints it.
    """

    status = 300

    def __init__(
        self,
        message: str,
        *,
        code: int,
        code_name: str,
        line: int,
        column: int,
        count: int,
        detail: str,
        path: Optional[str] = None,
        status_name: str = "",
    ) -> None:
        super().__init__(message, 300, status_name)
        self.code = code
        self.code_name = code_name
        self.line = line
        self.column = column
        self.count = count
        self.detail = detail
        self.path = path


class InternalError(P3PError):
    """``P3P_STATUS_INTERNAL``: the library caught a panic (a bug; please
    report it with the input)."""

    status = 999


_BY_STATUS: Dict[int, Type[P3PError]] = {
    cls.status: cls
    for cls in (
        NullArgumentError,
        InvalidArgumentError,
        BufferTooSmallError,
        UnknownNameError,
        CookieControlByteError,
        PolicyUnsendableError,
        InternalError,
    )
}


def error_for(status: int, status_name: str, what: str) -> P3PError:
    """The exception for a failed call: ``what`` says which call and on what."""
    cls = _BY_STATUS.get(status, P3PError)
    return cls(f"{what}: {status_name}", status, status_name)


# shown as p3p.LibraryError (where users catch them) in tracebacks
for _cls in (P3PError, LibraryError, ProfileError, *_BY_STATUS.values()):
    _cls.__module__ = "p3p"
