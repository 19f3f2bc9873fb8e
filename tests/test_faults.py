"""Faults from outside, through the real sweeper, dispatcher, connector client and app (issue 15).

Teams is the mock Bot Connector (tests/mock_connector.py). Time is virtual: the sweeper's
calendar clock, the dispatcher's monotonic clock, the shared budget's clock and the mock's
arrival stamps all move only when the bot sleeps (`VirtualTime`), so a 60-second outage or a
7-second Retry-After passes in no real time. On PostgreSQL the dispatcher draws from the
shared tenant budget, as the app's does; on SQLite it keeps the tenant's windows itself.
"""
from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta, timezone

import pytest
from aiohttp import web

from bot.process.calendar import WorkingWindow
from bot.process.clock import FixedClock
from bot.process.nomination import NOMINATION_KIND
from bot.process.reminders import ReminderPlan
from bot.scheduler.budget import SharedTenantBudget
from bot.scheduler.messages import OutgoingMessage
from bot.scheduler.dispatcher import Dispatcher
from bot.scheduler.ratelimit import conversation_rate_limiter, teams_rate_limiter
from bot.scheduler.resolver import ResolverByKind
from bot.scheduler.sweeper import Sweeper
from bot.storage.reminders import ReminderQueue
from bot.storage.tenant_budget import TenantBudgets
from bot.teams.connector import ConnectorClient
from mock_connector import MockBotConnector

TENANT = "tenant-1"
NOW = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)  # Tuesday 10:00 in Copenhagen


class VirtualTime:
    """One virtual time for every clock the bot reads; it moves only when the bot sleeps."""

    def __init__(self, clock: FixedClock) -> None:
        self.clock, self.t = clock, 1000.0
        self.on_sleep = None  # an async hook run after each sleep (a fault's timetable)

    def time(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        seconds = max(0.0, seconds)
        self.t += seconds
        self.clock.advance(timedelta(seconds=seconds))
        if self.on_sleep is not None:
            await self.on_sleep()
        await asyncio.sleep(0)


class Resolver:
    def __init__(self, service_url: str) -> None:
        self.service_url = service_url

    async def resolve(self, reminder) -> OutgoingMessage:
        activity = {"type": "message", "text": reminder.recipient_id}
        return OutgoingMessage(reminder.key, TENANT, self.service_url, f"a:{reminder.recipient_id}", activity)


def plans(count: int, *, kind: str = NOMINATION_KIND, due: datetime = NOW) -> list[ReminderPlan]:
    return [ReminderPlan(f"{kind}:r1:u{i}:1", kind, "team-1", "r1", f"u{i}", 1, due) for i in range(count)]


def dispatcher_for(engine, connector, vt: VirtualTime) -> Dispatcher:
    """The app's choice (bot/app.py), on the virtual clock."""
    if engine.dialect.name == "postgresql":
        budget = SharedTenantBudget(TenantBudgets(engine), clock=vt.time, sleep=vt.sleep, budget_clock=vt.time)
        return Dispatcher(connector, limiter=conversation_rate_limiter(), budget=budget, clock=vt.time, sleep=vt.sleep)
    return Dispatcher(connector, limiter=teams_rate_limiter(), clock=vt.time, sleep=vt.sleep)


def sweeper_for(engine, connector, vt: VirtualTime, url: str, *, worker: str = "w1", **options) -> Sweeper:
    return Sweeper(
        ReminderQueue(engine), dispatcher_for(engine, connector, vt), ResolverByKind({NOMINATION_KIND: Resolver(url + "/")}),
        clock=vt.clock, window=WorkingWindow(), worker_id=worker, sleep=vt.sleep, **options,
    )


@pytest.fixture
def vt() -> VirtualTime:
    return VirtualTime(FixedClock(NOW))


async def test_throttled_and_failing_teams_gets_the_message_once_after_the_waits_it_asked_for(engine, vt):
    await ReminderQueue(engine).add(plans(1))
    async with MockBotConnector(clock=vt.time) as mock, ConnectorClient() as connector:
        mock.add_conversation("a:u0", tenant_id=TENANT)
        mock.fail_next(429, code="TooManyRequests", retry_after="7")
        mock.fail_next(412, code="PreconditionFailed")
        mock.fail_next(502, code="BadGateway")
        mock.fail_next(504, code="GatewayTimeout")
        report = await sweeper_for(engine, connector, vt, mock.url).run_once()
        attempts = [r for r in mock.requests if r.kind == "send"]
    assert [r.status for r in attempts] == [429, 412, 502, 504, 201]
    assert attempts[1].at - attempts[0].at >= 7.0  # the Retry-After Teams asked for
    assert mock.delivery_counts() == {"u0": 1}
    assert report.sent == 1 and await ReminderQueue(engine).counts("r1") == {"sent": 1}


@pytest.mark.parametrize("status, code", [(403, "ConversationBlockedByUser"), (404, "ConversationNotFound")])
async def test_blocked_or_gone_is_unreachable_at_once_and_said_in_words(engine, vt, status, code):
    from bot.cards.status import reason_text

    queue = ReminderQueue(engine)
    await queue.add(plans(1))
    async with MockBotConnector(clock=vt.time) as mock, ConnectorClient() as connector:
        mock.add_conversation("a:u0", tenant_id=TENANT)
        mock.fail_next(status, code=code)
        sweeper = sweeper_for(engine, connector, vt, mock.url)
        assert (await sweeper.run_once()).unreachable == 1
        vt.clock.advance(timedelta(days=2))
        assert (await sweeper.run_once()).claimed == 0  # never retried
        assert len(mock.requests) == 1
    assert await queue.counts("r1") == {"unreachable": 1}
    [(who, reason)] = await queue.unreachable("r1")
    shown = {lang: reason_text(lang, reason) for lang in ("da", "en")}
    assert all(reason not in text for text in shown.values())  # words, not Teams' code
    # A reason of its own (the Danish wording pass may change the words, not that they are specific).
    assert all(shown[lang] != reason_text(lang, "no-such-code") for lang in shown), shown
    assert shown["da"] != shown["en"]


class DroppingMock(MockBotConnector):
    """Takes the message, then loses the answer: the connection drops before it is sent."""

    async def _send(self, request: web.Request) -> web.Response:
        response = await super()._send(request)
        if response.status == 201 and request.transport is not None:
            request.transport.close()
        return response


async def test_an_answer_lost_after_teams_took_the_message_is_not_sent_again(engine, vt):
    queue = ReminderQueue(engine)
    await queue.add(plans(1))
    async with DroppingMock(clock=vt.time) as mock, ConnectorClient() as connector:
        mock.add_conversation("a:u0", tenant_id=TENANT)
        sweeper = sweeper_for(engine, connector, vt, mock.url)
        report = await sweeper.run_once()
        for _ in range(3):  # later sweeps, days later: still not again
            vt.clock.advance(timedelta(days=1))
            await sweeper.run_once()
        assert mock.delivery_counts() == {"u0": 1}
        assert len([r for r in mock.requests if r.kind == "send"]) == 1
    assert report.failed == 1
    [row] = await queue.pending_for("r1") or [await queue.get(1)]
    # Counted as maybe delivered, final; the step's own record of it: tests/test_maybe_delivered.py.
    assert row.status == "unconfirmed" and row.reason.startswith("maybe_delivered")


async def test_a_worker_killed_after_claiming_is_taken_over_after_the_lease_and_logged(engine, vt, caplog):
    queue = ReminderQueue(engine)
    await queue.add(plans(5))
    dead = await queue.claim_due(vt.clock.now(), worker_id="dead", limit=5, lease=timedelta(minutes=5))
    # It had marked one row and may have sent it before it died: that one is not sent again.
    assert await queue.mark_sending([dead[0].id], worker_id="dead") == {dead[0].id}
    async with MockBotConnector(clock=vt.time) as mock, ConnectorClient() as connector:
        for i in range(5):
            mock.add_conversation(f"a:u{i}", tenant_id=TENANT)
        sweeper = sweeper_for(engine, connector, vt, mock.url, worker="alive")
        assert (await sweeper.run_once()).claimed == 0  # within the lease nobody takes them
        vt.clock.advance(timedelta(minutes=5, seconds=1))
        with caplog.at_level(logging.WARNING):
            report = await sweeper.run_once()
        assert (await sweeper.run_once()).claimed == 0
        assert mock.delivery_counts() == {f"u{i}": 1 for i in range(1, 5)}
    assert (report.sent, report.taken_over, report.interrupted) == (4, 4, 1)
    assert await queue.counts("r1") == {"sent": 4, "unconfirmed": 1}
    assert caplog.text.count("another worker takes it over") == 4
    assert "counted as unconfirmed (maybe delivered), not sent again" in caplog.text


async def test_a_renamed_or_removed_kind_is_reported_at_start_up_and_never_dropped_silently(engine, vt, caplog):
    queue = ReminderQueue(engine)
    await queue.add(plans(3, kind="old_reminder_kind", due=NOW + timedelta(days=1)) + plans(1))
    async with MockBotConnector(clock=vt.time) as mock, ConnectorClient() as connector:
        mock.add_conversation("a:u0", tenant_id=TENANT)
        sweeper = sweeper_for(engine, connector, vt, mock.url)
        with caplog.at_level(logging.ERROR):
            await sweeper.run_once()  # the start-up sweep
        assert "3 pending reminders are of kind 'old_reminder_kind'" in caplog.text
        caplog.clear()
        vt.clock.advance(timedelta(days=1))
        with caplog.at_level(logging.ERROR):
            report = await sweeper.run_once()
    assert report.dropped == 3
    assert caplog.text.count("which this version does not know: dropped") == 3
    assert await queue.counts("r1") == {"sent": 1, "dropped": 3}


# -- PostgreSQL away for 60 seconds ------------------------------------------------------------
class Outage:
    """A TCP proxy in front of PostgreSQL that can drop every connection and refuse new ones.

    The bot's engine connects through it, so the outage is what the driver really sees: open
    connections reset mid-statement, new ones cut off at once.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.up, self.local_port = True, 0
        self._pipes: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.local_port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        self.begin()
        if self._server is not None:
            self._server.close()

    def begin(self) -> None:
        self.up = False
        for writer in list(self._pipes):
            writer.transport.abort()
        self._pipes.clear()

    def end(self) -> None:
        self.up = True

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.up:
            writer.transport.abort()
            return
        try:
            upstream_reader, upstream = await asyncio.open_connection(self.host, self.port)
        except OSError:
            writer.transport.abort()
            return
        self._pipes |= {writer, upstream}

        async def pump(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except (OSError, asyncio.IncompleteReadError):
                pass
            finally:
                sink.transport.abort()

        await asyncio.gather(pump(reader, upstream), pump(upstream_reader, writer))
        self._pipes -= {writer, upstream}


@pytest.fixture
async def outage(tmp_path):
    """(engine through the proxy, the proxy, a direct engine to inspect with, the schema)."""
    from urllib.parse import urlparse

    from bot.storage.engine import create_engine
    from conftest import POSTGRES_URL, drop_engine, make_engine

    direct, schema = await make_engine("postgresql", tmp_path)
    server = urlparse(POSTGRES_URL)
    proxy = Outage(server.hostname or "127.0.0.1", server.port or 5432)
    await proxy.start()
    url = POSTGRES_URL.replace(f"{server.hostname}:{server.port or 5432}", f"127.0.0.1:{proxy.local_port}")
    engines = []

    def engine_through_proxy():
        engines.append(create_engine(url, search_path=schema, pool_size=3))
        return engines[-1]

    try:
        yield engine_through_proxy, proxy, direct
    finally:
        await proxy.close()
        for engine in engines:
            await engine.dispose()
        await drop_engine(direct, schema)


@pytest.mark.postgres
async def test_postgresql_away_for_60_seconds_mid_wave_loses_and_repeats_nothing(outage, vt, caplog):
    engine_through_proxy, proxy, direct = outage
    people = 40
    await ReminderQueue(direct).add(plans(people))
    began: list[datetime] = []
    state = {"b_ran": False, "in_hook": False}

    class FailingMidWave(MockBotConnector):
        async def _send(self, request: web.Request) -> web.Response:
            response = await super()._send(request)
            if len(self.delivered()) == 10 and proxy.up and not began:
                began.append(vt.clock.now())
                proxy.begin()  # the database goes away with 10 sent and 30 to go
            return response

    async with FailingMidWave(clock=vt.time) as mock, ConnectorClient() as connector:
        for i in range(people):
            mock.add_conversation(f"a:u{i}", tenant_id=TENANT)
        a = sweeper_for(engine_through_proxy(), connector, vt, mock.url, worker="a", lease=timedelta(seconds=30))
        b = sweeper_for(engine_through_proxy(), connector, vt, mock.url, worker="b", lease=timedelta(seconds=30))

        async def timetable() -> None:
            if state["in_hook"] or not began:
                return
            state["in_hook"] = True
            try:
                if not proxy.up and vt.clock.now() - began[0] >= timedelta(seconds=60):
                    proxy.end()
                if proxy.up and not state["b_ran"]:
                    # Another instance sweeps the moment the database is back, before `a` has
                    # recorded anything: a's claims and marks are all past their lease by now.
                    state["b_ran"] = True
                    await b.run_once()
            finally:
                state["in_hook"] = False

        vt.on_sleep = timetable
        with caplog.at_level(logging.WARNING):
            await a.run_once()  # returns only once everything it sent is recorded
            vt.on_sleep = None
            for _ in range(6):  # the rows that could not be marked were put back for later
                vt.clock.advance(timedelta(minutes=20))
                await a.run_once()
                await b.run_once()
        assert mock.violations == []
        assert mock.delivery_counts() == {f"u{i}": 1 for i in range(people)}  # none lost, none twice
    assert state["b_ran"] and not began[0] is None
    assert await ReminderQueue(direct).counts("r1") == {"sent": people}
    assert "recording reminder" in caplog.text  # a kept its answers and wrote them once it could


@pytest.mark.postgres
async def test_people_who_write_during_the_outage_are_asked_to_try_again_in_their_language(outage):
    import factories as f
    from aiohttp.test_utils import TestClient, TestServer

    from bot.app import Overrides, create_app
    from bot.settings import Settings

    engine_through_proxy, proxy, direct = outage
    async with MockBotConnector() as mock:
        for user in ("u-da", "u-en"):
            mock.add_conversation(f"a:{user}", tenant_id=f.TENANT)
        settings = Settings(local_development=True, database_url="postgresql://unused/", _env_file=None)
        app = create_app(settings, Overrides(engine=engine_through_proxy(), connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(app)) as client:
            proxy.begin()
            danish = f.personal_message(mock.url, "mine temaer", user="u-da", conversation="a:u-da", locale="da-DK")
            english = f.personal_message(mock.url, "my themes", user="u-en", conversation="a:u-en", locale="en-US")
            for activity in (danish, english):
                response = await client.post("/api/messages", json=activity)
                assert response.status < 500
            assert [a.get("text") for a in mock.activities_in("a:u-da").values()] == [
                "Beklager, noget gik galt. Prøv igen om lidt; intet af det, du har skrevet, er gået tabt."]
            assert [a.get("text") for a in mock.activities_in("a:u-en").values()] == [
                "Sorry, something went wrong. Please try again shortly; nothing you wrote has been lost."]
            proxy.end()
            # Nothing was half-written: Teams' redelivery of the same activity is served in full.
            response = await client.post("/api/messages", json=danish)
            assert response.status < 500
            assert len(mock.activities_in("a:u-da")) == 2
    async with direct.connect() as conn:
        people = (await conn.exec_driver_sql("SELECT user_id FROM person ORDER BY user_id")).scalars().all()
    assert people == ["u-da"]  # the English writer's turn left no trace
