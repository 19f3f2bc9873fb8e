"""Planning-group members (bot/storage/planning_group.py)."""
from __future__ import annotations

from datetime import timedelta

from bot.process.people import Member


async def test_planning_group(store, clock):
    await store.planning_group.add("t", "u1", "Leder", added_by="u1", now=clock.now())
    clock.advance(timedelta(seconds=1))
    await store.planning_group.add("t", "u2", "TR", added_by="u1", now=clock.now())
    await store.planning_group.add("t", "u2", "TR", added_by="u1", now=clock.now())
    assert [m.user_id for m in await store.planning_group.members("t")] == ["u1", "u2"]
    await store.planning_group.remove("t", "u2")
    assert [m.user_id for m in await store.planning_group.members("t")] == ["u1"]


async def test_members_are_plain_members_and_teams_are_found_by_person(store, clock):
    await store.planning_group.add("t1", "u1", "Lea", added_by="u1", now=clock.now())
    await store.planning_group.add("t2", "u1", "Lea", added_by="u1", now=clock.now())
    assert await store.planning_group.members("t1") == [Member("u1", "Lea")]
    assert sorted(await store.planning_group.teams_of("u1")) == ["t1", "t2"]
    assert await store.planning_group.teams_of("nobody") == []
