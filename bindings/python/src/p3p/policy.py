"""Parsing compact policies and deciding what happens to cookies."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterator, Optional, Tuple, Union

from . import _native
from ._convert import Bytes, as_bytes, as_cookie, as_level, as_party
from ._enums import Action, CookieKind, Level, MozillaFlag, Party, PolicyClass, PolicyFlag, Reason, Verdict
from .profile import ProfileLike, as_profile

__all__ = ["TOKENS", "CONSENT_TOKENS", "Policy", "Decision", "Grid", "parse", "decide", "grid"]

#: Every compact-policy token in the library's order (the bit order of a
#: parsed policy): access, disputes, remedies, non-identifiable, purposes
#: (IE's ``CUS`` last), recipients, retention, categories, ``TST``.
TOKENS: Tuple[str, ...] = (
    "NOI", "ALL", "CAO", "IDC", "OTI", "NON",
    "DSP", "COR", "MON", "LAW", "NID",
    "CUR", "ADM", "DEV", "TAI", "PSA", "PSD", "IVA", "IVD", "CON", "HIS", "TEL", "OTP", "CUS",
    "OUR", "DEL", "SAM", "UNR", "PUB", "OTR",
    "NOR", "STP", "LEG", "BUS", "IND",
    "PHY", "ONL", "UNI", "PUR", "FIN", "COM", "NAV", "INT", "DEM", "CNT", "STA", "POL", "HEA", "PRE",
    "LOC", "GOV", "OTC",
    "TST",
)  # fmt: skip

#: The purposes and recipients, which take a consent suffix (``a``, ``o``,
#: ``i``); their position here is their consent bit.
CONSENT_TOKENS: Tuple[str, ...] = TOKENS[TOKENS.index("CUR") : TOKENS.index("OTR") + 1]
_CONSENT_BIT: Dict[str, int] = {t: i for i, t in enumerate(CONSENT_TOKENS)}


@dataclass(frozen=True)
class Decision:
    """One cell: the ``action`` taken and the ``reason`` for it."""

    action: Action
    reason: Reason

    @property
    def sentence(self) -> str:
        """The reason as the evaluation report prints it."""
        return self.reason.sentence


class Policy:
    """A parsed compact policy (``p3p_policy``): a small plain value.

    ``tokens`` lists the tokens found in a recognised form (library order,
    each once, without suffixes); ``consent(token)`` tells in which forms a
    purpose or recipient was written. Unknown words are not kept: lint the
    value to see them.
    """

    __slots__ = ("_c",)

    def __init__(self, c: _native.CPolicy) -> None:
        """Internal: use ``parse``."""
        self._c = c

    @property
    def flags(self) -> PolicyFlag:
        """The ``P3P_POLICY_*`` bits."""
        return PolicyFlag(self._c.flags)

    @property
    def present(self) -> bool:
        """A ``CP`` directive was found (always true for a token list)."""
        return bool(self._c.flags & PolicyFlag.PRESENT)

    @property
    def empty(self) -> bool:
        """The policy has no tokens (``CP=""``)."""
        return bool(self._c.flags & PolicyFlag.EMPTY)

    @property
    def tokens(self) -> Tuple[str, ...]:
        """The tokens present, in library order."""
        bits = self._c.tokens
        return tuple(t for i, t in enumerate(TOKENS) if bits >> i & 1)

    def __contains__(self, token: object) -> bool:
        return isinstance(token, str) and token in TOKENS and bool(self._c.tokens >> TOKENS.index(token) & 1)

    def consent(self, token: str) -> FrozenSet[str]:
        """The forms a purpose or recipient was written in: a subset of
        ``{"always", "opt-out", "opt-in"}`` (``always`` is ``a`` or no
        suffix). Empty when the token is absent.

        Raises ``ValueError`` for a token that takes no suffix."""
        try:
            bit = 1 << _CONSENT_BIT[token]
        except KeyError:
            raise ValueError(f"{token!r} is not a purpose or recipient") from None
        forms = []
        if self._c.always & bit:
            forms.append("always")
        if self._c.opt_out & bit:
            forms.append("opt-out")
        if self._c.opt_in & bit:
            forms.append("opt-in")
        return frozenset(forms)

    @property
    def word_count(self) -> int:
        """Words in the policy (saturates at 2**32 - 1)."""
        return int(self._c.word_count)

    @property
    def invalid_count(self) -> int:
        """Words that were ignored (saturates)."""
        return int(self._c.invalid_count)

    @property
    def mozilla(self) -> MozillaFlag:
        """How Mozilla's classifier reads the policy."""
        return MozillaFlag(self._c.mozilla)

    @property
    def policy_class(self) -> PolicyClass:
        """IE6's class of the policy (the ``ie6`` profile's view); for
        another profile use ``Profile.class_of``."""
        p = ctypes.byref(self._c)
        return PolicyClass(_native.out_u32(lambda out: _native.lib().p3p_policy_class(p, out), "class"))

    @property
    def verdict(self) -> Verdict:
        """IE6's verdict: satisfactory when every cell of the four middle
        levels accepts; for another profile use ``Profile.verdict_of``."""
        p = ctypes.byref(self._c)
        return Verdict(_native.out_u32(lambda out: _native.lib().p3p_policy_verdict(p, out), "verdict"))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Policy) and bytes(self._c) == bytes(other._c)

    def __hash__(self) -> int:
        return hash(bytes(self._c))

    def __repr__(self) -> str:
        if not self.present:
            return "Policy(present=False)"
        return f"Policy(tokens={' '.join(self.tokens)!r}, flags={self.flags!r})"


def parse(value: Bytes, *, tokens: bool = False) -> Policy:
    """Parses a ``P3P`` header field value (``'policyref="/p3p.xml",
    CP="NOI DSP COR"'``), or with ``tokens=True`` a bare token list
    (``"NOI DSP COR"``). Never fails on any bytes: oddities set ``flags``
    (``lint`` gives the details). ``str`` is encoded as UTF-8."""
    data = as_bytes(value, "value")
    out = _native.CPolicy()
    fn = _native.lib().p3p_policy_parse_tokens if tokens else _native.lib().p3p_policy_parse
    _native.check(fn(data, len(data), ctypes.byref(out)), "parse")
    return Policy(out)


def _policy_ptr(policy: Optional[Policy]) -> Optional[object]:
    if policy is None:
        return None
    if not isinstance(policy, Policy):
        raise TypeError(f"policy must be a Policy or None, not {type(policy).__name__}")
    return ctypes.byref(policy._c)


def decide(
    policy: Optional[Policy],
    level: Union[Level, int, str, None],
    party: Union[Party, int, str],
    cookie: Union[CookieKind, int, str],
    profile: Optional[ProfileLike] = None,
) -> Decision:
    """What happens to a cookie of kind ``cookie`` set in context ``party``
    under ``policy`` (``None``: the response has no policy) at ``level``.

    Without ``profile``, IE6's model (``Level``, or a name such as
    ``"medium_high"``). With one, the profile's levels: ``Level`` for
    ``ie6``/``ie6-strict``, ``MozillaLevel`` or ``"default"`` for
    ``mozilla``, ``None`` for profiles without levels.

    Raises ``InvalidArgumentError`` or ``UnknownNameError`` for a level,
    party or kind out of range."""
    p = _policy_ptr(policy)
    out = _native.CDecision()
    prof = as_profile(profile)
    lib = _native.lib()
    if prof is None:
        status = lib.p3p_decide(p, as_level(level), as_party(party), as_cookie(cookie), ctypes.byref(out))
    else:
        lvl = as_level(level, prof._value)
        status = lib.p3p_profile_decide(prof._value, p, lvl, as_party(party), as_cookie(cookie), ctypes.byref(out))
    _native.check(status, "decide")
    return Decision(Action(out.action), Reason(out.reason))


class Grid:
    """IE6's 24 decisions for one policy: ``grid[party, cookie, level]``."""

    __slots__ = ("_cells",)

    def __init__(self, c: _native.CGrid) -> None:
        self._cells = {
            (party, cookie, level): Decision(
                Action(c.cells[party][cookie][level].action), Reason(c.cells[party][cookie][level].reason)
            )
            for party in Party
            for cookie in CookieKind
            for level in Level
        }

    def __getitem__(self, key: Tuple[Party, CookieKind, Level]) -> Decision:
        party, cookie, level = key
        return self._cells[(Party(party), CookieKind(cookie), Level(level))]

    def __iter__(self) -> Iterator[Tuple[Party, CookieKind, Level]]:
        return iter(self._cells)

    def items(self) -> Iterator[Tuple[Tuple[Party, CookieKind, Level], Decision]]:
        """Every ``((party, cookie, level), decision)``."""
        return iter(self._cells.items())

    def __len__(self) -> int:
        return len(self._cells)


def grid(policy: Optional[Policy]) -> Grid:
    """All 24 IE6 cells for ``policy`` (``None``: no policy) in one call."""
    out = _native.CGrid()
    _native.check(_native.lib().p3p_decide_grid(_policy_ptr(policy), ctypes.byref(out)), "grid")
    return Grid(out)
