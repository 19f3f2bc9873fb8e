"""A small async client for the Bot Connector v3 REST API, on one shared aiohttp session.

botbuilder's connector goes through msrest, which sends with `requests` in a thread pool and
spends milliseconds of CPU building a retry policy per client (see PLATFORM.md). Proactive
messages need four calls and a turn's replies three more, so they are spoken here directly
(bot/teams/turn_connector.py puts this client under botbuilder's `TurnContext`). Retrying is the caller's
business: every failure raises `ConnectorError`, which says whether a retry may help.
Real bearer tokens come from `bot.teams.tokens`; this module only defines what it asks of them.
"""
from __future__ import annotations

import asyncio
import json
import math
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, AsyncIterator, Callable, Protocol
from urllib.parse import quote

import aiohttp
from yarl import URL

__all__ = [
    "ConnectorClient",
    "ConnectorError",
    "TokenProvider",
    "NoAuth",
    "parse_retry_after",
    "RETRYABLE_STATUSES",
    "UNREACHABLE_STATUSES",
]

# Microsoft's published list for Teams bots; 500 is deliberately absent.
RETRYABLE_STATUSES = frozenset({412, 429, 502, 503, 504})
# The member blocked the bot, removed it, or the conversation is gone: retrying cannot help.
UNREACHABLE_STATUSES = frozenset({403, 404})


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
    """What the client needs for auth; `bot.teams.tokens.BotFrameworkTokenProvider` is the real one."""

    async def token(self) -> str | None:
        """A bearer token for the Bot Connector, or None to send without one."""


class NoAuth:
    """No token: the local Agents Playground accepts anonymous calls."""

    async def token(self) -> str | None:
        return None


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
        url = _url(service_url, "v3", "conversations", conversation_id, "activities")
        body = await self._request("POST", url, json_body=_in_conversation(activity, conversation_id))
        return str(body.get("id", "")) if isinstance(body, dict) else ""

    async def reply_to_activity(
        self, service_url: str, conversation_id: str, activity_id: str, activity: dict[str, Any]
    ) -> str:
        """Answer an activity (in a channel: in its thread); returns the new activity's id."""
        url = _url(service_url, "v3", "conversations", conversation_id, "activities", activity_id)
        body = await self._request("POST", url, json_body=_in_conversation(activity, conversation_id))
        return str(body.get("id", "")) if isinstance(body, dict) else ""

    async def update_activity(
        self, service_url: str, conversation_id: str, activity_id: str, activity: dict[str, Any]
    ) -> None:
        """Replace an activity the bot sent earlier (e.g. a card after it was answered)."""
        url = _url(service_url, "v3", "conversations", conversation_id, "activities", activity_id)
        await self._request("PUT", url, json_body={**_in_conversation(activity, conversation_id), "id": activity_id})

    async def delete_activity(self, service_url: str, conversation_id: str, activity_id: str) -> None:
        """Delete an activity the bot sent earlier."""
        await self._request("DELETE", _url(service_url, "v3", "conversations", conversation_id, "activities", activity_id))

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
                body = await json_or_none(response)
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


def _in_conversation(activity: dict[str, Any], conversation_id: str) -> dict[str, Any]:
    # botbuilder always names the conversation in the body too (emulators route by it); an
    # in-turn reply keeps the rest of the incoming conversation (tenant, type) as botbuilder sends it
    conversation = activity.get("conversation")
    kept = conversation if isinstance(conversation, dict) else {}
    return {**activity, "conversation": {**kept, "id": conversation_id}}


def _url(service_url: str, *segments: str) -> URL:
    # Teams ids contain ':', '@' and ';' ("19:abc@thread.tacv2;messageid=1"); quote each
    # segment fully, as botbuilder does, and stop yarl from normalising it back.
    path = "/".join(quote(segment, safe="") for segment in segments)
    return URL(f"{service_url.rstrip('/')}/{path}", encoded=True)


async def json_or_none(response: aiohttp.ClientResponse) -> Any:
    """The body as JSON, or None if empty or not JSON: error answers are often neither (HTML, blank).

    Shared with `bot.teams.tokens`, whose token endpoint answers the same loose way.
    """
    text = await response.text()
    if not text.strip():
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None
