"""Everyday examples (bot/storage/everyday_example.py): private notes and ready marks, "mine data",
and deletion by retention, on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date, time, timedelta

from bot.process.everyday_example import EVERYDAY_EXAMPLE_KIND, ExampleNotes, Preparation
from bot.process.invitation import DialogueDay
from bot.process.reminders import ReminderPlan


async def a_dialogue(store, clock, team: str = "team-1") -> str:
    return (await store.dialogues.ensure_dialogue(team, clock.now())).id


async def test_notes_read_back_as_saved_and_a_double_click_changes_nothing(store, clock):
    d = await a_dialogue(store, clock)
    assert await store.examples.notes(d, "u1") == ExampleNotes()
    assert await store.examples.preparation(d, "u1") == Preparation()
    notes = ExampleNotes("Da vi fik ny kollega 😊\nåh ja", "Mødet om vagtplanen **fed**")
    assert await store.examples.save_notes(d, "u1", notes, now=clock.now())
    assert not await store.examples.save_notes(d, "u1", notes, now=clock.now())
    assert await store.examples.notes(d, "u1") == notes
    assert await store.examples.notes(d, "u2") == ExampleNotes()  # nobody else's
    clock.advance(timedelta(minutes=5))
    assert await store.examples.save_notes(d, "u1", ExampleNotes("", "Kun ledelse"), now=clock.now())
    saved = await store.examples.preparation(d, "u1")
    assert saved.notes == ExampleNotes("", "Kun ledelse") and saved.updated_at == clock.now() and not saved.ready


async def test_ready_marks_keep_the_notes_and_can_be_taken_back(store, clock):
    d = await a_dialogue(store, clock)
    await store.examples.save_notes(d, "u1", ExampleNotes("a", "b"), now=clock.now())
    first = clock.now()
    assert await store.examples.mark_ready(d, "u1", True, now=first)
    clock.advance(timedelta(hours=1))
    assert not await store.examples.mark_ready(d, "u1", True, now=clock.now())  # the first moment stays
    assert await store.examples.mark_ready(d, "u2", True, now=clock.now())  # ready without notes
    assert await store.examples.ready(d) == {"u1", "u2"}
    prep = await store.examples.preparation(d, "u1")
    assert prep.ready and prep.ready_at == first and prep.notes == ExampleNotes("a", "b")
    assert await store.examples.mark_ready(d, "u2", False, now=clock.now())
    assert not await store.examples.mark_ready(d, "u2", False, now=clock.now())
    assert await store.examples.ready(d) == {"u1"}
    other = await a_dialogue(store, clock, "team-2")
    assert await store.examples.ready(other) == set()


async def test_my_data_shows_the_notes_and_deleting_them_is_once(store, clock):
    d = await a_dialogue(store, clock)
    await store.workplaces.upsert(team_id="team-1", tenant_id="t", service_url="https://s", channel_id="c", name="Hjemmeplejen Nord", concept="nyborg",
                                  now=clock.now())
    await store.examples.save_notes(d, "u1", ExampleNotes("Mit eksempel", ""), now=clock.now())
    await store.examples.mark_ready(d, "u1", True, now=clock.now())
    data = await store.my_data.personal_data("u1", now=clock.now())
    [stored] = data.example_notes
    assert (stored.dialogue_id, stored.team_name, stored.wellbeing, stored.leadership) == (d, "Hjemmeplejen Nord", "Mit eksempel", "")
    assert stored.ready_at == clock.now() and not data.is_empty
    assert (await store.my_data.personal_data("u2", now=clock.now())).example_notes == ()
    assert await store.examples.team_of(d) == "team-1"
    assert await store.examples.delete(d, "u1")
    assert not await store.examples.delete(d, "u1")
    assert (await store.my_data.personal_data("u1", now=clock.now())).example_notes == ()


async def test_retention_deletes_notes_a_month_after_the_day_and_the_example_reminders_with_them(store, clock):
    old, recent, without_day = [await a_dialogue(store, clock, team) for team in ("team-old", "team-new", "team-noday")]
    await store.invitations.set_day(old, DialogueDay(date(2026, 9, 10), time(8, 0), "Lokale 2"), by="u-lea", now=clock.now())
    await store.invitations.set_day(recent, DialogueDay(date(2026, 10, 1), time(8, 0), "Lokale 2"), by="u-lea", now=clock.now())
    for d in (old, recent, without_day):
        await store.examples.save_notes(d, "u1", ExampleNotes("noter", "noter"), now=clock.now())
    await store.reminders.add([ReminderPlan(f"{EVERYDAY_EXAMPLE_KIND}:{old}:2026-09-10:u1:1", EVERYDAY_EXAMPLE_KIND, "team-old", old, "u1", 1,
                                            clock.now())])
    # 11 October 2026: 31 days after the old day, 10 after the recent one; the one without a day
    # keeps its notes until 30 days after 1 December of its cycle.
    clock.set(clock.now().replace(month=10, day=11))
    assert await store.retention.delete_expired_example_notes(now=clock.now()) == 1
    assert await store.examples.notes(old, "u1") == ExampleNotes()
    assert await store.examples.notes(recent, "u1") == ExampleNotes("noter", "noter")
    assert await store.examples.notes(without_day, "u1") == ExampleNotes("noter", "noter")
    assert await store.reminders.pending_for(old) == []
    assert await store.retention.delete_expired_example_notes(now=clock.now()) == 0
    clock.set(clock.now().replace(year=2027, month=1, day=1))
    assert await store.retention.delete_expired_example_notes(now=clock.now()) == 2
