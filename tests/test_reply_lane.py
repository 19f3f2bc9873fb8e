"""ReplyLane: a turn's replies within Teams' limits, before proactive messages, 429s honoured.

On looptime's virtual clock (no real waiting), against the strict mock Bot Connector, which
answers 429 to any request beyond Teams' published limits. The app-level wiring (a real turn's
reply goes through the lane, with the right token and no thread) is tests/test_turn_connector.py.
"""
from __future__ import annotations

import asyncio
import random

import aiohttp
import pytest

from bot.scheduler.dispatcher import Dispatcher
from bot.scheduler.messages import OutgoingMessage
from bot.scheduler.ratelimit import teams_rate_limiter
from bot.scheduler.reply_lane import ReplyLane
from bot.teams.connector import ConnectorClient, ConnectorError
from mock_connector import MockBotConnector

pytestmark = pytest.mark.looptime
TENANT = "t1"


def lane_for(limiter, **options) -> ReplyLane:
    loop = asyncio.get_running_loop()
    return ReplyLane(limiter, clock=loop.time, sleep=asyncio.sleep, rng=random.Random(1), **options)


async def test_hundreds_of_replies_at_once_stay_within_the_tenants_rate(looptime):
    async with MockBotConnector(latency=0.1, latency_jitter=0.2) as mock, aiohttp.ClientSession() as session:
        client = ConnectorClient(session)
        lane = lane_for(teams_rate_limiter())
        for i in range(300):
            mock.add_conversation(f"a:{i}", tenant_id=TENANT)
        started = float(looptime)
        await asyncio.gather(*(
            lane.send(TENANT, f"a:{i}", lambda i=i: client.send_to_conversation(mock.url, f"a:{i}", {"type": "message", "text": str(i)}))
            for i in range(300)
        ))
    assert mock.violations == []
    assert len(mock.delivered()) == 300
    # 300 at the bot's 45.5 a second: about 6.6 s, not a burst and not much slower either
    assert 6.0 < float(looptime) - started < 8.0


async def test_a_turns_reply_goes_before_a_running_batch_of_proactive_messages(looptime):
    async with MockBotConnector(latency=0.1) as mock, aiohttp.ClientSession() as session:
        client = ConnectorClient(session)
        limiter = teams_rate_limiter()
        lane = lane_for(limiter)
        loop = asyncio.get_running_loop()
        dispatcher = Dispatcher(client, limiter=limiter, clock=loop.time, sleep=asyncio.sleep, yield_to=lane.busy)
        for i in range(200):
            mock.add_conversation(f"p:{i}", tenant_id=TENANT)
        mock.add_conversation("a:person", tenant_id=TENANT)
        batch = asyncio.ensure_future(dispatcher.deliver(
            OutgoingMessage(f"p{i}", TENANT, mock.url, f"p:{i}", {"type": "message", "text": f"p{i}"}) for i in range(200)
        ))
        await asyncio.sleep(1.0)  # virtual: the batch is under way, about 45 sent
        asked = float(looptime)
        replies = [lane.send(TENANT, "a:person", lambda i=i: client.send_to_conversation(mock.url, "a:person", {"type": "message", "text": f"r{i}"}))
                   for i in range(5)]
        await asyncio.gather(*replies)
        answered = float(looptime)
        results = await batch
    assert mock.violations == []
    assert all(result.status == "sent" for result in results)
    # Five replies in one chat need at least 4 × 22 ms; the batch had 1 s of slots reserved.
    assert answered - asked < 1.6
    reply_times = [r.at for r in mock.requests if r.conversation_id == "a:person"]
    batch_times = [r.at for r in mock.requests if r.conversation_id and r.conversation_id.startswith("p:")]
    assert max(reply_times) < max(batch_times) - 2.0  # the batch (about 4.4 s) finished well after


async def test_a_429_is_honoured_for_as_long_as_retry_after_says(looptime):
    async with MockBotConnector() as mock, aiohttp.ClientSession() as session:
        client = ConnectorClient(session)
        mock.add_conversation("a:1", tenant_id=TENANT)
        limiter = teams_rate_limiter()
        lane = lane_for(limiter)
        mock.fail_next(429, code="TooManyRequests", retry_after="2")
        started = float(looptime)
        activity_id = await lane.send(TENANT, "a:1", lambda: client.send_to_conversation(mock.url, "a:1", {"type": "message", "text": "x"}))
    first, second = mock.requests
    assert (first.status, second.status) == (429, 201) and activity_id
    assert second.at - first.at >= 2.0
    assert float(looptime) - started < 3.0
    assert limiter.blocked_until(TENANT, "a:1") is not None  # the conversation was held back


async def test_a_retry_after_longer_than_a_turn_can_wait_fails_the_reply(looptime):
    async with MockBotConnector() as mock, aiohttp.ClientSession() as session:
        client = ConnectorClient(session)
        mock.add_conversation("a:1", tenant_id=TENANT)
        mock.fail_next(429, code="TooManyRequests", retry_after="60")
        with pytest.raises(ConnectorError) as caught:
            await lane_for(teams_rate_limiter()).send(TENANT, "a:1", lambda: client.send_to_conversation(mock.url, "a:1", {"type": "message", "text": "x"}))
    assert caught.value.status == 429 and len(mock.requests) == 1


async def test_a_reply_that_may_have_arrived_is_not_sent_twice_but_an_update_is_repeated(looptime):
    calls = {"send": 0, "update": 0}

    def lost(kind: str):
        async def request():
            calls[kind] += 1
            if calls[kind] == 1:
                raise ConnectorError(0, code="Timeout", maybe_delivered=True)
            return "ok"
        return request

    lane = lane_for(teams_rate_limiter())
    with pytest.raises(ConnectorError):
        await lane.send(TENANT, "a:1", lost("send"))
    assert await lane.send(TENANT, "a:1", lost("update"), idempotent=True) == "ok"
    assert calls == {"send": 1, "update": 2}


async def test_the_lane_is_busy_only_while_a_reply_waits_for_its_slot(looptime):
    lane = lane_for(teams_rate_limiter())
    seen = []

    async def request():
        seen.append(lane.busy(TENANT))
        return "ok"

    waiting = [asyncio.ensure_future(lane.send(TENANT, f"a:{i}", request)) for i in range(3)]
    await asyncio.sleep(0)
    assert lane.busy(TENANT) and not lane.busy("another tenant")
    await asyncio.gather(*waiting)
    assert not lane.busy(TENANT)
    assert seen[-1] is False  # the last one no longer waits once it is sent


class SilentBudget:
    """A shared budget whose database does not answer (an outage that hangs instead of refusing)."""

    unreachable = False
    last_answer = float("-inf")

    def __init__(self) -> None:
        self.asked = 0

    async def slot(self, tenant_id: str, *, not_before: float) -> float:
        self.asked += 1
        await asyncio.Event().wait()
        raise AssertionError("never answers")

    async def hold_back(self, tenant_id: str, seconds: float) -> None:
        return None


async def test_a_reply_does_not_wait_on_a_shared_budget_that_does_not_answer(looptime):
    from bot.scheduler.reply_lane import BUDGET_PATIENCE
    async with MockBotConnector(latency=0.1) as mock, aiohttp.ClientSession() as session:
        client = ConnectorClient(session)
        budget = SilentBudget()
        lane = lane_for(teams_rate_limiter(), budget=budget)
        for i in range(3):
            mock.add_conversation(f"a:{i}", tenant_id=TENANT)
        started = float(looptime)
        for i in range(3):  # "try again in a moment", to three people during the outage
            await lane.send(TENANT, f"a:{i}", lambda i=i: client.send_to_conversation(mock.url, f"a:{i}", {"type": "message", "text": str(i)}))
    assert len(mock.delivered()) == 3 and mock.violations == []
    # the first waits out the patience once; the next ones skip the silent budget for a while
    assert budget.asked == 1
    assert BUDGET_PATIENCE <= float(looptime) - started < BUDGET_PATIENCE + 1


async def test_without_an_answering_budget_the_tenants_window_is_kept_by_this_instance(looptime):
    """On PostgreSQL the lane's own limiter holds only the conversations' windows; while the
    shared budget does not answer, the tenant's 50 a second must still hold."""
    from bot.scheduler.ratelimit import conversation_rate_limiter
    async with MockBotConnector(latency=0.05) as mock, aiohttp.ClientSession() as session:
        client = ConnectorClient(session)
        lane = lane_for(conversation_rate_limiter(), budget=SilentBudget())
        for i in range(120):
            mock.add_conversation(f"a:{i}", tenant_id=TENANT)
        await asyncio.gather(*(
            lane.send(TENANT, f"a:{i}", lambda i=i: client.send_to_conversation(mock.url, f"a:{i}", {"type": "message", "text": str(i)}))
            for i in range(120)
        ))
    assert len(mock.delivered()) == 120
    assert mock.violations == []


class BusyBudget:
    """Answers every reservation, the later ones slowly: a busy database, not an absent one."""

    unreachable = False

    def __init__(self) -> None:
        self.last_answer, self.next_at, self.asked = float("-inf"), 0.0, 0

    async def slot(self, tenant_id: str, *, not_before: float) -> float:
        self.asked += 1
        loop = asyncio.get_running_loop()
        await asyncio.sleep({1: 0.01, 2: 1.5}.get(self.asked, 3.0))
        self.last_answer = loop.time()
        start = self.next_at = max(self.next_at + 1.1 / 50, loop.time())
        return start

    async def hold_back(self, tenant_id: str, seconds: float) -> None:
        return None


async def test_a_busy_budget_is_waited_for_not_bypassed(looptime):
    """Replies beside a busy budget's slots on this instance's own window went over the tenant's
    limit; while the budget answers at all, a reply waits for its shared slot."""
    from bot.scheduler.ratelimit import conversation_rate_limiter
    async with MockBotConnector(latency=0.05) as mock, aiohttp.ClientSession() as session:
        client = ConnectorClient(session)
        budget = BusyBudget()
        lane = lane_for(conversation_rate_limiter(), budget=budget)
        for i in range(3):
            mock.add_conversation(f"a:{i}", tenant_id=TENANT)
        started = asyncio.get_running_loop().time()
        await lane.send(TENANT, "a:0", lambda: client.send_to_conversation(mock.url, "a:0", {"type": "message", "text": "0"}))

        async def later(i: int) -> None:
            await asyncio.sleep(0.5 * i)  # the budget answers the first (at 2 s) while the second waits
            await lane.send(TENANT, f"a:{i}", lambda: client.send_to_conversation(mock.url, f"a:{i}", {"type": "message", "text": str(i)}))

        await asyncio.gather(later(1), later(2))
    assert len(mock.delivered()) == 3 and mock.violations == []
    # The second waited past the patience (asked at 1 s, answered at 4 s) for its shared slot
    # rather than going at 3 s on this instance's own window.
    second = next(r for r in mock.requests if r.conversation_id == "a:2")
    assert second.at - started >= 4.0 and budget.asked == 3
