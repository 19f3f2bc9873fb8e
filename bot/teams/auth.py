"""Validation of the Bot Framework channel token that Teams sends with every activity.

Written against Microsoft's "Authentication with the Bot Connector API" rules rather than on
top of botbuilder's own validator: that one fetches keys with blocking `requests`, lets the
adapter answer 500 to a bad token, and accepts tokens minted with the bot's own secret. Here
every failure is an `AuthError` with a short reason, keys come from an async fetch (see
`bot.teams.keys`), and only RS256 tokens from the allowed issuers pass.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Protocol

import aiohttp
import jwt

from bot.process.clock import Clock, SystemClock
from bot.teams.keys import (
    BOT_FRAMEWORK_METADATA_URL,
    KeyCache,
    KeyFetcher,
    SigningKey,
    default_session,
    http_key_fetcher,
)

log = logging.getLogger(__name__)

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"

# Real channel tokens are about 1.5 KB; anything far larger is not worth parsing.
MAX_TOKEN_CHARS = 16_384


class Reason(StrEnum):
    """Why a request was refused; logged, never sent back to the caller."""

    MISSING_HEADER = "missing_header"
    NOT_BEARER = "not_bearer"
    MALFORMED = "malformed"
    BAD_ALGORITHM = "bad_algorithm"
    UNKNOWN_KEY = "unknown_key"
    CHANNEL_NOT_ENDORSED = "channel_not_endorsed"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    WRONG_AUDIENCE = "wrong_audience"
    WRONG_ISSUER = "wrong_issuer"
    SERVICE_URL_MISMATCH = "service_url_mismatch"


class AuthError(Exception):
    """The request did not prove it comes from the Bot Framework channel for this bot (401)."""

    def __init__(self, reason: Reason, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else str(reason))
        self.reason = reason


@dataclass(frozen=True)
class Claims:
    """What a validated token says; `authenticated` is False only for `DisabledAuthenticator`."""

    authenticated: bool
    app_id: str | None = None
    issuer: str | None = None
    service_url: str | None = None
    raw: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


ANONYMOUS = Claims(authenticated=False)


class Authenticator(Protocol):
    """What the gate needs: turn a header plus the activity into claims, or raise `AuthError`."""

    async def authenticate(self, auth_header: str | None, activity: Mapping[str, Any]) -> Claims:
        """Return the caller's claims or raise `AuthError` (or `bot.teams.keys.KeySetUnavailable`)."""


class BotFrameworkAuthenticator:
    """Checks the `Authorization` header of an incoming activity the way the Bot Connector requires."""

    def __init__(
        self,
        app_id: str,
        *,
        openid_metadata_url: str = BOT_FRAMEWORK_METADATA_URL,
        allowed_issuers: Iterable[str] = (BOT_FRAMEWORK_ISSUER,),
        clock_skew: timedelta = timedelta(minutes=5),
        refresh_interval: timedelta = timedelta(hours=24),
        refresh_cooldown: timedelta = timedelta(minutes=1),
        http_session: Callable[[], aiohttp.ClientSession] = default_session,
        key_fetcher: KeyFetcher | None = None,
        clock: Clock | None = None,
    ) -> None:
        if not app_id:
            # An empty app id is how botbuilder switches authentication off; refuse to do that here.
            raise ValueError("BotFrameworkAuthenticator needs the bot's app id; use DisabledAuthenticator locally")
        self.app_id = app_id
        self._issuers = frozenset(allowed_issuers)
        self._skew = clock_skew.total_seconds()
        self._clock = clock or SystemClock()
        fetch = key_fetcher or http_key_fetcher(openid_metadata_url, http_session=http_session)
        self._keys = KeyCache(fetch, self._clock, refresh_interval, refresh_cooldown)

    async def authenticate(self, auth_header: str | None, activity: Mapping[str, Any]) -> Claims:
        """Validate the header against `activity` and return its claims, or raise `AuthError`.

        Raises `KeySetUnavailable` when no signing keys can be had at all.
        """
        token = _bearer_token(auth_header)
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.InvalidTokenError as error:
            raise AuthError(Reason.MALFORMED, str(error)) from None
        if header.get("alg") != "RS256":
            raise AuthError(Reason.BAD_ALGORITHM, repr(header.get("alg")))
        # Checked before any key fetch so emulator or self-minted tokens cost nothing.
        if not self._allowed_issuer(unverified.get("iss")):
            raise AuthError(Reason.WRONG_ISSUER, repr(unverified.get("iss")))
        kid = header.get("kid")
        key = await self._keys.get(kid) if isinstance(kid, str) else None
        if key is None:
            raise AuthError(Reason.UNKNOWN_KEY, repr(kid))
        channel_id = activity.get("channelId")
        if not isinstance(channel_id, str) or channel_id not in key.endorsements:
            raise AuthError(Reason.CHANNEL_NOT_ENDORSED, repr(channel_id))
        claims = self._verify(token, key)
        self._check_claims(claims, activity)
        return Claims(
            authenticated=True,
            app_id=claims["aud"],
            issuer=claims["iss"],
            service_url=claims.get("serviceurl"),
            raw=MappingProxyType(dict(claims)),
        )

    def _allowed_issuer(self, issuer: Any) -> bool:
        # A list or object here would make the set lookup raise instead of refuse.
        return isinstance(issuer, str) and issuer in self._issuers

    def _verify(self, token: str, key: SigningKey) -> dict[str, Any]:
        # Time, audience and issuer are checked by hand below: PyJWT reads the wall clock.
        options = {
            "verify_exp": False, "verify_nbf": False, "verify_iat": False, "verify_aud": False, "verify_iss": False,
        }
        try:
            return jwt.decode(token, key.public_key, algorithms=["RS256"], options=options)
        except jwt.InvalidSignatureError:
            raise AuthError(Reason.BAD_SIGNATURE) from None
        except jwt.InvalidTokenError as error:
            raise AuthError(Reason.MALFORMED, str(error)) from None

    def _check_claims(self, claims: Mapping[str, Any], activity: Mapping[str, Any]) -> None:
        now = self._clock.now().timestamp()
        exp, nbf = claims.get("exp"), claims.get("nbf")
        if not _is_number(exp) or now > exp + self._skew:
            raise AuthError(Reason.EXPIRED, repr(exp))
        if nbf is not None and (not _is_number(nbf) or now < nbf - self._skew):
            raise AuthError(Reason.NOT_YET_VALID, repr(nbf))
        if claims.get("aud") != self.app_id:
            raise AuthError(Reason.WRONG_AUDIENCE, repr(claims.get("aud")))
        if not self._allowed_issuer(claims.get("iss")):
            raise AuthError(Reason.WRONG_ISSUER, repr(claims.get("iss")))
        service_url = activity.get("serviceUrl")
        if not isinstance(service_url, str) or claims.get("serviceurl") != service_url:
            raise AuthError(Reason.SERVICE_URL_MISMATCH)


class DisabledAuthenticator:
    """Accepts every request with anonymous claims: only for the local Playground, never deployed."""

    def __init__(self) -> None:
        log.warning("Bot Framework authentication is DISABLED; every request is accepted")

    async def authenticate(self, auth_header: str | None, activity: Mapping[str, Any]) -> Claims:
        """Return anonymous claims without looking at the header."""
        return ANONYMOUS


def _bearer_token(auth_header: str | None) -> str:
    if not auth_header or not auth_header.strip():
        raise AuthError(Reason.MISSING_HEADER)
    scheme, _, token = auth_header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        raise AuthError(Reason.NOT_BEARER)
    if len(token) > MAX_TOKEN_CHARS or token.count(".") != 2:
        raise AuthError(Reason.MALFORMED, "not a compact JWS")
    return token


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
