"""The library's enum-like constants as Python enums (values are the
``P3P_*`` numbers of include/p3p.h)."""

from __future__ import annotations

import enum

from . import _native

__all__ = [
    "Level",
    "MozillaLevel",
    "Party",
    "CookieKind",
    "Action",
    "PolicyClass",
    "Verdict",
    "Reason",
    "Severity",
    "Format",
    "Lang",
    "PolicyFlag",
    "MozillaFlag",
]


class Level(enum.IntEnum):
    """IE6 privacy levels (``P3P_LEVEL_*``), strictest first."""

    BLOCK_ALL = 0
    HIGH = 1
    MEDIUM_HIGH = 2
    MEDIUM = 3  #: IE6's default
    LOW = 4
    ACCEPT_ALL = 5

    @property
    def key(self) -> str:
        """The key reports use (``"medium_high"``)."""
        return _native.static_str(_native.lib().p3p_level_str(self))


class MozillaLevel(enum.IntEnum):
    """Levels of the ``mozilla`` profile (``P3P_MOZILLA_LEVEL_*``)."""

    LOW = 0
    MEDIUM = 1
    HIGH = 2
    DEFAULT = 3


class Party(enum.IntEnum):
    """The context a cookie is set in (``P3P_PARTY_*``)."""

    FIRST = 0
    THIRD = 1


class CookieKind(enum.IntEnum):
    """``P3P_COOKIE_*``: a session cookie (no ``Expires``/``Max-Age``) or a
    persistent one."""

    SESSION = 0
    PERSISTENT = 1


class Action(enum.IntEnum):
    """What to do with a cookie (``P3P_ACTION_*``)."""

    ACCEPT = 0
    DOWNGRADE = 1  #: make it a session cookie
    LEASH = 2  #: ``SameSite=Lax``: first-party use only
    BLOCK = 3  #: remove the ``Set-Cookie`` header
    PROMPT = 4  #: ask the user (custom profiles); servers treat it as block

    def __str__(self) -> str:
        return _native.static_str(_native.lib().p3p_action_str(self))


class PolicyClass(enum.IntEnum):
    """How a profile classifies a policy (``P3P_CLASS_*``)."""

    NO_POLICY = 0
    OK = 1
    EXPLICIT = 2
    IMPLICIT = 3
    NONE = 4
    NO_CONSENT = 5
    RULES = 6

    def __str__(self) -> str:
        return _native.static_str(_native.lib().p3p_class_str(self))


class Verdict(enum.IntEnum):
    """``P3P_VERDICT_*``."""

    NO_POLICY = 0
    SATISFACTORY = 1
    UNSATISFACTORY = 2

    def __str__(self) -> str:
        return _native.static_str(_native.lib().p3p_verdict_str(self))


class Reason(enum.IntEnum):
    """Why a cell was decided as it was (``P3P_REASON_*``); ``sentence``
    is the text the evaluation report prints."""

    SATISFACTORY = 1
    OPT_OUT_MISSING_DOWNGRADE = 2
    OPT_OUT_MISSING_BLOCK = 3
    NO_OPT_OUT_BLOCK = 4
    OPT_IN_MISSING_BLOCK = 5
    NO_POLICY_BLOCK = 6
    NO_POLICY_LEASH = 7
    NO_POLICY_DOWNGRADE = 8
    NO_POLICY_SESSION_ACCEPT = 9
    BLOCK_ALL = 10
    ACCEPT_ALL = 11
    COOKIE_DELETION = 12
    INVALID_POLICY_BLOCK = 13
    INVALID_POLICY_LEASH = 14
    INVALID_POLICY_DOWNGRADE = 15
    INVALID_POLICY_SESSION_ACCEPT = 16
    RULE_MATCHED = 17
    NO_RULE_MATCHED = 18
    PROFILE_NO_POLICY = 19
    PROFILE_SESSION_ALLOWED = 20
    MOZILLA_NO_POLICY = 21
    MOZILLA_NO_CONSENT = 22
    MOZILLA_INVALID = 23
    MOZILLA_IMPLICIT = 24
    MOZILLA_EXPLICIT = 25
    SESSION_UNCHANGED = 26

    @property
    def sentence(self) -> str:
        """The reason as the report prints it."""
        return _native.static_str(_native.lib().p3p_reason_str(self))


class Severity(enum.IntEnum):
    """``P3P_SEVERITY_*`` of a lint finding."""

    WARNING = 1  #: a spec violation user agents tolerate
    ERROR = 2  #: bytes that are ignored or misread

    def __str__(self) -> str:
        return self.name.lower()


class Format(enum.IntEnum):
    """Report formats (``P3P_FORMAT_*``)."""

    TEXT = 0
    JSON = 1
    EDITOR = 2
    HTML = 3


class Lang(enum.IntEnum):
    """Report languages (``P3P_LANG_*``)."""

    EN = 0
    IT = 1
    SV = 2
    NL = 3
    DE = 4


class PolicyFlag(enum.IntFlag):
    """Bits of a parsed policy's flags (``P3P_POLICY_*``)."""

    PRESENT = 1 << 0
    EMPTY = 1 << 1
    HAS_INVALID = 1 << 2
    DUPLICATE_CP = 1 << 3
    UNTERMINATED = 1 << 4
    CONTROL_BYTES = 1 << 5
    NONSTANDARD_SUFFIX = 1 << 6
    NOT_A_POLICY = 1 << 7
    DUPLICATE_TOKEN = 1 << 8


class MozillaFlag(enum.IntFlag):
    """How Mozilla's classifier reads a policy (``P3P_MOZILLA_*``)."""

    INVALID = 1 << 0
    PII = 1 << 1
    NO_CONSENT = 1 << 2
    IMPLICIT = 1 << 3
    EXPLICIT = 1 << 4
