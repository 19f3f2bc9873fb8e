"""When Teams gets its HTTP answer (bot/teams/turns.py): at the end of the turn, or once the
turn's effect is committed and only its reply waits for the tenant's rate.

The first tests run `Turns` alone on looptime's virtual clock; the others go through the real
app with the mock Bot Connector (as tests/test_journey.py), holding the receipt on its way out.
"""
from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

import factories as f
from bot.app import TURNS, Overrides, create_app
from bot.process.clock import FixedClock
from bot.settings import Settings
from bot.storage.turn_work import TurnWork
from bot.teams.connector import ConnectorClient
from bot.teams.turns import ACK_AFTER, Turns, mark_durable
from mock_connector import MockBotConnector
from test_journey import Journey, _round_with_cards, card_text, submit_value

# -- Turns alone, in virtual time -----------------------------------------------------------


@pytest.mark.looptime
async def test_a_turn_that_ends_in_time_is_answered_with_its_result():
    turns = Turns(2)

    async def turn():
        await asyncio.sleep(0.3)
        mark_durable()
        return "invoke response"

    answer = await turns.run(turn)
    assert answer.finished and answer.result == "invoke response" and turns.acknowledged_early == 0


@pytest.mark.looptime
async def test_a_turn_that_never_marks_itself_durable_is_waited_for_to_its_end():
    turns, loop = Turns(2), asyncio.get_running_loop()

    async def turn():
        await asyncio.sleep(20)  # far past ACK_AFTER, and past Teams' 15 s
        raise RuntimeError("failed before its commit")

    started = loop.time()
    with pytest.raises(RuntimeError):
        await turns.run(turn)
    assert loop.time() - started == pytest.approx(20) and turns.acknowledged_early == 0


@pytest.mark.looptime
async def test_a_durable_turn_is_answered_after_ack_after_and_keeps_its_slot(caplog):
    turns, loop = Turns(1), asyncio.get_running_loop()
    started, second_began = loop.time(), []

    async def slow_reply():
        await asyncio.sleep(0.2)
        mark_durable()  # committed; the reply waits for the tenant's rate
        await asyncio.sleep(5)
        raise RuntimeError("the reply failed after the ack")

    async def next_turn():
        second_began.append(loop.time())

    answer = await turns.run(slow_reply)
    assert not answer.finished and loop.time() - started == pytest.approx(ACK_AFTER)
    assert turns.in_background == 1
    with caplog.at_level(logging.ERROR):
        await turns.run(next_turn)  # the background turn still holds the only slot
    assert second_began[0] - started == pytest.approx(5.2) and turns.in_background == 0
    assert "a turn failed after Teams had its answer" in caplog.text


@pytest.mark.looptime
async def test_a_durable_turn_gives_its_slot_to_the_next_while_few_replies_wait():
    turns, loop = Turns(1, max_waiting_replies=1), asyncio.get_running_loop()
    started, began = loop.time(), []

    async def stored_then_reply(seconds: float):
        began.append(loop.time() - started)
        await asyncio.sleep(0.1)  # its storage work
        mark_durable()
        await asyncio.sleep(seconds)  # its reply, waiting for the tenant's rate

    answers = await asyncio.gather(*(turns.run(lambda: stored_then_reply(10)) for _ in range(3)))
    # The first gave its slot back at once; the second kept it (one reply already waited), so
    # the third began only when the second had sent its reply.
    assert [a.finished for a in answers] == [False, False, False]
    assert began == pytest.approx([0, 0.1, 10.2]) and turns.waiting_replies == 1
    await turns.close()
    assert turns.waiting_replies == 0


@pytest.mark.looptime
async def test_shutdown_waits_for_background_turns_then_cancels_what_is_left(caplog):
    turns, sent, cancelled = Turns(5, grace=10), [], []

    async def reply_after(seconds: float):
        mark_durable()
        try:
            await asyncio.sleep(seconds)
            sent.append(seconds)
        except asyncio.CancelledError:
            cancelled.append(seconds)
            raise

    for seconds in (3, 60):
        assert not (await turns.run(lambda s=seconds: reply_after(s))).finished
    with caplog.at_level(logging.WARNING):
        await turns.close()
    assert sent == [3] and cancelled == [60] and "1 turns still running were cancelled" in caplog.text


# -- through the real app -------------------------------------------------------------------

class HeldConnector(ConnectorClient):
    """The bot's connector with its card updates held back while `open` is clear."""

    def __init__(self) -> None:
        super().__init__()
        self.open, self.sends_open = asyncio.Event(), asyncio.Event()
        self.open.set()
        self.sends_open.set()

    async def update_activity(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        await self.open.wait()
        return await super().update_activity(*args, **kwargs)

    async def reply_to_activity(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        await self.sends_open.wait()
        return await super().reply_to_activity(*args, **kwargs)

    async def send_to_conversation(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        await self.sends_open.wait()
        return await super().send_to_conversation(*args, **kwargs)


@pytest_asyncio.fixture
async def held(tmp_path):
    clock = FixedClock(datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc))
    async with MockBotConnector() as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=f.ROSTER)
        mock.add_conversation(f"{f.TEAM};messageid=1", tenant_id=f.TENANT)
        settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", _env_file=None)
        connector = HeldConnector()
        app = create_app(settings, Overrides(clock=clock, connector=connector, start_scheduler=False))
        app[TURNS].ack_after = 0.02  # milliseconds instead of ACK_AFTER's second
        async with TestClient(TestServer(app)) as client:
            journey = Journey(client, mock, clock)
            journey.connector = connector
            yield journey


async def _bo_submits(journey: Journey):
    round_ = await _round_with_cards(journey)
    card = journey.cards_in("a:u-bo")[0][0]
    activity = f.personal_submit(journey.mock.url, submit_value(round_.id), user="u-bo", conversation="a:u-bo", reply_to=card)
    return round_, card, activity


async def test_a_nomination_whose_receipt_must_wait_is_acknowledged_once_stored(held: Journey):
    round_, card, activity = await _bo_submits(held)
    store, turns = held.services.store, held.client.server.app[TURNS]
    held.connector.open.clear()  # the receipt waits, as behind the tenant's 50 a second
    response = await asyncio.wait_for(held.client.post("/api/messages", json=activity), 5)
    assert response.status == 200
    assert await store.nominations.get(round_.id, "u-bo") is not None  # stored before Teams had its answer
    assert "nomination.edit" not in card_text(held.mock.activities_in("a:u-bo")[card])  # the receipt has not left
    assert turns.acknowledged_early == 1 and turns.in_background == 1
    held.connector.open.set()
    await turns.close()
    receipts = [r for r in held.mock.requests if r.kind == "update" and "nomination.edit" in card_text(r.body)]
    assert len(receipts) == 1 and "nomination.edit" in card_text(held.mock.activities_in("a:u-bo")[card])
    assert await held.post(activity) == 200  # Teams delivering it again changes nothing
    assert len([r for r in held.mock.requests if r.kind == "update" and "nomination.edit" in card_text(r.body)]) == 1


async def test_help_only_reads_so_its_answer_may_leave_before_its_reply(held: Journey):
    """Under a spike a help card waits for the tenant's rate like a receipt; Teams need not wait too."""
    held.mock.add_conversation("a:u-cy", tenant_id=f.TENANT)
    turns = held.client.server.app[TURNS]
    assert await held.post(f.personal_message(held.mock.url, "hjælp", user="u-cy", conversation="a:u-cy")) == 200
    before = len(held.mock.requests)
    held.connector.sends_open.clear()
    activity = f.personal_message(held.mock.url, "hjælp", user="u-cy", conversation="a:u-cy")
    response = await asyncio.wait_for(held.client.post("/api/messages", json=activity), 5)
    assert response.status == 200 and turns.acknowledged_early == 1
    assert len(held.mock.requests) == before  # the help card has not left yet
    held.connector.sends_open.set()
    await turns.close()
    assert len(held.mock.requests) == before + 1  # and then exactly once
    assert await held.post(activity) == 200  # Teams delivering it again sends nothing more
    assert len(held.mock.requests) == before + 1


async def test_a_turn_failing_before_its_commit_is_answered_only_when_it_failed(held: Journey, monkeypatch):
    round_, card, activity = await _bo_submits(held)
    entered, fail = asyncio.Event(), asyncio.Event()
    finish = TurnWork.finish

    async def failing_finish(self):  # noqa: ANN001, ANN202
        if self._writes and not entered.is_set():  # the nomination's save, the first time
            entered.set()
            await fail.wait()
            await self.close()
            raise ConnectionError("the database went away before the commit")
        return await finish(self)

    monkeypatch.setattr(TurnWork, "finish", failing_finish)
    posted = asyncio.create_task(held.client.post("/api/messages", json=activity))
    await asyncio.wait_for(entered.wait(), 5)
    await asyncio.sleep(held.client.server.app[TURNS].ack_after * 3)
    assert not posted.done()  # not durable: Teams' request stays open past ACK_AFTER
    fail.set()
    response = await asyncio.wait_for(posted, 5)
    # As before this change, the person is told on that request to try again (tests/test_faults.py).
    assert response.status == 200 and held.client.server.app[TURNS].acknowledged_early == 0
    assert "Prøv igen" in held.texts_in("a:u-bo")[-1]
    assert await held.services.store.nominations.get(round_.id, "u-bo") is None
    for _ in range(2):  # Teams delivers the same activity again: handled, once
        assert await held.post(activity) == 200
    receipts = [r for r in held.mock.requests if r.kind == "update" and "nomination.edit" in card_text(r.body)]
    assert len(receipts) == 1 and await held.services.store.nominations.get(round_.id, "u-bo") is not None


async def test_shutdown_waits_for_a_receipt_still_on_its_way(held: Journey):
    _, card, activity = await _bo_submits(held)
    held.connector.open.clear()
    assert (await held.client.post("/api/messages", json=activity)).status == 200
    closing = asyncio.create_task(held.client.close())
    await asyncio.sleep(0.05)
    assert not closing.done()  # the app's clean-up waits for the background turn
    held.connector.open.set()
    await asyncio.wait_for(closing, 5)
    assert "nomination.edit" in card_text(held.mock.activities_in("a:u-bo")[card])
