"""The development plan on SQLite and PostgreSQL: versions and history, a stale save refused, the
first adopter wins, announcement once per version, and "seen" counted once per person."""
from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from bot.process.development_plan import DevelopmentPlan, Initiative, Level, Milestone, Phase

TEAM = "team-1"


def _initiative(n: int, **changes) -> Initiative:
    base = Initiative(
        id=f"i{n}", title=f"Indsats {n}", why="Fordi grupperne pegede på det",
        actions=("Fast morgenmøde", "Makkerordning"),
        milestones=(Milestone("m1", Phase.PLANNING, "Plan klar", date(2027, 1, 31)),
                    Milestone("m2", Phase.EXECUTION, "I gang", date(2027, 2, 28)),
                    Milestone("m3", Phase.EVALUATION, "Evalueret", date(2027, 6, 1),
                              done_at=datetime(2027, 6, 2, 9, tzinfo=timezone.utc))),
        follow_up="På personalemødet", owner_id="u-bo", owner_name="Bo", communication="Alle, på mødet i januar",
        iglo=((Level.INDIVIDUAL, "Hjælpe"), (Level.ORGANISATION, "Budget")), needs_organisation=True, ask="Budget")
    return replace(base, **changes)


def _plan(dialogue_id: str, clock, *initiatives: Initiative, by: str = "u-anna") -> DevelopmentPlan:
    return DevelopmentPlan(dialogue_id, initiatives, 0, by, clock.now())


async def test_a_plan_is_versioned_and_keeps_its_history(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    assert await store.plans.get(dialogue.id) is None
    first = await store.plans.save(_plan(dialogue.id, clock, _initiative(1)), expected_version=None)
    assert first is not None and first.version == 1 and first.initiatives == (_initiative(1),)
    assert first.edited_by == "u-anna" and first.edited_at == clock.now() and not first.adopted
    # a second "first" save (another card showing no plan) is stale
    assert await store.plans.save(_plan(dialogue.id, clock, _initiative(2)), expected_version=None) is None

    later = clock.now() + timedelta(minutes=3)
    second = await store.plans.save(replace(_plan(dialogue.id, clock, _initiative(1), _initiative(2), by="u-erik"),
                                            edited_at=later), expected_version=1)
    assert second is not None and second.version == 2 and second.edited_by == "u-erik" and second.edited_at == later
    assert await store.plans.save(_plan(dialogue.id, clock, _initiative(3)), expected_version=1) is None
    assert await store.plans.get(dialogue.id) == second
    history = await store.plans.history(dialogue.id)
    assert [(p.version, p.edited_by, len(p.initiatives)) for p in history] == [(1, "u-anna", 1), (2, "u-erik", 2)]
    assert await store.plans.dialogue_team(dialogue.id) == TEAM


async def test_two_saves_of_the_same_version_make_one(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    await store.plans.save(_plan(dialogue.id, clock, _initiative(1)), expected_version=None)
    saves = await asyncio.gather(*(store.plans.save(_plan(dialogue.id, clock, _initiative(n)), expected_version=1)
                                   for n in range(2, 6)))
    assert len([s for s in saves if s is not None]) == 1
    assert (await store.plans.get(dialogue.id)).version == 2


async def test_the_first_adopter_wins_and_announcement_is_once_per_version(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    assert await store.plans.adopt(dialogue.id, by="u-anna", now=clock.now()) is None  # no plan
    await store.plans.save(_plan(dialogue.id, clock, _initiative(1), _initiative(2)), expected_version=None)
    assert await store.plans.mark_announced(dialogue.id, 1) is False  # not adopted yet
    assert await store.plans.adopt(dialogue.id, by="u-anna", now=clock.now(), version=7) is None  # stale card
    results = await asyncio.gather(*(store.plans.adopt(dialogue.id, by=who, now=clock.now()) for who in ("u-anna", "u-erik")))
    adopted = [r for r in results if r is not None]
    assert len(adopted) == 1 and adopted[0].adopted and adopted[0].adopted_version == 1
    assert adopted[0].adopted_by in {"u-anna", "u-erik"} and adopted[0].adopted_at == clock.now()
    assert [p.dialogue_id for p in await store.plans.adopted()] == [dialogue.id]
    assert await store.plans.adopted(since=clock.now() + timedelta(seconds=1)) == []

    assert await store.plans.mark_announced(dialogue.id, 1) is True
    assert await store.plans.mark_announced(dialogue.id, 1) is False
    # edits after adoption stay in the history; the adoption stays as it was
    changed = await store.plans.save(_plan(dialogue.id, clock, _initiative(1, title="Ny titel"), _initiative(2)),
                                     expected_version=1)
    assert changed.version == 2 and changed.adopted_version == 1 and changed.adopted_by == adopted[0].adopted_by
    assert changed.announced_version == 1
    assert await store.plans.mark_announced(dialogue.id, 2) is True
    assert (await store.plans.get(dialogue.id)).announced_version == 2


async def test_seen_is_counted_once_per_person_and_is_the_persons_data(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    assert await store.plans.acknowledge(dialogue.id, "u-bo", 1, now=clock.now()) is True
    assert await store.plans.acknowledge(dialogue.id, "u-bo", 1, now=clock.now()) is False
    assert await store.plans.acknowledge(dialogue.id, "u-cai", 1, now=clock.now()) is True
    assert await store.plans.acknowledged(dialogue.id) == 2
    assert await store.plans.acknowledge(dialogue.id, "u-bo", 2, now=clock.now()) is True
    assert await store.plans.acknowledged(dialogue.id, 2) == 1
    assert await store.plans.acknowledgements_of("u-bo") == [(dialogue.id, TEAM, 2, clock.now())]
    assert await store.plans.forget_acknowledgements("u-bo") == 1
    assert await store.plans.acknowledgements_of("u-bo") == []
