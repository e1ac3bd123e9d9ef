"""``Set-Cookie`` headers: what a policy does to them, and rewriting them."""

from __future__ import annotations

import ctypes
import time
from dataclasses import dataclass
from typing import Optional, Union, overload

from . import _native
from ._convert import Bytes, as_bytes, as_level, as_party
from ._enums import Action, CookieKind, Level, Party, Reason
from .policy import Policy, _policy_ptr
from .profile import ProfileLike, as_profile

__all__ = ["CookieDecision", "cookie_decide", "rewrite", "party_from_fetch", "LEASH_EXTRA"]

#: Bytes a leash may add to a ``Set-Cookie`` value (``; SameSite=Lax``).
LEASH_EXTRA = 14

_FLAG_DELETION = 1


@dataclass(frozen=True)
class CookieDecision:
    """What to do with one ``Set-Cookie`` header: ``action`` (apply it
    with ``rewrite``; block and prompt mean removing the header),
    ``reason``, the cookie's ``kind``, whether the header ``deletes`` a
    cookie (always accepted), and the cookie's ``name`` with its byte
    ``name_offset`` in the value."""

    action: Action
    reason: Reason
    kind: CookieKind
    deletes: bool
    name: bytes
    name_offset: int

    @property
    def sentence(self) -> str:
        """The reason as the evaluation report prints it."""
        return self.reason.sentence


def cookie_decide(
    policy: Optional[Policy],
    set_cookie: Bytes,
    level: Union[Level, int, str, None],
    party: Union[Party, int, str],
    *,
    profile: Optional[ProfileLike] = None,
    now: Optional[float] = None,
) -> CookieDecision:
    """Reads one ``Set-Cookie`` header value (its name, and whether it is
    persistent) and decides it under ``policy`` (``None``: no policy) at
    ``level`` in context ``party``, with IE6's model or ``profile`` (levels
    as in ``decide``). A header that deletes a cookie (``Max-Age`` <= 0, or
    ``Expires`` not after ``now``) is always accepted. ``now`` is seconds
    since the epoch, the current time by default; 0 skips the ``Expires``
    check.

    Raises ``CookieControlByteError`` when the value holds a control byte,
    ``InvalidArgumentError``/``UnknownNameError`` for a bad level or party."""
    data = as_bytes(set_cookie, "set_cookie")
    when = int(time.time()) if now is None else int(now)
    out = _native.CCookieDecision()
    p = _policy_ptr(policy)
    prof = as_profile(profile)
    lib = _native.lib()
    if prof is None:
        status = lib.p3p_cookie_decide(
            p, as_level(level), as_party(party), data, len(data), when, ctypes.byref(out)
        )
    else:
        lvl = as_level(level, prof._value)
        status = lib.p3p_profile_cookie_decide(
            prof._value, p, lvl, as_party(party), data, len(data), when, ctypes.byref(out)
        )
    _native.check(status, "cookie_decide")
    return CookieDecision(
        action=Action(out.action),
        reason=Reason(out.reason),
        kind=CookieKind(out.kind),
        deletes=bool(out.flags & _FLAG_DELETION),
        name=data[out.name_offset : out.name_offset + out.name_len],
        name_offset=int(out.name_offset),
    )


_ACTION_NAMES = {a.name.lower(): a for a in Action}


@overload
def rewrite(set_cookie: str, action: Union[Action, int, str]) -> Optional[str]: ...
@overload
def rewrite(set_cookie: Union[bytes, bytearray, memoryview], action: Union[Action, int, str]) -> Optional[bytes]: ...
def rewrite(set_cookie: Bytes, action: Union[Action, int, str]) -> Union[str, bytes, None]:
    """Applies ``action`` to a ``Set-Cookie`` header value: accept returns
    it unchanged; downgrade removes ``Expires`` and ``Max-Age`` (a session
    cookie); leash sets ``SameSite=Lax``; block and prompt return ``None``
    (remove the header). ``action`` is an ``Action`` or its name. Returns
    ``str`` for ``str`` input, ``bytes`` otherwise.

    Raises ``CookieControlByteError`` when the value holds a control byte,
    ``InvalidArgumentError`` for an unknown action number."""
    if isinstance(action, str):
        try:
            action = _ACTION_NAMES[action.lower()]
        except KeyError:
            raise ValueError(f"action {action!r}: expected one of {', '.join(_ACTION_NAMES)}") from None
    data = as_bytes(set_cookie, "set_cookie")
    lib = _native.lib()
    code = int(action)
    out = _native.fill_text(lambda buf, cap, n: lib.p3p_cookie_rewrite(data, len(data), code, buf, cap, n), "rewrite")
    if code in (Action.BLOCK, Action.PROMPT):
        return None
    if isinstance(set_cookie, str):
        return out.decode("utf-8", "surrogateescape")
    return out


def party_from_fetch(site: Optional[Bytes], dest: Optional[Bytes]) -> Party:
    """The party from a request's Fetch Metadata headers: third-party when
    ``Sec-Fetch-Site`` is ``cross-site`` and ``Sec-Fetch-Dest`` is not
    ``document``; first-party otherwise, also when a header is missing
    (``None``)."""
    s = b"" if site is None else as_bytes(site, "site")
    d = b"" if dest is None else as_bytes(dest, "dest")
    lib = _native.lib()
    return Party(_native.out_u32(lambda out: lib.p3p_party_from_fetch(s, len(s), d, len(d), out), "party_from_fetch"))
