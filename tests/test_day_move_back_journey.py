"""A day moved away and back to a date it had before gets its reminders for that date again, and
each is sent once: the everyday-example reminders (7 and 2 working days before) and the leader's
preparation reminder (5 working days before). End to end through the real app, on SQLite and
PostgreSQL, with the app's clock moved by hand; the queue's part (``revive``) is in
tests/test_reminder_queue.py, the move's other effects in tests/test_day_move_journey.py.
"""
from __future__ import annotations

import itertools
import json
from datetime import date, datetime, timezone

import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

import factories as f
from bot.app import Overrides, create_app
from bot.process.clock import FixedClock
from bot.process.everyday_example import EVERYDAY_EXAMPLE_KIND
from bot.process.leader_loop import LEADER_PREPARE_KIND
from bot.scheduler.runner import build_runner
from bot.settings import Settings
from bot.teams.connector import ConnectorClient
from mock_connector import MockBotConnector
from test_invitation_journey import DAY, THREAD, PUBLIC, selection_of, set_day, start_round, thread_submit
from test_journey import ROSTER, Journey

EXAMPLE = "Husk at forberede dit eksempel fra hverdagen"
PREPARE = "Tid til din forberedelse"
PEOPLE = [m["id"] for m in ROSTER]


@pytest_asyncio.fixture
async def journey(engine):
    """The real app on the test's database (SQLite, or a PostgreSQL schema of its own)."""
    clock = FixedClock(datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc))  # Tuesday 10:00 in Copenhagen
    seconds = itertools.count()  # the mock's clock a second on per request: no test sleeps for Teams' limits
    async with MockBotConnector(clock=lambda: float(next(seconds))) as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=ROSTER)
        mock.add_conversation(THREAD, tenant_id=f.TENANT)
        settings = Settings(local_development=True, database_url="sqlite+aiosqlite:///unused.db", public_base_url=PUBLIC, _env_file=None)
        app = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(), start_scheduler=False, engine=engine))
        async with TestClient(TestServer(app)) as client:
            yield Journey(client, mock, clock)


def cards_with(journey: Journey, user: str, marker: str) -> list[str]:
    return [text for _, c in journey.cards_in(f"a:{user}") if marker in (text := json.dumps(c, ensure_ascii=False))]


def received(journey: Journey, marker: str) -> dict[str, int]:
    """How many cards with ``marker`` each person has in their chat with the bot."""
    return {user: len(cards_with(journey, user, marker)) for user in PEOPLE}


async def due_dates(journey: Journey, dialogue_id: str, kind: str) -> list[date]:
    rows = await journey.services.store.reminders.pending_for(dialogue_id)
    return sorted({r.due_at.date() for r in rows if r.kind == kind})


async def test_a_day_moved_away_and_back_sends_its_reminders_for_that_date_once(journey: Journey):
    url, store, sweeper = journey.mock.url, journey.services.store, build_runner(journey.services).sweeper
    dialogue = await start_round(journey)
    await store.leaders.set(f.TEAM, "u-leader", "Lea Leder", by="u-leader", now=journey.clock.now())
    await set_day(journey, DAY)  # Tuesday 29 September
    await store.selections.save(selection_of(dialogue.id, journey.clock.now()))
    await journey.post(f.channel_mention(url, "annoncér", user="u-leader", name="Lea Leder"))
    confirm_id, _ = journey.cards_in(THREAD)[-1]
    await journey.post(thread_submit(url, {"verb": "themes.announce", "dialogue_id": dialogue.id}, user="u-leader", name="Lea Leder",
                                     reply_to=confirm_id))
    # 7 and 2 working days before the 29th: Friday 18 and Friday 25 September; the leader's 5: Tuesday 22.
    assert await due_dates(journey, dialogue.id, EVERYDAY_EXAMPLE_KIND) == [date(2026, 9, 18), date(2026, 9, 25)]
    assert await due_dates(journey, dialogue.id, LEADER_PREPARE_KIND) == [date(2026, 9, 22)]

    # Friday 18 September, 09:05: the week-to-go reminder goes to everyone.
    journey.clock.set(datetime(2026, 9, 18, 7, 5, tzinfo=timezone.utc))
    await sweeper.run_once()
    assert received(journey, EXAMPLE) == dict.fromkeys(PEOPLE, 1)

    # The same day the day moves to Tuesday 6 October: the 29th's rows left are dropped, the 6th's planned.
    await set_day(journey, {**DAY, "day_date": "2026-10-06"})
    assert await due_dates(journey, dialogue.id, EVERYDAY_EXAMPLE_KIND) == [date(2026, 9, 25), date(2026, 10, 2)]
    assert await due_dates(journey, dialogue.id, LEADER_PREPARE_KIND) == [date(2026, 9, 29)]

    # Monday 21 September it moves back to the 29th: the 29th's reminders still to come are planned
    # again; the one already sent (the 18th) is not, and nothing of the 6th is left.
    journey.clock.set(datetime(2026, 9, 21, 8, 0, tzinfo=timezone.utc))
    await set_day(journey, DAY)
    assert await due_dates(journey, dialogue.id, EVERYDAY_EXAMPLE_KIND) == [date(2026, 9, 25)]
    assert await due_dates(journey, dialogue.id, LEADER_PREPARE_KIND) == [date(2026, 9, 22)]

    # Each falls due and is sent once, however often the sweeper looks.
    for moment in (datetime(2026, 9, 22, 7, 5), datetime(2026, 9, 22, 12, 0), datetime(2026, 9, 25, 7, 5), datetime(2026, 9, 25, 12, 0),
                   datetime(2026, 9, 28, 7, 5), datetime(2026, 10, 2, 7, 5)):
        journey.clock.set(moment.replace(tzinfo=timezone.utc))
        await sweeper.run_once()
    assert received(journey, EXAMPLE) == dict.fromkeys(PEOPLE, 2)
    assert received(journey, PREPARE) == {**dict.fromkeys(PEOPLE, 0), "u-leader": 1}
    [prepare] = cards_with(journey, "u-leader", PREPARE)
    assert "tirsdag den 29. september 2026" in prepare
    assert await store.reminders.sent_count(dialogue.id, EVERYDAY_EXAMPLE_KIND) == 2 * len(PEOPLE)
    assert await store.reminders.sent_count(dialogue.id, LEADER_PREPARE_KIND) == 1
