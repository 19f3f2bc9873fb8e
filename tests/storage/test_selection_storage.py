"""The chosen themes (bot/storage/selection.py), on SQLite and PostgreSQL."""
from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.process.concept import Kind
from bot.process.selection import ChosenTheme, Selection, SelectionInput


def themes(reason: str = "Flest har foreslået det 👍", leadership: str = "shared-direction-goals") -> SelectionInput:
    return SelectionInput(
        ChosenTheme(Kind.WELLBEING, "own", "Mere tid til borgerne", reason, 3),
        ChosenTheme(Kind.LEADERSHIP, leadership, None, "Det hører vi mest om i hverdagen – også i APV'en", 0),
    )


async def test_a_choice_reads_back_as_saved_and_another_member_replaces_it(store, clock):
    dialogue = await store.dialogues.ensure_dialogue("team-1", clock.now())
    assert await store.selections.get(dialogue.id) is None
    first = Selection(dialogue.id, themes(), "u-leader", clock.now())
    assert await store.selections.save(first) == first
    got = await store.selections.get(dialogue.id)
    assert got == first and got.chosen_at.tzinfo is not None and got.announced_at is None
    assert got.themes.wellbeing.own_title == "Mere tid til borgerne" and got.themes.wellbeing.nominations == 3

    changed = Selection(dialogue.id, themes(leadership="communication-collaboration-culture"), "u-tr", clock.now() + timedelta(minutes=5))
    assert await store.selections.save(changed) == changed
    assert (await store.selections.get(dialogue.id)).chosen_by == "u-tr"
    assert (await store.selections.dialogue(dialogue.id)).team_id == "team-1"
    assert await store.selections.dialogue("no-such-dialogue") is None


async def test_once_announced_the_choice_is_fixed(store, clock):
    dialogue = await store.dialogues.ensure_dialogue("team-1", clock.now())
    assert await store.selections.mark_announced(dialogue.id, clock.now()) is None  # nothing chosen yet
    await store.selections.save(Selection(dialogue.id, themes(), "u-leader", clock.now()))
    told_at = clock.now() + timedelta(days=1)
    announced = await store.selections.mark_announced(dialogue.id, told_at)
    assert announced is not None and announced.announced_at == told_at
    assert await store.selections.mark_announced(dialogue.id, told_at + timedelta(hours=1)) is None  # once
    assert await store.selections.save(Selection(dialogue.id, themes("Ændret"), "u-tr", told_at)) is None
    stored = await store.selections.get(dialogue.id)
    assert stored.themes.wellbeing.reason == "Flest har foreslået det 👍" and stored.announced_at == told_at


async def test_two_announcements_racing_have_one_winner(store, clock):
    dialogue = await store.dialogues.ensure_dialogue("team-1", clock.now())
    await store.selections.save(Selection(dialogue.id, themes(), "u-leader", clock.now()))
    results = await asyncio.gather(*(store.selections.mark_announced(dialogue.id, clock.now() + timedelta(seconds=i))
                                     for i in range(6)))
    winners = [r for r in results if r is not None]
    assert len(winners) == 1
    assert (await store.selections.get(dialogue.id)).announced_at == winners[0].announced_at


async def test_a_change_racing_the_announcement_never_undoes_it(store, clock):
    dialogue = await store.dialogues.ensure_dialogue("team-1", clock.now())
    await store.selections.save(Selection(dialogue.id, themes(), "u-leader", clock.now()))
    change = Selection(dialogue.id, themes("Ændret"), "u-tr", clock.now())
    saved, announced = await asyncio.gather(store.selections.save(change), store.selections.mark_announced(dialogue.id, clock.now()))
    stored = await store.selections.get(dialogue.id)
    assert announced is not None and stored.announced_at is not None
    # Either the change came first and was announced, or it came after and stored nothing.
    assert stored.themes == (change.themes if saved is not None else themes())


async def test_the_reasons_a_member_wrote_are_in_their_data_export(store, clock):
    from bot.process.my_data import export_document

    dialogue = await store.dialogues.ensure_dialogue("team-1", clock.now())
    await store.selections.save(Selection(dialogue.id, themes(), "u-tr", clock.now()))
    data = await store.my_data.personal_data("u-tr", now=clock.now())
    [stored] = data.theme_selections
    assert stored.dialogue_id == dialogue.id and stored.selection.themes == themes()
    exported = export_document(data, exported_at=clock.now())["theme_selections"]
    assert exported[0]["wellbeing"]["reason"] == "Flest har foreslået det 👍" and exported[0]["announced_at"] is None
    assert (await store.my_data.personal_data("u-leader", now=clock.now())).theme_selections == ()
