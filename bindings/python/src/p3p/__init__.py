"""Python bindings of libp3p, the P3P compact-policy engine.

Parse a compact policy, decide what Internet Explorer 6 (or another
profile) does with a cookie under it, rewrite ``Set-Cookie`` headers, lint
a policy and write the evaluation report::

    import p3p

    policy = p3p.parse('CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA"')
    d = p3p.decide(policy, "medium", "first", "persistent")
    d.action                     # Action.DOWNGRADE
    p3p.rewrite("id=1; Max-Age=60; Path=/", d.action)   # 'id=1; Path=/'
    print(p3p.explain('CP="NOI DSP COR"', lang="it"))

Everything goes through the C ABI of ``libp3p.so.0`` (with ctypes): set
``P3P_LIBRARY`` to the library's path to choose one, else the dynamic
loader finds it. Errors are ``P3PError`` subclasses.
"""

from __future__ import annotations

from . import _native
from ._enums import (
    Action,
    CookieKind,
    Format,
    Lang,
    Level,
    MozillaFlag,
    MozillaLevel,
    Party,
    PolicyClass,
    PolicyFlag,
    Reason,
    Severity,
    Verdict,
)
from ._errors import (
    BufferTooSmallError,
    CookieControlByteError,
    InternalError,
    InvalidArgumentError,
    LibraryError,
    NullArgumentError,
    P3PError,
    PolicyUnsendableError,
    ProfileError,
    UnknownNameError,
)
from ._native import ABI_VERSION
from .cookie import LEASH_EXTRA, CookieDecision, cookie_decide, party_from_fetch, rewrite
from .policy import CONSENT_TOKENS, TOKENS, Decision, Grid, Policy, decide, grid, parse
from .profile import BUILTIN_PROFILES, Profile
from .report import Diagnostic, explain, explain_json, header_value, lint

__version__ = "0.1.0"

__all__ = [
    "ABI_VERSION",
    "BUILTIN_PROFILES",
    "CONSENT_TOKENS",
    "LEASH_EXTRA",
    "TOKENS",
    "Action",
    "BufferTooSmallError",
    "CookieControlByteError",
    "CookieDecision",
    "CookieKind",
    "Decision",
    "Diagnostic",
    "Format",
    "Grid",
    "InternalError",
    "InvalidArgumentError",
    "Lang",
    "Level",
    "LibraryError",
    "MozillaFlag",
    "MozillaLevel",
    "NullArgumentError",
    "P3PError",
    "Party",
    "Policy",
    "PolicyClass",
    "PolicyFlag",
    "PolicyUnsendableError",
    "Profile",
    "ProfileError",
    "Reason",
    "Severity",
    "UnknownNameError",
    "Verdict",
    "cookie_decide",
    "decide",
    "explain",
    "explain_json",
    "grid",
    "header_value",
    "library_path",
    "library_version",
    "lint",
    "parse",
    "party_from_fetch",
    "rewrite",
]


def library_version() -> str:
    """The loaded libp3p's version (``p3p_version()``, such as ``"0.1.0"``)."""
    return _native.static_str(_native.lib().p3p_version())


def library_path() -> str:
    """The path or name libp3p was loaded from (``P3P_LIBRARY``, or
    ``libp3p.so.0`` through the dynamic loader)."""
    return _native.library_path()
