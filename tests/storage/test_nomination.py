"""Nominations (bot/storage/nomination.py)."""
from __future__ import annotations

from datetime import timedelta

from bot.process.concept import Kind
from bot.process.nomination import NominationInput, ThemeChoice
from bot.process.people import Member


def nomination(why: str = "Fordi vi mangler tid 😊", theme: str = "social-support-trust") -> NominationInput:
    return NominationInput(
        ThemeChoice(Kind.WELLBEING, theme, None, why, "Så vi løser kerneopgaven bedre"),
        ThemeChoice(Kind.LEADERSHIP, "own", "Mødekultur", "Møder æder tiden", "Mere tid til borgerne"),
    )


async def open_round(store, clock, team="team-1"):
    return await store.dialogues.open_round(
        team_id=team, opened_by="u1", opened_at=clock.now(), deadline_at=clock.now() + timedelta(days=14),
        contact_name="Kim", named_mode=False, concept="nyborg",
    )


async def test_nomination_replaced_and_danish_text_survives(store, clock):
    rnd = await open_round(store, clock)
    await store.dialogues.add_invitees(rnd.id, [Member("u2", "Åse Ørum")])
    assert await store.nominations.save(rnd.id, "u2", nomination(), clock.now())
    assert not await store.nominations.save(rnd.id, "u2", nomination(), clock.now())  # double click
    assert await store.nominations.save(rnd.id, "u2", nomination("Ny grund æøå", "meaning-direction"), clock.now())
    records = await store.nominations.records(rnd.id)
    assert len(records) == 1
    assert records[0].name == "Åse Ørum"
    assert records[0].nomination.wellbeing.why_me == "Ny grund æøå"
    assert records[0].nomination.leadership.own_title == "Mødekultur"
    assert records[0].submitted_at.tzinfo is not None
    assert await store.nominations.respondents(rnd.id) == {"u2"}


async def test_a_nomination_reads_back_as_saved_and_is_deleted_once(store, clock):
    rnd = await open_round(store, clock)
    assert await store.nominations.get(rnd.id, "u2") is None
    await store.nominations.save(rnd.id, "u2", nomination(), clock.now())
    assert await store.nominations.get(rnd.id, "u2") == nomination()
    assert await store.nominations.delete(rnd.id, "u2")
    assert not await store.nominations.delete(rnd.id, "u2")
    assert await store.nominations.get(rnd.id, "u2") is None and await store.nominations.respondents(rnd.id) == set()


async def test_a_paper_form_is_marked_and_the_colleagues_own_answer_clears_the_mark(store, clock):
    rnd = await open_round(store, clock)
    await store.dialogues.add_invitees(rnd.id, [Member("u2", "Åse Ørum"), Member("u3", "Bo")])
    assert await store.nominations.save(rnd.id, "u2", nomination(), clock.now(), entered_by="u-kim")
    assert not await store.nominations.save(rnd.id, "u2", nomination(), clock.now(), entered_by="u-kim")  # double click
    await store.nominations.save(rnd.id, "u3", nomination(), clock.now())
    assert await store.nominations.entered_by(rnd.id, "u2") == "u-kim"
    assert await store.nominations.entries(rnd.id) == {"u2": "u-kim", "u3": None}
    assert [r.entered_by for r in await store.nominations.records(rnd.id) if r.user_id == "u2"] == ["u-kim"]
    # The colleague later answers on their own card with the same themes: still a change (who entered it).
    assert await store.nominations.save(rnd.id, "u2", nomination(), clock.now())
    assert await store.nominations.entered_by(rnd.id, "u2") is None
    assert await store.nominations.entries(rnd.id) == {"u2": None, "u3": None}
    assert await store.nominations.entered_by(rnd.id, "nobody") is None
