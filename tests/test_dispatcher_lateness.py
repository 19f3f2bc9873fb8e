"""Dispatcher timing: late timers and spread-out sends keep real arrivals inside Teams' windows.

Runs on looptime's virtual clock; the dispatcher's `sleep` overshoots on purpose, as a busy event
loop does, and the test checks the times requests actually left, not the planned slots.
"""
from __future__ import annotations

import asyncio

import pytest

from bot.scheduler.messages import OutgoingMessage

from bot.scheduler.dispatcher import Dispatcher
from bot.scheduler.ratelimit import RateLimiter, Window

pytestmark = pytest.mark.looptime


class RecordingConnector:
    def __init__(self) -> None:
        self.sent_at: list[float] = []

    async def send_to_conversation(self, service_url, conversation_id, activity):
        self.sent_at.append(asyncio.get_running_loop().time())
        return "id"

    async def update_activity(self, service_url, conversation_id, activity_id, activity):
        raise AssertionError("not used")


async def test_a_late_timer_takes_a_fresh_slot_instead_of_crowding_the_next_window():
    loop = asyncio.get_running_loop()
    overshoots = [0.05]  # only the first timer fires late, by 50 ms

    async def late_sleep(seconds: float) -> None:
        await asyncio.sleep(seconds + (overshoots.pop(0) if overshoots else 0.0))

    connector = RecordingConnector()
    limiter = RateLimiter(tenant_windows=(Window(2, 1.0),), conversation_windows=(), slack=0.0)
    dispatcher = Dispatcher(connector, limiter=limiter, clock=loop.time, sleep=late_sleep)
    messages = [OutgoingMessage(f"m{i}", "t1", "https://smba.example/", f"a:{i}", {"type": "message"}) for i in range(6)]

    results = await dispatcher.deliver(messages)

    assert [r.status for r in results] == ["sent"] * 6
    sent = sorted(connector.sent_at)
    # No three requests within less than a second (two per second), by the time they left.
    assert all(sent[i + 2] - sent[i] >= 1.0 - 1e-9 for i in range(len(sent) - 2)), sent


async def test_the_bot_spreads_a_tenants_requests_instead_of_sending_bursts():
    from bot.scheduler.ratelimit import TENANT_SPACING, teams_rate_limiter

    loop = asyncio.get_running_loop()
    connector = RecordingConnector()
    dispatcher = Dispatcher(connector, limiter=teams_rate_limiter(), clock=loop.time, sleep=asyncio.sleep)
    messages = [OutgoingMessage(f"m{i}", "t1", "https://smba.example/", f"a:{i}", {"type": "message"}) for i in range(120)]

    await dispatcher.deliver(messages)

    sent = sorted(connector.sent_at)
    gaps = [b - a for a, b in zip(sent, sent[1:])]
    assert min(gaps) >= TENANT_SPACING - 1e-9
    # ... and still no more than 50 in any second, with the limiter's slack to spare.
    assert all(sent[i + 50] - sent[i] >= 1.05 - 1e-9 for i in range(len(sent) - 50))
