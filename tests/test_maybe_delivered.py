"""Maybe delivered, through the real app (issue 15): a nomination card whose answer from Teams
was lost, or whose sender died between marking it and hearing back, is never sent again, and
the planning group's ``status`` says in words that it was maybe delivered, instead of showing
the card as waiting for ever (bot/scheduler/recovery.py, bot/scheduler/resolver.py).

Teams is the mock Bot Connector; the app, adapter, sweeper, dispatcher, resolvers and storage
are the real ones, on SQLite and on PostgreSQL. The lost answer is the connection closed after
the mock took the card (as in tests/test_faults.py, which tests the queue's side of it).
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

import factories as f
from bot.app import SERVICES, Overrides, create_app
from bot.process.clock import FixedClock
from bot.process.invitees import INVITATION_KIND
from bot.scheduler.runner import build_runner
from bot.settings import Settings
from bot.storage.reminders import ReminderQueue
from bot.teams.connector import ConnectorClient
from mock_connector import MockBotConnector

WORKING = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)  # Tuesday 10:00 in Copenhagen
EARLY = datetime(2026, 9, 1, 4, 0, tzinfo=timezone.utc)  # Tuesday 06:00: before the working window
LOST, BLOCKED, GONE = "u-bo", "u-dorte", "u-erik"


class LosingMock(MockBotConnector):
    """Takes Bo's nomination card, then drops the connection before answering; Dorte has
    blocked the bot (403) and Erik's chat is gone (404)."""

    async def _send(self, request: web.Request) -> web.Response:
        if request.match_info["conversation"] == f"a:{GONE}":
            self._tenants.pop(f"a:{GONE}", None)  # opened, then gone: the mock answers 404 ConversationNotFound
        response = await super()._send(request)
        if request.match_info["conversation"] == f"a:{LOST}" and response.status == 201 and request.transport is not None:
            request.transport.close()
        return response


class App:
    def __init__(self, client: TestClient, mock: MockBotConnector) -> None:
        self.client, self.mock = client, mock
        self.services = client.server.app[SERVICES]

    async def post(self, activity: dict) -> None:
        response = await self.client.post("/api/messages", json=activity)
        assert response.status < 500
        await self.services.drain()

    async def start_round(self) -> str:
        url = self.mock.url
        await self.post(f.bot_added_to_team(url))
        await self.post(f.channel_mention(url, "start", user="u-leader", name="Lea Leder"))
        setup_id = list(self.mock.activities_in(f"{f.TEAM};messageid=1"))[-1]
        start = {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea Leder", "named_mode": "anonymous"}
        await self.post(f.channel_submit(url, start, user="u-leader", name="Lea Leder", reply_to=setup_id))
        round_ = await self.services.store.dialogues.latest_round(f.TEAM)
        assert round_ is not None
        return round_.id

    def cards_to(self, user: str) -> int:
        return sum(1 for r in self.mock.delivered() if r.conversation_id == f"a:{user}" and "nomination.submit" in json.dumps(r.body))

    async def status_text(self) -> str:
        before = len(self.mock.activities_in("a:u-leader"))
        await self.post(f.channel_mention(self.mock.url, "status", user="u-leader", name="Lea Leder"))
        shown = list(self.mock.activities_in("a:u-leader").values())[before:]
        assert shown, "no status card came"
        return json.dumps(shown[-1], ensure_ascii=False)


async def open_app(engine, tmp_path, mock: MockBotConnector, clock: FixedClock) -> TestClient:
    mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=f.ROSTER)
    mock.add_conversation(f"{f.TEAM};messageid=1", tenant_id=f.TENANT)
    settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'unused.db'}", _env_file=None)
    app = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(),
                                         start_scheduler=False, engine=engine))
    return TestClient(TestServer(app))


async def test_a_card_whose_answer_was_lost_is_maybe_delivered_in_status_and_never_sent_again(engine, tmp_path):
    clock = FixedClock(WORKING)
    async with LosingMock() as mock:
        mock.faults.blocked_conversations.add(f"a:{BLOCKED}")
        async with await open_app(engine, tmp_path, mock, clock) as client:
            app = App(client, mock)
            round_id = await app.start_round()
            assert app.cards_to(LOST) == 1 and app.cards_to("u-leader") == app.cards_to("u-cecilie") == 1
            deliveries = {i.user_id: i.delivery for i in await app.services.store.dialogues.invitees(round_id)}
            assert deliveries == {"u-leader": "sent", "u-cecilie": "sent", LOST: "maybe_delivered",
                                  BLOCKED: "unreachable", GONE: "unreachable"}

            # In words: maybe delivered apart from waiting and undelivered, and why the two could not be reached.
            status = await app.status_text()
            assert "2 leveret, 1 måske leveret (Teams bekræftede det ikke – spørg dem), 0 venter, 2 kunne ikke leveres" in status
            assert "Dorte Dam" in status and "har blokeret TalSammen" in status
            assert "Erik Eg" in status and "kunne ikke findes i Teams" in status
            assert "Bo Bæk" not in status  # not among those who cannot be reached: he may have it

            # Later sweeps, two days on (before the first reminder): the card is not sent again.
            sweeper = build_runner(app.services).sweeper
            for _ in range(2):
                clock.advance(timedelta(days=1))
                await sweeper.run_once()
            assert app.cards_to(LOST) == 1
    counts = await ReminderQueue(engine).counts(round_id)
    assert counts.get("unconfirmed") == 1


async def test_a_card_whose_sender_died_after_marking_it_is_maybe_delivered_in_status(engine, tmp_path):
    clock = FixedClock(EARLY)  # the round starts before the window: its cards wait in the queue
    async with MockBotConnector() as mock:
        async with await open_app(engine, tmp_path, mock, clock) as client:
            app = App(client, mock)
            round_id = await app.start_round()
            assert app.cards_to(LOST) == 0
            # Another instance claims Bo's card at 09:00, marks it as being sent and dies.
            clock.set(WORKING.replace(hour=7))
            queue = ReminderQueue(engine)
            [row] = [r for r in await queue.pending_for(round_id) if r.kind == INVITATION_KIND and r.recipient_id == LOST]
            dead = await queue.claim_due(clock.now(), worker_id="dead", limit=1000, kinds={INVITATION_KIND})
            assert row.id in {r.id for r in dead}
            for other in dead:  # it had marked only Bo's; the rest it had merely claimed
                if other.id != row.id:
                    assert await queue.postpone(other.id, due_at=clock.now(), worker_id="dead")
            assert await queue.mark_sending([row.id], worker_id="dead") == {row.id}

            sweeper = build_runner(app.services).sweeper
            await sweeper.run_once()  # within the lease: the others go, Bo's waits
            bo = await app.services.store.dialogues.invitee(round_id, LOST)
            assert bo is not None and bo.delivery == "pending"
            clock.advance(timedelta(minutes=6))  # past the dead instance's lease
            report = await sweeper.run_once()
            assert report.interrupted == 1
            bo = await app.services.store.dialogues.invitee(round_id, LOST)
            assert bo is not None and bo.delivery == "maybe_delivered" and bo.delivery_reason == "interrupted"
            assert app.cards_to(LOST) == 0 and all(app.cards_to(m["id"]) == 1 for m in f.ROSTER if m["id"] != LOST)

            status = await app.status_text()
            assert "4 leveret, 1 måske leveret" in status and "0 venter" in status
            clock.advance(timedelta(days=1))
            await sweeper.run_once()
            assert app.cards_to(LOST) == 0  # never sent: never twice wins over maybe once
    assert (await ReminderQueue(engine).counts(round_id)).get("unconfirmed") == 1
