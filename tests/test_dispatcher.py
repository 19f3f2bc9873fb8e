"""Dispatcher: concurrent proactive sends within Teams' limits, retried only when safe.

Every test runs on looptime's virtual event-loop clock (`asyncio.sleep` and `loop.time()`
advance instantly), and the dispatcher gets that same clock, so no test waits in real time.
"""
from __future__ import annotations

import asyncio
import random
from collections import Counter, defaultdict

import aiohttp
import pytest

from bot.scheduler.messages import DeliveryResult, OutgoingMessage

from bot.scheduler.dispatcher import Dispatcher
from bot.scheduler.ratelimit import RateLimiter
from bot.teams.connector import ConnectorClient, ConnectorError
from mock_connector import CONVERSATION_LIMITS, TENANT_LIMITS, Faults, MockBotConnector

pytestmark = pytest.mark.looptime
ONE_VIRTUAL_SECOND = 1.0

SERVICE = "https://smba.example/emea/"


def message(key: str, conversation: str = "c1", tenant: str = "t1", update: str | None = None) -> OutgoingMessage:
    return OutgoingMessage(key, tenant, SERVICE, conversation, {"type": "message", "text": key}, update)


class FakeConnector:
    """Answers from a script per message key (ConnectorError or "ok"); records send times."""

    def __init__(self, script: dict[str, list] | None = None, latency: float = 0.1) -> None:
        self.script = defaultdict(list, script or {})
        self.latency = latency
        self.calls: list[tuple[float, str, str, str | None]] = []  # time, conversation, key, update id
        self.in_flight = 0
        self.most_in_flight = 0

    async def send_to_conversation(self, service_url, conversation_id, activity):
        return await self._call(conversation_id, activity, None)

    async def update_activity(self, service_url, conversation_id, activity_id, activity):
        await self._call(conversation_id, activity, activity_id)

    async def _call(self, conversation_id, activity, update_id):
        key = activity["text"]
        self.calls.append((asyncio.get_running_loop().time(), conversation_id, key, update_id))
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.latency)
            outcome = self.script[key].pop(0) if self.script[key] else "ok"
            if isinstance(outcome, BaseException):
                raise outcome
            return f"id-{key}"
        finally:
            self.in_flight -= 1

    def attempts(self, key: str) -> list[float]:
        return [at for at, _, k, _ in self.calls if k == key]


def dispatcher(connector, **options) -> Dispatcher:
    loop = asyncio.get_running_loop()
    options.setdefault("limiter", RateLimiter(slack=0.0))
    options.setdefault("rng", random.Random(1))
    return Dispatcher(connector, clock=loop.time, sleep=asyncio.sleep, **options)


async def test_sends_every_message_once_and_reports_in_input_order():
    connector = FakeConnector()
    messages = [message(f"m{i}", conversation=f"c{i}") for i in range(5)]
    results = await dispatcher(connector).deliver(messages)
    assert [r.key for r in results] == [m.key for m in messages]
    assert all(r == DeliveryResult(r.key, "sent", f"id-{r.key}", 1, conversation_id=f"c{r.key[1:]}") for r in results)
    assert Counter(key for _, _, key, _ in connector.calls) == {m.key: 1 for m in messages}


async def test_an_update_puts_the_activity_and_reports_its_id():
    connector = FakeConnector()
    [result] = await dispatcher(connector).deliver([message("card", update="act-9")])
    assert result.status == "sent" and result.activity_id == "act-9"
    assert connector.calls[0][3] == "act-9"


async def test_a_429_waits_for_retry_after_then_sends(looptime):
    connector = FakeConnector({"m": [ConnectorError(429, retry_after=7.5, code="TooManyRequests")]}, latency=0.0)
    [result] = await dispatcher(connector).deliver([message("m")])
    assert result.status == "sent" and result.attempts == 2
    first, second = connector.attempts("m")
    assert second - first == pytest.approx(7.5)


async def test_a_429_holds_back_the_other_messages_to_that_conversation():
    throttled = ConnectorError(429, retry_after=5.0)
    connector = FakeConnector({"a": [throttled]}, latency=0.0)
    later = [message(f"b{i}") for i in range(8)]  # the last two must wait for the 1-s window
    await dispatcher(connector).deliver([message("a"), *later, message("elsewhere", conversation="c2")])
    waited = [at for at, conversation, _, _ in connector.calls if conversation == "c1" and at > 0.0]
    assert len(waited) == 3 and min(waited) >= 5.0  # two of the b's and the retry of a
    assert connector.attempts("elsewhere")[0] == 0.0


async def test_a_429_without_retry_after_backs_off_with_jitter():
    connector = FakeConnector({"m": [ConnectorError(429), ConnectorError(429)]}, latency=0.0)
    [result] = await dispatcher(connector, base_backoff=2.0).deliver([message("m")])
    first, second, third = connector.attempts("m")
    assert result.attempts == 3
    assert 0.0 <= second - first <= 2.0
    assert 0.0 <= third - second <= 4.0


async def test_jitter_is_reproducible_with_a_seeded_random():
    gaps = []
    for _ in range(2):
        connector = FakeConnector({"m": [ConnectorError(503)] * 3}, latency=0.0)
        await dispatcher(connector, rng=random.Random(42)).deliver([message("m")])
        times = connector.attempts("m")
        gaps.append([b - a for a, b in zip(times, times[1:])])
    assert gaps[0] == pytest.approx(gaps[1])


@pytest.mark.parametrize("status", [412, 502, 503, 504])
async def test_retryable_statuses_are_retried_a_bounded_number_of_times(status):
    connector = FakeConnector({"m": [ConnectorError(status, code="Oops")] * 10}, latency=0.0)
    [result] = await dispatcher(connector, max_attempts=4).deliver([message("m")])
    assert result.status == "failed" and result.attempts == 4
    assert len(connector.attempts("m")) == 4
    assert str(status) in result.reason


@pytest.mark.parametrize("status, code", [(403, "ConversationBlockedByUser"), (403, "BotNotInConversationRoster"), (404, "ConversationNotFound")])
async def test_403_and_404_mean_unreachable_without_retry(status, code):
    connector = FakeConnector({"m": [ConnectorError(status, code=code)]})
    [result] = await dispatcher(connector).deliver([message("m")])
    assert result == DeliveryResult("m", "unreachable", None, 1, code, conversation_id="c1")


async def test_other_client_errors_fail_at_once():
    connector = FakeConnector({"m": [ConnectorError(400, code="BadArgument", message="card too big")]})
    [result] = await dispatcher(connector).deliver([message("m")])
    assert result.status == "failed" and result.attempts == 1
    assert "BadArgument" in result.reason


async def test_a_lost_answer_is_not_resent_because_teams_may_have_the_message():
    connector = FakeConnector({"m": [ConnectorError(0, code="Timeout", maybe_delivered=True)]})
    [result] = await dispatcher(connector).deliver([message("m")])
    assert result.status == "failed" and result.attempts == 1
    assert len(connector.attempts("m")) == 1


async def test_a_lost_answer_to_an_update_is_retried_because_put_is_idempotent():
    connector = FakeConnector({"m": [ConnectorError(0, code="Timeout", maybe_delivered=True), ConnectorError(500)]})
    [result] = await dispatcher(connector).deliver([message("m", update="act-1")])
    assert result.status == "sent" and result.attempts == 3


async def test_a_refused_connection_is_retried():
    connector = FakeConnector({"m": [ConnectorError(0, code="ConnectionFailed")]})
    [result] = await dispatcher(connector).deliver([message("m")])
    assert result.status == "sent" and result.attempts == 2


async def test_a_very_long_retry_after_is_left_to_the_caller():
    connector = FakeConnector({"m": [ConnectorError(429, retry_after=3600.0)]})
    [result] = await dispatcher(connector, max_retry_after=300.0).deliver([message("m")])
    assert result.status == "failed" and "retry after 3600" in result.reason


async def test_an_unexpected_exception_fails_only_its_message():
    connector = FakeConnector({"bad": [KeyError("boom")]})
    results = await dispatcher(connector).deliver([message("bad"), message("good", conversation="c2")])
    assert [r.status for r in results] == ["failed", "sent"]


async def test_on_result_hears_each_outcome_as_soon_as_it_is_known(looptime):
    connector = FakeConnector({"slow": [ConnectorError(503)] * 2}, latency=1.0)
    heard: list[tuple[float, str, str]] = []

    async def record(result: DeliveryResult) -> None:
        heard.append((float(looptime), result.key, result.status))

    await dispatcher(connector).deliver([message("slow"), message("fast", conversation="c2")], on_result=record)
    assert [key for _, key, _ in heard] == ["fast", "slow"]
    assert heard[0][0] == pytest.approx(1.0)


async def test_a_failing_callback_does_not_stop_the_batch():
    def explode(result: DeliveryResult) -> None:
        raise RuntimeError("database down")

    results = await dispatcher(FakeConnector()).deliver([message("a"), message("b", conversation="c2")], on_result=explode)
    assert [r.status for r in results] == ["sent", "sent"]


async def test_duplicate_keys_are_refused():
    with pytest.raises(ValueError):
        await dispatcher(FakeConnector()).deliver([message("m"), message("m", conversation="c2")])


async def test_concurrency_is_bounded():
    connector = FakeConnector(latency=2.0)
    messages = [message(f"m{i}", conversation=f"c{i}") for i in range(40)]
    await dispatcher(connector, max_concurrency=5).deliver(messages)
    assert connector.most_in_flight == 5


async def test_a_cancelled_batch_leaves_the_dispatcher_usable():
    connector = FakeConnector(latency=5.0)
    sender = dispatcher(connector, max_concurrency=2)
    batch = asyncio.ensure_future(sender.deliver([message(f"m{i}", conversation=f"c{i}") for i in range(6)]))
    await asyncio.sleep(ONE_VIRTUAL_SECOND)  # looptime's clock: takes no real time
    batch.cancel()
    with pytest.raises(asyncio.CancelledError):
        await batch
    connector.most_in_flight = 0
    results = await sender.deliver([message(f"n{i}", conversation=f"d{i}") for i in range(6)])
    assert [r.status for r in results] == ["sent"] * 6
    assert connector.most_in_flight == 2


async def test_one_busy_conversation_does_not_block_the_rest():
    connector = FakeConnector(latency=0.1)
    busy = [message(f"busy{i}", conversation="busy") for i in range(30)]
    quiet = [message(f"quiet{i}", conversation=f"q{i}") for i in range(10)]
    await dispatcher(connector, max_concurrency=4).deliver(busy + quiet)
    assert max(connector.attempts(f"quiet{i}")[0] for i in range(10)) < 2.0


def assert_within(times: list[float], limits) -> None:
    ordered = sorted(times)
    for limit, seconds in limits:
        for i in range(len(ordered) - limit):
            assert ordered[i + limit] - ordered[i] >= seconds - 1e-9, (limit, seconds, ordered[i : i + limit + 1])


async def test_sends_never_exceed_the_conversation_and_tenant_limits():
    connector = FakeConnector(latency=0.05)
    messages = [message(f"busy{i}", conversation="busy") for i in range(70)]
    messages += [message(f"one{i}", conversation=f"p{i}") for i in range(200)]
    results = await dispatcher(connector, max_concurrency=64).deliver(messages)
    assert {r.status for r in results} == {"sent"}
    assert_within([at for at, conversation, _, _ in connector.calls if conversation == "busy"], CONVERSATION_LIMITS)
    assert_within([at for at, *_ in connector.calls], TENANT_LIMITS)


# --- the acceptance test: through the mock Bot Connector over real HTTP, on virtual time ----


async def test_faulty_teams_gets_every_deliverable_message_exactly_once_within_the_limits(looptime):
    blocked = {f"a:blocked{i}" for i in range(8)}
    faults = Faults(
        throttle_rate=0.10,
        retry_after_choices=(0.5, 2.0, None),
        bad_gateway_rate=0.08,
        blocked_conversations=blocked,
        seed=2026,
    )
    messages: list[OutgoingMessage] = []
    async with MockBotConnector(faults=faults, latency=0.08, latency_jitter=0.1) as mock:
        def add(key: str, conversation: str, tenant: str) -> None:
            mock.add_conversation(conversation, tenant_id=tenant)
            messages.append(OutgoingMessage(key, tenant, mock.url, conversation, {"type": "message", "text": key}))

        for i in range(220):
            add(f"reminder-{i}", f"a:person{i}", "t1")
        for i in range(70):  # one busy channel: the 8-per-2-s and 60-per-30-s windows bite
            add(f"channel-{i}", "19:team@thread.tacv2;messageid=1", "t1")
        for i in range(60):
            add(f"other-{i}", f"a:other{i}", "t2")
        for i, conversation in enumerate(sorted(blocked)):
            add(f"blocked-{i}", conversation, "t1")

        loop = asyncio.get_running_loop()
        async with aiohttp.ClientSession() as session:
            client = ConnectorClient(session, timeout=10.0)
            seen: list[str] = []
            results = await Dispatcher(
                client,
                limiter=RateLimiter(),
                clock=loop.time,
                sleep=asyncio.sleep,
                max_attempts=8,
                max_concurrency=32,
                rng=random.Random(7),
            ).deliver(messages, on_result=lambda result: seen.append(result.key))

    # 70 messages to one channel cannot all go within the first 30 s (virtual) seconds.
    assert float(looptime) > 30.0
    by_key = {result.key: result for result in results}
    deliverable = [m.key for m in messages if m.conversation_id not in blocked]
    arrivals = mock.delivery_counts()
    assert {key: arrivals[key] for key in deliverable} == {key: 1 for key in deliverable}
    assert all(by_key[key].status == "sent" for key in deliverable)
    assert sorted(seen) == sorted(by_key)

    unreachable = [m.key for m in messages if m.conversation_id in blocked]
    assert all(by_key[key].status == "unreachable" for key in unreachable)
    assert {by_key[key].reason for key in unreachable} == {"ConversationBlockedByUser"}
    assert not any(arrivals[key] for key in unreachable)

    # The faults really happened, and the dispatcher stayed within the limits regardless.
    statuses = Counter(request.status for request in mock.requests)
    assert statuses[429] > 10 and statuses[502] > 10
    assert mock.violations == []
    for tenant in ("t1", "t2"):
        assert_within([r.at for r in mock.requests if r.tenant_id == tenant], TENANT_LIMITS)
    channel = [r.at for r in mock.requests if r.conversation_id == "19:team@thread.tacv2;messageid=1"]
    assert_within(channel, CONVERSATION_LIMITS)

    # Retry-After was honoured: a throttled message came back no sooner than it was told.
    honoured = 0
    for index, request in enumerate(mock.requests):
        if request.status == 429 and request.retry_after is not None:
            key = request.body["text"]
            later = [r.at for r in mock.requests[index + 1 :] if r.body["text"] == key]
            assert later and later[0] >= request.at + float(request.retry_after) - 1e-9
            honoured += 1
    assert honoured > 5


class OpeningConnector(FakeConnector):
    """Also opens 1:1 chats, failing as scripted under the key "open:<member>"."""

    def __init__(self, script=None) -> None:
        super().__init__(script)
        self.opened: list[str] = []

    async def create_personal_conversation(self, service_url, *, bot_id, member_id, tenant_id):
        await asyncio.sleep(self.latency)
        outcomes = self.script[f"open:{member_id}"]
        outcome = outcomes.pop(0) if outcomes else "ok"
        if isinstance(outcome, BaseException):
            raise outcome
        self.opened.append(member_id)
        return f"a:{member_id}"


async def test_opens_the_chat_first_when_there_is_none_and_reports_it():
    connector = OpeningConnector({"open:m2": [ConnectorError(429, 2.0, "Throttled")], "open:m3": [ConnectorError(403, code="MessageWritesBlocked")]})
    messages = [
        OutgoingMessage(f"k{i}", "t1", SERVICE, "", {"type": "message", "text": f"k{i}"}, member_id=f"m{i}", bot_id="28:bot")
        for i in (1, 2, 3)
    ]
    results = {r.key: r for r in await dispatcher(connector).deliver(messages)}
    assert (results["k1"].status, results["k1"].conversation_id) == ("sent", "a:m1")
    assert (results["k2"].status, results["k2"].conversation_id, results["k2"].attempts) == ("sent", "a:m2", 3)
    assert (results["k3"].status, results["k3"].reason) == ("unreachable", "MessageWritesBlocked")
    assert sorted(connector.opened) == ["m1", "m2"]
    assert Counter(key for _, _, key, _ in connector.calls) == {"k1": 1, "k2": 1}


async def test_a_lost_answer_is_reported_as_maybe_delivered_and_not_resent():
    connector = FakeConnector({"m": [ConnectorError(0, code="Timeout", maybe_delivered=True)]})
    [result] = await dispatcher(connector).deliver([message("m")])
    assert (result.status, result.maybe_delivered, len(connector.attempts("m"))) == ("failed", True, 1)


# --- several instances: a shared tenant budget, and the mark before the first request ----


class SharedRow:
    """The tenant_budget row as two instances see it (bot/storage/tenant_budget.py), in memory."""

    dialect = "sqlite"

    def __init__(self) -> None:
        self.next_at: dict[str, float] = {}

    async def reserve(self, tenant_id, *, count=1, spacing, delay=0.0, now=None):
        await asyncio.sleep(0.002)  # a round trip
        start = max(self.next_at.get(tenant_id, 0.0), now + delay)
        self.next_at[tenant_id] = start + count * spacing
        return start, now

    async def hold_back(self, tenant_id, seconds, *, now=None):
        self.next_at[tenant_id] = max(self.next_at.get(tenant_id, 0.0), now + seconds)


async def test_two_instances_on_one_shared_budget_stay_within_the_tenants_limit():
    from bot.scheduler.budget import SharedTenantBudget
    from bot.scheduler.ratelimit import conversation_rate_limiter

    loop, row, connector = asyncio.get_running_loop(), SharedRow(), FakeConnector(latency=0.05)

    def instance() -> Dispatcher:
        budget = SharedTenantBudget(row, clock=loop.time, budget_clock=loop.time)
        return dispatcher(connector, limiter=conversation_rate_limiter(), budget=budget)

    first = [message(f"a{i}", conversation=f"pa{i}") for i in range(150)]
    second = [message(f"b{i}", conversation=f"pb{i}") for i in range(150)]
    started = loop.time()
    results = await asyncio.gather(instance().deliver(first), instance().deliver(second))
    assert {r.status for batch in results for r in batch} == {"sent"}
    times = [at for at, *_ in connector.calls]
    assert_within(times, TENANT_LIMITS)  # each alone would have sent 50 a second
    assert loop.time() - started < 300 / 45.45 * 1.1  # and together they use the whole budget


async def test_before_send_runs_once_right_before_the_first_request_and_can_stop_it():
    connector = FakeConnector(script={"m1": [ConnectorError(502)]})
    marked: list[str] = []

    async def mark(m: OutgoingMessage) -> bool:
        marked.append(m.key)
        return m.key != "gone"

    results = await dispatcher(connector).deliver([message("m1"), message("gone", conversation="c2")], before_send=mark)
    assert sorted(marked) == ["gone", "m1"]  # once each, also for the retried one
    assert [(r.key, r.status, r.reason) for r in results] == [("m1", "sent", None), ("gone", "failed", "claim_lost")]
    assert [key for _, _, key, _ in connector.calls] == ["m1", "m1"]  # "gone" never left
