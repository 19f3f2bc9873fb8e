"""The Bot Framework's token-signing keys: fetched from its OpenID metadata, parsed, and cached.

Separate from `bot.teams.auth` so the network side (fetching, size caps, refresh and cooldown)
stays apart from the rules a token must pass; a failure here is ours (503), not the caller's (401).
"""
from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import aiohttp
import jwt
from jwt.algorithms import RSAAlgorithm

from bot.process.clock import Clock

log = logging.getLogger(__name__)

BOT_FRAMEWORK_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"

# The metadata document and key set are a few KB; cap what a hostile or broken server can make us hold.
MAX_DOCUMENT_BYTES = 1_000_000

KeyFetcher = Callable[[], Awaitable[Mapping[str, Any]]]


class KeySetUnavailable(Exception):
    """The signing keys could not be fetched and none are cached: our problem, not the caller's (503)."""


@dataclass(frozen=True)
class SigningKey:
    """A parsed RSA public key and the channels (e.g. "msteams") it is endorsed for."""

    public_key: Any
    endorsements: frozenset[str]


def default_session() -> aiohttp.ClientSession:
    """A session for one key fetch, capped at 10 seconds: the request being authenticated waits on it."""
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))


async def _get_json(session: aiohttp.ClientSession, url: str) -> Any:
    async with session.get(url, allow_redirects=False) as response:
        if response.status != 200:
            raise KeySetUnavailable(f"GET {url} answered {response.status}")
        body = await response.content.read(MAX_DOCUMENT_BYTES + 1)
        if len(body) > MAX_DOCUMENT_BYTES:
            raise KeySetUnavailable(f"GET {url} returned more than {MAX_DOCUMENT_BYTES} bytes")
        return json.loads(body)


def http_key_fetcher(
    metadata_url: str = BOT_FRAMEWORK_METADATA_URL,
    *,
    http_session: Callable[[], aiohttp.ClientSession] = default_session,
) -> KeyFetcher:
    """A fetcher that reads the OpenID metadata document, then the JWKS its `jwks_uri` names."""

    async def fetch() -> Mapping[str, Any]:
        try:
            async with http_session() as session:
                metadata = await _get_json(session, metadata_url)
                jwks_uri = metadata.get("jwks_uri") if isinstance(metadata, dict) else None
                if not isinstance(jwks_uri, str):
                    raise KeySetUnavailable("metadata has no jwks_uri")
                return await _get_json(session, jwks_uri)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise KeySetUnavailable(f"{type(error).__name__}: {error}") from error

    return fetch


def _parse_key_set(document: Any) -> dict[str, SigningKey]:
    """Usable RSA signing keys by kid; a key that does not parse is skipped, not fatal."""
    keys: dict[str, SigningKey] = {}
    entries = document.get("keys") if isinstance(document, Mapping) else None
    if not isinstance(entries, list):
        raise KeySetUnavailable("key set has no 'keys' list")
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("kty") != "RSA" or entry.get("use", "sig") != "sig":
            continue
        kid, endorsements = entry.get("kid"), entry.get("endorsements", [])
        if not isinstance(kid, str) or not isinstance(endorsements, list):
            continue
        try:
            public_key = RSAAlgorithm.from_jwk(entry)
        except (jwt.InvalidKeyError, ValueError, TypeError, KeyError):
            log.warning("skipping signing key %s that does not parse", kid)
            continue
        keys[kid] = SigningKey(public_key, frozenset(e for e in endorsements if isinstance(e, str)))
    return keys


class KeyCache:
    """Signing keys, refreshed on a schedule and on an unknown kid, never more than once per cooldown.

    The cooldown keeps a caller spraying random kids from turning each request into a fetch;
    a failed refresh keeps the keys we already have.
    """

    def __init__(self, fetch: KeyFetcher, clock: Clock, refresh_interval: timedelta, cooldown: timedelta) -> None:
        self._fetch, self._clock = fetch, clock
        self._refresh_interval, self._cooldown = refresh_interval, cooldown
        self._keys: dict[str, SigningKey] = {}
        self._fetched_at: datetime | None = None
        self._attempted_at: datetime | None = None
        self._lock = asyncio.Lock()

    async def get(self, kid: str) -> SigningKey | None:
        now = self._clock.now()
        stale = self._fetched_at is None or now - self._fetched_at >= self._refresh_interval
        if stale or kid not in self._keys:
            await self._refresh()
        return self._keys.get(kid)

    async def _refresh(self) -> None:
        async with self._lock:
            now = self._clock.now()
            if self._attempted_at is not None and now - self._attempted_at < self._cooldown:
                if not self._keys:
                    raise KeySetUnavailable("no signing keys; waiting before the next fetch")
                return
            self._attempted_at = now
            try:
                self._keys = _parse_key_set(await self._fetch())
                self._fetched_at = now
            except KeySetUnavailable as error:
                if not self._keys:
                    raise
                log.warning("keeping cached signing keys; refresh failed: %s", error)
