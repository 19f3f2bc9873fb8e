"""A small async client for the Bot Connector v3 REST API, on one shared aiohttp session.

botbuilder's connector goes through msrest, which sends with `requests` in a thread pool and
spends milliseconds of CPU building a retry policy per client (see PLATFORM.md). Proactive
messages only need four calls, so they are spoken here directly. Retrying is the caller's
business: every failure raises `ConnectorError`, which says whether a retry may help.
"""
from __future__ import annotations

import asyncio
import json
import math
import time
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, AsyncIterator, Callable, Protocol
from urllib.parse import quote

import aiohttp
from yarl import URL

__all__ = [
    "ConnectorClient",
    "ConnectorError",
    "TokenError",
    "TokenProvider",
    "NoAuth",
    "BotFrameworkTokenProvider",
    "parse_retry_after",
    "RETRYABLE_STATUSES",
    "UNREACHABLE_STATUSES",
]

# Microsoft's published list for Teams bots; 500 is deliberately absent.
RETRYABLE_STATUSES = frozenset({412, 429, 502, 503, 504})
# The member blocked the bot, removed it, or the conversation is gone: retrying cannot help.
UNREACHABLE_STATUSES = frozenset({403, 404})

LOGIN_URL = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"


class ConnectorError(Exception):
    """A Bot Connector call that failed. `status` is 0 when no HTTP answer arrived.

    `maybe_delivered` is true when the request may have reached Teams although no answer came
    back (a timeout or a dropped connection): resending a message then risks a duplicate.
    """

    def __init__(
        self,
        status: int,
        retry_after: float | None = None,
        code: str | None = None,
        message: str = "",
        *,
        maybe_delivered: bool = False,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after
        self.code = code
        self.message = message
        self.maybe_delivered = maybe_delivered

    @property
    def retryable(self) -> bool:
        """True when the same request may succeed later without risking a duplicate."""
        return self.status in RETRYABLE_STATUSES or (self.status == 0 and not self.maybe_delivered)

    @property
    def permanent(self) -> bool:
        """True for client errors that will fail again however often they are retried."""
        return 400 <= self.status < 500 and self.status not in RETRYABLE_STATUSES

    @property
    def unreachable(self) -> bool:
        """True when the recipient cannot be reached (blocked, removed, conversation gone)."""
        return self.status in UNREACHABLE_STATUSES

    def __str__(self) -> str:
        head = " ".join(filter(None, [f"HTTP {self.status}" if self.status else "no answer", self.code]))
        return f"{head}: {self.message}" if self.message else head


class TokenError(ConnectorError):
    """Getting an access token failed; the recipient has nothing to do with it."""

    @property
    def retryable(self) -> bool:
        return self.status == 0 or self.status == 429 or self.status >= 500

    @property
    def unreachable(self) -> bool:
        return False


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delay-seconds or an HTTP date), or None."""
    if not value or not value.strip():
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value.strip())
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        now = now or datetime.now(timezone.utc)
        return max(0.0, (when - now).total_seconds())
    return max(0.0, seconds) if math.isfinite(seconds) else None


class TokenProvider(Protocol):
    async def token(self) -> str | None:
        """A bearer token for the Bot Connector, or None to send without one."""


class NoAuth:
    """No token: the local Agents Playground accepts anonymous calls."""

    async def token(self) -> str | None:
        return None


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
                body = await _json_or_none(response)
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


class ConnectorClient:
    """Bot Connector v3 calls on one aiohttp session, with a timeout on every request.

    Pass a session to share one; otherwise the client makes its own and `close()` closes it.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession | None = None,
        tokens: TokenProvider | None = None,
        *,
        timeout: float = 15.0,
        wall_clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
    ) -> None:
        self._session = session
        self._owns_session = session is None
        self._tokens: TokenProvider = tokens or NoAuth()
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._wall_clock = wall_clock

    async def __aenter__(self) -> ConnectorClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the session if this client created it."""
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None

    async def send_to_conversation(self, service_url: str, conversation_id: str, activity: dict[str, Any]) -> str:
        """Post an activity to a conversation; returns the new activity's id ("" if none given)."""
        # botbuilder always names the conversation in the body too; emulators route by it
        activity = {**activity, "conversation": {"id": conversation_id}}
        body = await self._request("POST", _url(service_url, "v3", "conversations", conversation_id, "activities"), json_body=activity)
        return str(body.get("id", "")) if isinstance(body, dict) else ""

    async def update_activity(
        self, service_url: str, conversation_id: str, activity_id: str, activity: dict[str, Any]
    ) -> None:
        """Replace an activity the bot sent earlier (e.g. a card after it was answered)."""
        url = _url(service_url, "v3", "conversations", conversation_id, "activities", activity_id)
        await self._request("PUT", url, json_body={**activity, "id": activity_id, "conversation": {"id": conversation_id}})

    async def create_personal_conversation(self, service_url: str, *, bot_id: str, member_id: str, tenant_id: str) -> str:
        """Create (or look up) the 1:1 chat between the bot and a member; returns its id."""
        payload = {
            "isGroup": False,
            "bot": {"id": bot_id},
            "members": [{"id": member_id}],
            "tenantId": tenant_id,
            "channelData": {"tenant": {"id": tenant_id}},
        }
        body = await self._request("POST", _url(service_url, "v3", "conversations"), json_body=payload)
        if not isinstance(body, dict) or not body.get("id"):
            raise ConnectorError(200, code="InvalidResponse", message="no conversation id in answer")
        return str(body["id"])

    async def get_paged_members(
        self, service_url: str, conversation_id: str, *, page_size: int = 200, continuation_token: str | None = None
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of a conversation's roster and the token for the next page (None at the end)."""
        if not 50 <= page_size <= 500:
            raise ValueError("Teams accepts page sizes from 50 to 500")
        params = {"pageSize": str(page_size)}
        if continuation_token:
            params["continuationToken"] = continuation_token
        url = _url(service_url, "v3", "conversations", conversation_id, "pagedmembers")
        body = await self._request("GET", url, params=params)
        if not isinstance(body, dict):
            raise ConnectorError(200, code="InvalidResponse", message="roster page is not an object")
        return list(body.get("members") or []), body.get("continuationToken") or None

    async def iter_members(
        self, service_url: str, conversation_id: str, *, page_size: int = 200
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """Yield the roster page by page until Teams gives no continuation token."""
        token: str | None = None
        while True:
            members, token = await self.get_paged_members(
                service_url, conversation_id, page_size=page_size, continuation_token=token
            )
            yield members
            if token is None:
                return

    async def _request(self, method: str, url: URL, *, json_body: Any = None, params: dict[str, str] | None = None) -> Any:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        headers = {"Accept": "application/json"}
        token = await self._tokens.token()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            async with self._session.request(
                method, url, json=json_body, params=params, headers=headers, timeout=self._timeout
            ) as response:
                body = await _json_or_none(response)
                if response.status >= 300:
                    raise self._error(response, body)
                return body
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
            # No connection, so nothing was sent: safe to retry.
            raise ConnectorError(0, code="ConnectionFailed", message=str(exc) or type(exc).__name__) from exc
        except asyncio.TimeoutError as exc:
            raise ConnectorError(0, code="Timeout", message=f"{method} timed out", maybe_delivered=True) from exc
        except aiohttp.ClientError as exc:
            raise ConnectorError(0, code=type(exc).__name__, message=str(exc), maybe_delivered=True) from exc

    def _error(self, response: aiohttp.ClientResponse, body: Any) -> ConnectorError:
        error = body.get("error") if isinstance(body, dict) else None
        code = error.get("code") if isinstance(error, dict) else None
        message = error.get("message") if isinstance(error, dict) else None
        retry_after = parse_retry_after(response.headers.get("Retry-After"), self._wall_clock())
        return ConnectorError(
            response.status,
            retry_after,
            str(code) if code else None,
            str(message or response.reason or "")[:500],
            maybe_delivered=response.status >= 500,
        )


def _url(service_url: str, *segments: str) -> URL:
    # Teams ids contain ':', '@' and ';' ("19:abc@thread.tacv2;messageid=1"); quote each
    # segment fully, as botbuilder does, and stop yarl from normalising it back.
    path = "/".join(quote(segment, safe="") for segment in segments)
    return URL(f"{service_url.rstrip('/')}/{path}", encoded=True)


async def _json_or_none(response: aiohttp.ClientResponse) -> Any:
    text = await response.text()
    if not text.strip():
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None
