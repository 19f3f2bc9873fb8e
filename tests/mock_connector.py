"""A mock Bot Connector (Teams' REST side) as a local aiohttp server, for tests and benchmarks.

It answers the calls `bot.teams.connector.ConnectorClient` makes, records every request with
its arrival time, and behaves like a strict Teams: it counts any request beyond the published
limits as a violation and answers it 429. Faults can be injected: a share of requests answered
429 (with or without Retry-After) or 502, conversations that always answer 403, and one-off
scripted answers. Latency is simulated with `asyncio.sleep`, so under a virtual event-loop clock
(looptime) a test runs in no real time, and with the real clock it serves benchmarks.

    async with MockBotConnector() as mock:
        mock.add_conversation("a:1", tenant_id="t1")
        client.send_to_conversation(mock.url, "a:1", {...})
"""
from __future__ import annotations

import asyncio
import itertools
import random
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable

from aiohttp import web

# Teams' published limits, written out again here (not imported) so the mock checks the
# dispatcher against the documentation rather than against itself.
CONVERSATION_LIMITS = ((7, 1.0), (8, 2.0), (60, 30.0), (1800, 3600.0))
TENANT_LIMITS = ((50, 1.0),)


@dataclass
class Faults:
    """Which requests to fail. Rates are fractions of requests, drawn from a seeded random."""

    throttle_rate: float = 0.0
    retry_after_choices: tuple[float | None, ...] = (1.0,)  # None: a 429 without Retry-After
    bad_gateway_rate: float = 0.0
    blocked_conversations: set[str] = field(default_factory=set)  # always 403
    seed: int = 0


@dataclass(frozen=True)
class RecordedRequest:
    at: float
    method: str
    kind: str  # "send", "update", "create", "members", "token"
    tenant_id: str | None
    conversation_id: str | None
    status: int
    violation: bool
    body: Any
    headers: dict[str, str]
    retry_after: str | None = None  # the Retry-After header of the answer


class MockBotConnector:
    """The mock server. `clock` defaults to the running loop's time (virtual under looptime)."""

    def __init__(
        self,
        *,
        faults: Faults | None = None,
        latency: float = 0.0,
        latency_jitter: float = 0.0,
        clock: Callable[[], float] | None = None,
        require_auth: bool = False,
        token_lifetime: int = 3600,
        tenant_limits: tuple[tuple[int, float], ...] = TENANT_LIMITS,  # a test may scale the tenant's rate
    ) -> None:
        self.tenant_limits = tenant_limits
        self.faults = faults or Faults()
        self.latency = latency
        self.latency_jitter = latency_jitter
        self.require_auth = require_auth
        self.token_lifetime = token_lifetime
        self.requests: list[RecordedRequest] = []
        self.issued_tokens: list[str] = []
        self._clock = clock
        self._rng = random.Random(self.faults.seed)
        self._tenants: dict[str, str] = {}
        self._rosters: dict[str, list[dict[str, Any]]] = {}
        self._activities: dict[tuple[str, str], dict[str, Any]] = {}
        self._ids = itertools.count(1)
        self._scripted: list[tuple[int, str | None, str | None]] = []
        self._arrivals: dict[tuple[str, str], list[float]] = defaultdict(list)
        self._runner: web.AppRunner | None = None
        self.url = ""

    # -- set-up -----------------------------------------------------------------------------

    def add_conversation(self, conversation_id: str, *, tenant_id: str, members: list[dict[str, Any]] | None = None) -> None:
        """Make a conversation known (others answer 404 ConversationNotFound)."""
        self._tenants[conversation_id] = tenant_id
        self._rosters[conversation_id] = list(members or [])

    def fail_next(self, status: int, *, code: str | None = None, retry_after: str | None = None) -> None:
        """Answer the next connector request with this status, error code and Retry-After."""
        self._scripted.append((status, code, retry_after))

    def token_url(self, tenant_id: str = "botframework.com") -> str:
        """A stand-in for login.microsoftonline.com's token endpoint."""
        return f"{self.url}/{tenant_id}/oauth2/v2.0/token"

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations", self._create)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._send)
        # botbuilder answers within a turn by replying to the incoming activity
        app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", self._send)
        app.router.add_put("/v3/conversations/{conversation}/activities/{activity}", self._update)
        app.router.add_get("/v3/conversations/{conversation}/pagedmembers", self._members)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Listen (on a free port by default) and return the base URL, also kept in `url`."""
        self._runner = web.AppRunner(self.app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound_port = self._runner.addresses[0][1]
        self.url = f"http://{host}:{bound_port}"
        return self.url

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> MockBotConnector:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # -- what happened ----------------------------------------------------------------------

    @property
    def violations(self) -> list[RecordedRequest]:
        return [request for request in self.requests if request.violation]

    def delivered(self) -> list[RecordedRequest]:
        """Sends that Teams took (answered 2xx)."""
        return [r for r in self.requests if r.kind == "send" and 200 <= r.status < 300]

    def activities_in(self, conversation_id: str) -> dict[str, dict[str, Any]]:
        """What a conversation shows now: each message the bot sent, as last updated, by id."""
        return {aid: body for (conv, aid), body in self._activities.items() if conv == conversation_id}

    def delivery_counts(self, key: Callable[[dict[str, Any]], str] = lambda activity: activity["text"]) -> Counter[str]:
        """How often each message arrived, identified by `key(activity)`."""
        return Counter(key(request.body) for request in self.delivered())

    # -- handlers ---------------------------------------------------------------------------

    async def _create(self, request: web.Request) -> web.Response:
        body = await request.json()
        tenant = body.get("tenantId") or body.get("channelData", {}).get("tenant", {}).get("id")
        member = (body.get("members") or [{}])[0].get("id")
        conversation = f"a:{member}"

        def succeed() -> web.Response:
            self._tenants.setdefault(conversation, tenant)
            self._rosters.setdefault(conversation, [{"id": member}])
            return web.json_response({"id": conversation}, status=201)

        return await self._answer(request, "create", tenant, None, body, succeed)

    async def _send(self, request: web.Request) -> web.Response:
        conversation = request.match_info["conversation"]
        body = await request.json()

        def succeed() -> web.Response:
            activity_id = str(next(self._ids))
            self._activities[(conversation, activity_id)] = body
            return web.json_response({"id": activity_id}, status=201)

        return await self._answer(request, "send", self._tenants.get(conversation), conversation, body, succeed)

    async def _update(self, request: web.Request) -> web.Response:
        conversation, activity_id = request.match_info["conversation"], request.match_info["activity"]
        body = await request.json()

        def succeed() -> web.Response:
            if (conversation, activity_id) not in self._activities:
                return _error(404, "ActivityNotFound", "no such activity")
            self._activities[(conversation, activity_id)] = body
            return web.json_response({"id": activity_id})

        return await self._answer(request, "update", self._tenants.get(conversation), conversation, body, succeed)

    async def _members(self, request: web.Request) -> web.Response:
        conversation = request.match_info["conversation"]
        size = int(request.query.get("pageSize", "200"))
        start = int(request.query.get("continuationToken") or 0)

        def succeed() -> web.Response:
            roster = self._rosters.get(conversation, [])
            page: dict[str, Any] = {"members": roster[start : start + size]}
            if start + size < len(roster):
                page["continuationToken"] = str(start + size)
            return web.json_response(page)

        query = dict(request.query)
        return await self._answer(request, "members", self._tenants.get(conversation), conversation, query, succeed)

    async def _token(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        self._record(request, "token", request.match_info["tenant"], None, 200, False, form)
        if form.get("grant_type") != "client_credentials" or form.get("client_secret") in (None, "", "wrong"):
            return web.json_response({"error": "invalid_client", "error_description": "bad secret"}, status=401)
        token = f"token-{len(self.issued_tokens) + 1}"
        self.issued_tokens.append(token)
        return web.json_response({"token_type": "Bearer", "expires_in": self.token_lifetime, "access_token": token})

    async def _answer(
        self,
        request: web.Request,
        kind: str,
        tenant: str | None,
        conversation: str | None,
        body: Any,
        succeed: Callable[[], web.Response],
    ) -> web.Response:
        """Decide the answer the moment the request arrives, record it, then wait `latency`."""
        now = self._now()
        violation = self._over_limit(now, tenant, conversation)
        response = self._fault(request, tenant, conversation, violation)
        if response is None:
            response = succeed()
        self._record(request, kind, tenant, conversation, response.status, violation, body, now,
                     retry_after=response.headers.get("Retry-After"))
        delay = self.latency + (self._rng.uniform(0, self.latency_jitter) if self.latency_jitter else 0.0)
        if delay > 0:
            await asyncio.sleep(delay)
        return response

    def _fault(self, request: web.Request, tenant: str | None, conversation: str | None, violation: bool) -> web.Response | None:
        if violation:
            return _error(429, "TooManyRequests", "rate limit exceeded", retry_after="1")
        if self.require_auth and request.headers.get("Authorization", "").removeprefix("Bearer ") not in self.issued_tokens:
            return _error(401, "Unauthorized", "no valid bearer token")
        if self._scripted:
            status, code, retry_after = self._scripted.pop(0)
            return _error(status, code, f"scripted {status}", retry_after=retry_after)
        if conversation is not None and tenant is None:
            return _error(404, "ConversationNotFound", "conversation does not exist")
        if conversation in self.faults.blocked_conversations:
            return _error(403, "ConversationBlockedByUser", "user blocked the bot")
        draw = self._rng.random()
        if draw < self.faults.throttle_rate:
            retry_after = self._rng.choice(self.faults.retry_after_choices)
            return _error(429, "TooManyRequests", "throttled", retry_after=None if retry_after is None else str(retry_after))
        if draw < self.faults.throttle_rate + self.faults.bad_gateway_rate:
            return _error(502, "BadGateway", "upstream failed")
        return None

    def _over_limit(self, now: float, tenant: str | None, conversation: str | None) -> bool:
        """Count this arrival; true if it breaks any window (all arrivals count, even refused)."""
        checks = []
        if tenant is not None:
            checks.append((("tenant", tenant), self.tenant_limits))
            if conversation is not None:
                checks.append((("conversation", conversation), CONVERSATION_LIMITS))
        over = False
        for key, limits in checks:
            arrivals = self._arrivals[key]
            for limit, seconds in limits:
                # arrivals within (now - seconds, now]; they are appended in time order
                if len(arrivals) - bisect_right(arrivals, now - seconds) >= limit:
                    over = True
            arrivals.append(now)
        return over

    def _record(self, request: web.Request, kind: str, tenant: str | None, conversation: str | None,
                status: int, violation: bool, body: Any, at: float | None = None,
                retry_after: str | None = None) -> None:
        self.requests.append(RecordedRequest(
            at=self._now() if at is None else at,
            method=request.method,
            kind=kind,
            tenant_id=tenant,
            conversation_id=conversation,
            status=status,
            violation=violation,
            body=body,
            headers=dict(request.headers),
            retry_after=retry_after,
        ))

    def _now(self) -> float:
        return self._clock() if self._clock is not None else asyncio.get_running_loop().time()


def _error(status: int, code: str | None, message: str, *, retry_after: str | None = None) -> web.Response:
    headers = {"Retry-After": retry_after} if retry_after is not None else None
    body = {"error": {"code": code, "message": message}} if code else {"message": message}
    return web.json_response(body, status=status, headers=headers)
