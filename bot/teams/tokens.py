"""Bearer tokens for the bot's outbound Bot Connector calls, from the Entra ID token endpoint.

Kept apart from `bot.teams.connector` because the credential flow has its own endpoint, cache
and failure rules; the connector only needs something with a `token()` method.
"""
from __future__ import annotations

import asyncio
import math
import time
from typing import Callable
from urllib.parse import quote

import aiohttp

from bot.teams.connector import ConnectorError, json_or_none, parse_retry_after

__all__ = [
    "BOT_FRAMEWORK_SCOPE",
    "LOGIN_URL",
    "BotFrameworkTokenProvider",
    "TokenError",
]

LOGIN_URL = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"


class TokenError(ConnectorError):
    """Getting an access token failed; the recipient has nothing to do with it.

    A `ConnectorError` because it surfaces from the send that needed the token, so the
    dispatcher's retry handling covers it; only the retry and reachability rules differ.
    """

    @property
    def retryable(self) -> bool:
        return self.status == 0 or self.status == 429 or self.status >= 500

    @property
    def unreachable(self) -> bool:
        return False


class BotFrameworkTokenProvider:
    """Client-credentials tokens for the Bot Connector, cached until shortly before expiry.

    `tenant_id` is the bot's own tenant for a single-tenant app registration, or
    "botframework.com" for a multi-tenant one. `token_url` and `clock` (monotonic seconds)
    are there for tests.
    """

    def __init__(
        self,
        app_id: str,
        password: str,
        tenant_id: str = "botframework.com",
        *,
        session: aiohttp.ClientSession | None = None,
        token_url: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        refresh_margin: float = 300.0,
        timeout: float = 10.0,
    ) -> None:
        self._app_id = app_id
        self._password = password
        self._url = token_url or LOGIN_URL.format(tenant=quote(tenant_id, safe=""))
        self._session = session
        self._owns_session = session is None
        self._clock = clock
        self._margin = refresh_margin
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._token: str | None = None
        self._expires_at = -math.inf
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"BotFrameworkTokenProvider(app_id={self._app_id!r}, token_url={self._url!r}, password=***)"

    async def token(self) -> str | None:
        """A valid token; fetches a new one only when the cached one is about to expire."""
        if self._token is not None and self._clock() < self._expires_at:
            return self._token
        async with self._lock:  # one fetch for all callers waiting at expiry
            if self._token is None or self._clock() >= self._expires_at:
                await self._fetch()
        return self._token

    def invalidate(self) -> None:
        """Forget the cached token (e.g. after the connector answered 401)."""
        self._token, self._expires_at = None, -math.inf

    async def close(self) -> None:
        """Close the session if this provider created it."""
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None

    async def _fetch(self) -> None:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        form = {
            "grant_type": "client_credentials",
            "client_id": self._app_id,
            "client_secret": self._password,
            "scope": BOT_FRAMEWORK_SCOPE,
        }
        started = self._clock()
        try:
            async with self._session.post(self._url, data=form, timeout=self._timeout) as response:
                body = await json_or_none(response)
                if response.status != 200 or not isinstance(body, dict) or "access_token" not in body:
                    detail = body if isinstance(body, dict) else {}
                    raise TokenError(
                        response.status,
                        parse_retry_after(response.headers.get("Retry-After")),
                        detail.get("error"),
                        str(detail.get("error_description", "no access token in answer"))[:300],
                    )
        except aiohttp.ClientError as exc:
            raise TokenError(0, code=type(exc).__name__, message=str(exc)) from exc
        except asyncio.TimeoutError as exc:
            raise TokenError(0, code="Timeout", message="token endpoint did not answer") from exc
        lifetime = float(body.get("expires_in", 3600))
        # Refresh a while before expiry, but never sooner than half the token's life.
        self._token = str(body["access_token"])
        self._expires_at = started + max(lifetime - self._margin, lifetime / 2)
