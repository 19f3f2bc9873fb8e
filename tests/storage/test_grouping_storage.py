"""The grouping of a dialogue (bot/storage/grouping.py): saved, read back as it was formed,
versioned, and a stale card's save refused."""
from __future__ import annotations

from datetime import timedelta

from bot.process.grouping import form_groups, regroup


def people(n: int) -> list[str]:
    return [f"29:user-{i:02d}" for i in range(n)]


async def test_a_grouping_is_read_back_as_formed_with_its_absentees_and_version(store, clock):
    dialogue = await store.dialogues.ensure_dialogue("team-1", clock.now())
    assert await store.groupings.get(dialogue.id) is None
    assert await store.groupings.absent(dialogue.id) == set()
    assert await store.groupings.record(dialogue.id) is None

    grouping = form_groups(people(13), seed=dialogue.id)
    assert await store.groupings.save(dialogue.id, grouping, absent=(), by="u-leader", now=clock.now()) == 1
    assert await store.groupings.get(dialogue.id) == grouping
    saved = await store.groupings.record(dialogue.id)
    assert (saved.version, saved.formed_by, saved.formed_at, saved.first_held) == (1, "u-leader", clock.now(), None)
    assert await store.groupings.team_of(dialogue.id) == "team-1"
    assert await store.groupings.team_of("nope") is None

    clock.advance(timedelta(minutes=5))
    later = regroup(grouping, absent={"29:user-03", "29:user-07"})
    version = await store.groupings.save(dialogue.id, later, absent={"29:user-03", "29:user-07"}, by="u-tr", now=clock.now(),
                                         first_held=False, expected_version=1)
    assert version == 2
    assert await store.groupings.get(dialogue.id) == later
    assert await store.groupings.absent(dialogue.id) == {"29:user-03", "29:user-07"}
    saved = await store.groupings.record(dialogue.id)
    assert (saved.version, saved.formed_by, saved.first_held) == (2, "u-tr", False)

    # A card that showed version 1 may not overwrite version 2; first_held None keeps what was stored.
    assert await store.groupings.save(dialogue.id, grouping, absent=(), by="u-x", now=clock.now(), expected_version=1) is None
    assert await store.groupings.get(dialogue.id) == later
    assert await store.groupings.save(dialogue.id, grouping, absent=(), by="u-x", now=clock.now()) == 3
    assert (await store.groupings.record(dialogue.id)).first_held is False

    await store.groupings.delete(dialogue.id)
    assert await store.groupings.get(dialogue.id) is None


async def test_groupings_of_two_dialogues_are_apart(store, clock):
    one = await store.dialogues.ensure_dialogue("team-1", clock.now())
    two = await store.dialogues.ensure_dialogue("team-2", clock.now())
    await store.groupings.save(one.id, form_groups(people(6), seed=one.id), absent=(), by="u", now=clock.now())
    await store.groupings.save(two.id, form_groups(people(9), seed=two.id), absent=["29:user-01"], by="u", now=clock.now())
    assert sum(len(g) for g in (await store.groupings.get(one.id)).wellbeing) == 6
    assert await store.groupings.absent(one.id) == set()
    assert await store.groupings.absent(two.id) == {"29:user-01"}
