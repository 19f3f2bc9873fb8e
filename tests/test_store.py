"""Contract tests of the store; each runs on SQLite and on PostgreSQL."""
from __future__ import annotations

from datetime import timedelta

import pytest

from bot.process.concept import Kind
from bot.process.nomination import NominationInput, ThemeChoice
from bot.storage.store import Member, RoundAlreadyOpen


def nomination(why: str = "Fordi vi mangler tid 😊", theme: str = "social-support-trust") -> NominationInput:
    return NominationInput(
        ThemeChoice(Kind.WELLBEING, theme, None, why, "Så vi løser kerneopgaven bedre"),
        ThemeChoice(Kind.LEADERSHIP, "own", "Mødekultur", "Møder æder tiden", "Mere tid til borgerne"),
    )


async def open_round(store, clock, team="team-1"):
    return await store.open_round(
        team_id=team, opened_by="u1", opened_at=clock.now(), deadline_at=clock.now() + timedelta(days=14),
        contact_name="Kim", named_mode=False, concept="nyborg",
    )


async def test_activity_claimed_once(store, clock):
    assert await store.claim_activity("conv|a1", clock.now())
    assert not await store.claim_activity("conv|a1", clock.now())
    await store.release_activity("conv|a1")
    assert await store.claim_activity("conv|a1", clock.now())


async def test_only_one_open_round_per_team(store, clock):
    first = await open_round(store, clock)
    with pytest.raises(RoundAlreadyOpen):
        await open_round(store, clock)
    clock.advance(timedelta(days=15))
    second = await open_round(store, clock)
    assert second.id != first.id
    closed = await store.get_round(first.id)
    assert closed.closed_at == first.deadline_at
    assert (await store.latest_round("team-1")).id == second.id


async def test_nomination_replaced_and_danish_text_survives(store, clock):
    rnd = await open_round(store, clock)
    await store.add_round_members(rnd.id, [Member("u2", "Åse Ørum")])
    assert await store.save_nomination(rnd.id, "u2", nomination(), clock.now())
    assert not await store.save_nomination(rnd.id, "u2", nomination(), clock.now())  # double click
    assert await store.save_nomination(rnd.id, "u2", nomination("Ny grund æøå", "meaning-direction"), clock.now())
    records = await store.nomination_records(rnd.id)
    assert len(records) == 1
    assert records[0].name == "Åse Ørum"
    assert records[0].nomination.wellbeing.why_me == "Ny grund æøå"
    assert records[0].nomination.leadership.own_title == "Mødekultur"
    assert records[0].submitted_at.tzinfo is not None
    assert await store.respondents(rnd.id) == {"u2"}


async def test_round_members_and_delivery(store, clock):
    rnd = await open_round(store, clock)
    await store.add_round_members(rnd.id, [Member("u1", "A"), Member("u2", "B"), Member("u1", "A")])
    await store.record_card_delivery(rnd.id, "u2", delivery="unreachable", reason="blocked")
    members = {m.user_id: m for m in await store.round_members(rnd.id)}
    assert set(members) == {"u1", "u2"}
    assert members["u2"].delivery == "unreachable"
    assert [r.id for r in await store.rounds_for_member("u1")] == [rnd.id]


async def test_planning_group(store, clock):
    await store.add_planning_member("t", "u1", "Leder", added_by="u1", now=clock.now())
    clock.advance(timedelta(seconds=1))
    await store.add_planning_member("t", "u2", "TR", added_by="u1", now=clock.now())
    await store.add_planning_member("t", "u2", "TR", added_by="u1", now=clock.now())
    assert [m.user_id for m in await store.planning_group("t")] == ["u1", "u2"]
    await store.remove_planning_member("t", "u2")
    assert [m.user_id for m in await store.planning_group("t")] == ["u1"]


async def test_person_language_preference(store, clock):
    await store.upsert_person(user_id="u1", tenant_id="ten", now=clock.now(), name="Alex", conversation_id="c1", service_url="http://x")
    await store.set_language("u1", "en", tenant_id="ten", now=clock.now())
    person = await store.get_person("u1")
    assert (person.lang, person.conversation_id, person.name) == ("en", "c1", "Alex")
