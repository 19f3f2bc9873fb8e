"""Preparing the everyday examples (step 6), end to end through the real app, adapter and the mock
Bot Connector: the card, private notes saved in place, the ready toggle, reminders to those not
ready (7 and 2 working days before the day, in working hours), the planning group's counts without
names, the notes shown back on the day, and "mine data" showing and deleting them.

The dialogue is seeded through the storage APIs (the themes chosen and announced, the day set,
people invited, the reminders planned as the announcement plans them); the rules are unit-tested
in tests/test_everyday_example.py.
"""
from __future__ import annotations

import itertools
import json
from datetime import date, datetime, time, timezone

import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

import factories as f
from bot.app import Overrides, create_app
from bot.process.clock import FixedClock
from bot.settings import Settings
from bot.teams.connector import ConnectorClient
from mock_connector import MockBotConnector
from bot.process.concept import Kind
from bot.process.everyday_example import EVERYDAY_EXAMPLE_KIND, ExampleNotes, plan_example_reminders
from bot.process.invitation import Answer, DialogueDay
from bot.process.people import Member
from bot.process.selection import ChosenTheme, Selection, SelectionInput
from bot.scheduler.runner import build_runner
from test_journey import ROSTER, Journey

DAY = DialogueDay(date(2026, 9, 21), time(8, 0), "Lokale 2")  # a Monday
REMINDER = "Husk at forberede dit eksempel fra hverdagen"
NOTE = "Da vi fik ny kollega og alle tog imod hende 😊 **fed**"


@pytest_asyncio.fixture
async def journey(tmp_path):
    """test_journey's fixture, with the mock connector's clock a second on per request: Bo's chat
    gets more replies in this story than Teams allows in one real second, and no test sleeps."""
    clock = FixedClock(datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc))  # Tuesday 10:00 in Copenhagen
    seconds = itertools.count()
    async with MockBotConnector(clock=lambda: float(next(seconds))) as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=ROSTER)
        settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", _env_file=None)
        app = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(app)) as client:
            yield Journey(client, mock, clock)


def text_of(card: dict) -> str:
    return json.dumps(card, ensure_ascii=False)


async def seed(journey: Journey) -> str:
    """A team whose planning group chose and announced the themes, set the day and invited everyone."""
    url, services, now = journey.mock.url, journey.services, journey.clock.now()
    await journey.post(f.bot_added_to_team(url))
    store = services.store
    await store.planning_group.add(f.TEAM, "u-leader", "Lea Leder", added_by="u-leader", now=now)
    dialogue = await store.dialogues.ensure_dialogue(f.TEAM, now)
    themes = SelectionInput(ChosenTheme(Kind.WELLBEING, "social-support-trust", None, "Flest ønskede det", 3),
                            ChosenTheme(Kind.LEADERSHIP, "own", "Mødekultur", "Det fylder i hverdagen", 2))
    await store.selections.save(Selection(dialogue.id, themes, "u-leader", now))
    assert await store.selections.mark_announced(dialogue.id, now) is not None
    await store.invitations.set_day(dialogue.id, DAY, by="u-leader", now=now)
    await store.invitations.invite(dialogue.id, [Member(m["id"], m["name"]) for m in ROSTER])
    for m in ROSTER:  # everyone has a 1:1 chat with the bot (the invitation went there)
        journey.mock.add_conversation(f"a:{m['id']}", tenant_id=f.TENANT)
        await store.people.remember(user_id=m["id"], tenant_id=f.TENANT, now=now, name=m["name"], conversation_id=f"a:{m['id']}",
                                    service_url=url)
    plans = plan_example_reminders(dialogue_id=dialogue.id, team_id=f.TEAM, day=DAY, invitation_sent_at=now,
                                   recipients=[m["id"] for m in ROSTER], window=services.window)
    await store.reminders.add(plans)
    return dialogue.id


async def say(journey: Journey, user: str, text: str) -> None:
    await journey.post(f.personal_message(journey.mock.url, text, user=user, conversation=f"a:{user}"))


async def press(journey: Journey, user: str, value: dict, card_id: str | None) -> None:
    await journey.post(f.personal_submit(journey.mock.url, value, user=user, conversation=f"a:{user}", reply_to=card_id))


def cards_with(journey: Journey, user: str, marker: str) -> list[tuple[str, dict]]:
    return [(aid, c) for aid, c in journey.cards_in(f"a:{user}") if marker in text_of(c)]


def card_now(journey: Journey, user: str, card_id: str) -> str:
    return text_of(journey.mock.activities_in(f"a:{user}")[card_id]["attachments"][0]["content"])


async def test_prepare_save_ready_reminders_counts_the_day_and_my_data(journey: Journey):
    services, store = journey.services, journey.services.store
    d = await seed(journey)

    # The reminders are planned 7 and 2 working days before the day, at 09:00 Copenhagen time.
    due = sorted({r.due_at for r in await store.reminders.pending_for(d) if r.kind == EVERYDAY_EXAMPLE_KIND})
    assert due == [datetime(2026, 9, 10, 7, 0, tzinfo=timezone.utc), datetime(2026, 9, 17, 7, 0, tzinfo=timezone.utc)]

    # Bo types "forbered": his card shows both themes, the guide's hints, the day and two note fields.
    await say(journey, "u-bo", "forbered")
    [(card_id, card)] = cards_with(journey, "u-bo", "example.save")
    shown = text_of(card)
    assert "Social støtte og tillid" in shown and "Mødekultur" in shown and "mandag den 21. september 2026" in shown
    assert "fungerer fint i hverdagen" in shown and "Noterne kan kun ses af dig" in shown
    assert '"wellbeing_note"' in shown and '"leadership_note"' in shown and "2026-09-21" not in shown

    # He saves a note: the card is updated in place, the note stays in its field.
    save = {"verb": "example.save", "dialogue_id": d, "wellbeing_note": NOTE, "leadership_note": ""}
    await press(journey, "u-bo", save, card_id)
    assert "Dine noter er gemt" in card_now(journey, "u-bo", card_id) and NOTE in card_now(journey, "u-bo", card_id)
    assert await store.examples.notes(d, "u-bo") == ExampleNotes(NOTE, "")
    await press(journey, "u-bo", save, card_id)  # the same click again changes nothing
    assert "Dine noter var allerede gemt" in card_now(journey, "u-bo", card_id)

    # A note too long for the field: refused on the card, nothing stored.
    await press(journey, "u-bo", {**save, "leadership_note": "x" * 2001}, card_id)
    assert "Højst 2000 tegn" in card_now(journey, "u-bo", card_id)
    assert await store.examples.notes(d, "u-bo") == ExampleNotes(NOTE, "")

    # He is ready: the card turns to "not ready after all".
    await press(journey, "u-bo", {**save, "verb": "example.ready", "ready": True}, card_id)
    assert '"ready": false' in card_now(journey, "u-bo", card_id) and "Du har meldt dig klar" in card_now(journey, "u-bo", card_id)
    assert await store.examples.ready(d) == {"u-bo"}

    # Cecilie cannot come, Dorte is coming. Someone not invited, or a card naming another
    # workplace's dialogue, is refused.
    await store.invitations.answer(d, "u-cecilie", Answer.CANNOT_COME, now=journey.clock.now())
    await store.invitations.answer(d, "u-dorte", Answer.COMING, now=journey.clock.now())
    other = (await store.dialogues.ensure_dialogue("team-other", journey.clock.now())).id
    await press(journey, "u-erik", {"verb": "example.save", "dialogue_id": other, "wellbeing_note": "forfalsket"}, None)
    assert await store.examples.notes(other, "u-erik") == ExampleNotes()
    assert "ikke inviteret" in journey.texts_in("a:u-erik")[-1]

    # The planning group sees counts only: no names, no notes. Erik is not in the planning group.
    await say(journey, "u-leader", "forberedelse")
    [(_, counts)] = cards_with(journey, "u-leader", "Forberedelse til udviklingsdialogen")
    facts = {fact["title"]: fact["value"] for block in counts["body"] if block["type"] == "FactSet" for fact in block["facts"]}
    assert facts == {"Inviterede": "5", "Kommer": "1", "Kan ikke komme": "1", "Har ikke svaret på invitationen": "3",
                     "Klar med eksempler": "1 af 5"}
    assert not any(who in text_of(counts) for who in ("Bo Bæk", "u-bo", "Dorte", "Cecilie")) and NOTE not in text_of(counts)
    await say(journey, "u-erik", "forberedelse")
    assert not cards_with(journey, "u-erik", "Forberedelse til udviklingsdialogen")

    # Thursday 10 September, 09:05: the first reminder reaches those not ready who can come.
    sweeper = build_runner(services).sweeper
    journey.clock.set(datetime(2026, 9, 10, 6, 55, tzinfo=timezone.utc))  # 08:55: not yet
    await sweeper.run_once()
    assert not any(cards_with(journey, m["id"], REMINDER) for m in ROSTER)
    journey.clock.set(datetime(2026, 9, 10, 7, 5, tzinfo=timezone.utc))
    await sweeper.run_once()
    reminded = {m["id"]: len(cards_with(journey, m["id"], REMINDER)) for m in ROSTER}
    assert reminded == {"u-leader": 1, "u-bo": 0, "u-cecilie": 0, "u-dorte": 1, "u-erik": 1}
    reminder_id, reminder = cards_with(journey, "u-dorte", REMINDER)[0]
    assert "mandag den 21. september 2026" in text_of(reminder) and "Mødekultur" in text_of(reminder)

    # Dorte presses the reminder's button and marks herself ready; Bo is not ready after all.
    await press(journey, "u-dorte", {"verb": "example.show", "dialogue_id": d}, reminder_id)
    dorte_card = cards_with(journey, "u-dorte", "example.save")[-1][0]
    await press(journey, "u-dorte", {"verb": "example.ready", "dialogue_id": d, "ready": True}, dorte_card)
    await press(journey, "u-bo", {"verb": "example.ready", "dialogue_id": d, "ready": False, "wellbeing_note": NOTE}, card_id)
    assert await store.examples.ready(d) == {"u-dorte"} and await store.examples.notes(d, "u-bo") == ExampleNotes(NOTE, "")

    # Thursday 17 September: the second reminder, to those not ready then (Bo again, not Dorte).
    journey.clock.set(datetime(2026, 9, 17, 7, 5, tzinfo=timezone.utc))
    await sweeper.run_once()
    reminded = {m["id"]: len(cards_with(journey, m["id"], REMINDER)) for m in ROSTER}
    assert reminded == {"u-leader": 2, "u-bo": 1, "u-cecilie": 0, "u-dorte": 1, "u-erik": 2}
    dropped = {r.recipient_id: r.reason for r in await store.reminders.pending_for(d)}
    assert dropped == {}  # nothing left waiting

    # On the day Bo opens "forbered": his notes, read-only, "Dine noter til i dag".
    journey.clock.set(datetime(2026, 9, 21, 5, 30, tzinfo=timezone.utc))
    await say(journey, "u-bo", "forbered")
    [(_, today)] = cards_with(journey, "u-bo", "Dine noter til i dag")
    assert NOTE in text_of(today) and "Action.Submit" not in text_of(today)

    # "Mine data" shows the notes and deletes them after a confirmation; a second press finds nothing.
    await say(journey, "u-bo", "mine data")
    [(_, data)] = cards_with(journey, "u-bo", "example.delete")
    assert NOTE in text_of(data)
    await press(journey, "u-bo", {"verb": "data.export"}, None)
    assert any("everyday_example_notes" in text_of(c) for _, c in journey.cards_in("a:u-bo"))
    await press(journey, "u-bo", {"verb": "example.delete", "dialogue_id": d}, None)
    [(confirm_id, _)] = cards_with(journey, "u-bo", "example.delete.confirm")
    await press(journey, "u-bo", {"verb": "example.delete.confirm", "dialogue_id": d}, confirm_id)
    assert "Dine noter er slettet" in journey.texts_in("a:u-bo")[-1]
    assert await store.examples.notes(d, "u-bo") == ExampleNotes()
    await press(journey, "u-bo", {"verb": "example.delete.confirm", "dialogue_id": d}, confirm_id)
    assert "Der var ingen noter at slette" in journey.texts_in("a:u-bo")[-1]
    assert "example.notes_deleted" in [e.action for e in await store.audit.entries(actor="u-bo")]
