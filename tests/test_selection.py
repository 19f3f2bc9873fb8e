"""Choosing the day's themes: what the card offers, what it accepts, who may choose and until when."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.concepts import load_concept
from bot.process.concept import Kind
from bot.process.nomination import NominationInput, ThemeChoice
from bot.process.selection import (
    CONSIDERATIONS,
    SelectionInvalid,
    SelectionRefused,
    announce,
    check_may_select,
    choose,
    parse_selection,
    tally_pointers,
    theme_choices,
)
from bot.process.tally import NominationRecord, tally

CONCEPT = load_concept("nyborg")
W, L = Kind.WELLBEING, Kind.LEADERSHIP
WB = [t.id for t in CONCEPT.catalogue(W).themes]
LD = [t.id for t in CONCEPT.catalogue(L).themes]
OWN = CONCEPT.catalogue(W).own_proposal.id
NOW = datetime(2026, 9, 20, 10, 0, tzinfo=timezone.utc)


def record(user: str, wb: str, ld: str, *, wb_title: str | None = None, why: str = "fordi") -> NominationRecord:
    return NominationRecord(user, user, NominationInput(
        ThemeChoice(W, wb, wb_title, why, "kerneopgaven"), ThemeChoice(L, ld, None, why, "kerneopgaven")), NOW)


TALLY = tally(CONCEPT, [
    record("u1", WB[2], LD[0]),
    record("u2", WB[2], LD[1]),
    record("u3", OWN, LD[1], wb_title="Mere  tid til borgerne"),
    record("u4", OWN, LD[0], wb_title="mere tid til borgerne", why="en meget lang begrundelse " * 5),
], round_id="r1", invited=6, named_mode=False)


def values(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "wellbeing_theme": WB[2], "wellbeing_reason": "Flest har foreslået det.",
        "leadership_theme": LD[1], "leadership_reason": "Det hører vi mest om i hverdagen.",
    }
    base.update(overrides)
    return base


def test_the_guides_considerations_are_there_in_its_words_and_in_order() -> None:
    assert [c.id for c in CONSIDERATIONS] == [
        "most_nominated", "fills_most_in_inputs", "heard_in_daily_work", "apv_kom", "best_dialogue", "leader_theme"]
    assert CONSIDERATIONS[1].question("da") == "Hvilket tema fylder mest i de inputs, vi har fået fra medarbejderne?"
    assert all(c.question("da") and c.question("en") and c.question("da") != c.question("en") for c in CONSIDERATIONS)
    assert {c.id for c in CONSIDERATIONS if c.from_tally} == {"most_nominated", "fills_most_in_inputs"}


def test_the_tally_points_at_the_most_nominated_and_the_most_written_with_ties() -> None:
    pointers = tally_pointers(TALLY.kinds[W])
    assert {t.theme_id for t in pointers["most_nominated"]} == {WB[2], "own:mere tid til borgerne"}
    assert [t.theme_id for t in pointers["fills_most_in_inputs"]] == ["own:mere tid til borgerne"]
    empty = tally(CONCEPT, [], round_id="r1", invited=3, named_mode=False)
    assert tally_pointers(empty.kinds[L]) == {"most_nominated": (), "fills_most_in_inputs": ()}


def test_the_card_offers_the_nominated_first_then_the_catalogue_then_an_own_proposal() -> None:
    offered = theme_choices(CONCEPT, W, TALLY)
    ids = [value for value, _, _ in offered]
    assert ids[:2] in ([WB[2], "own:mere tid til borgerne"], ["own:mere tid til borgerne", WB[2]])
    assert set(ids[2:-1]) == set(WB) - {WB[2]} and ids[-1] == OWN
    assert len(ids) == len(set(ids))
    assert [value for value, _, _ in theme_choices(CONCEPT, L, None)] == LD + [OWN]  # no nominations: the catalogue


def test_a_nominated_theme_a_catalogue_theme_and_counts() -> None:
    chosen = parse_selection(CONCEPT, TALLY, values(leadership_theme=LD[4]))
    assert (chosen.wellbeing.theme_id, chosen.wellbeing.nominations, chosen.wellbeing.own_title) == (WB[2], 2, None)
    assert (chosen.leadership.theme_id, chosen.leadership.nominations) == (LD[4], 0)  # nominated by nobody: allowed
    assert chosen.wellbeing.reason == "Flest har foreslået det."


def test_a_nominated_own_proposal_keeps_its_title() -> None:
    chosen = parse_selection(CONCEPT, TALLY, values(wellbeing_theme="own:mere tid til borgerne"))
    assert (chosen.wellbeing.theme_id, chosen.wellbeing.own_title, chosen.wellbeing.nominations) == (OWN, "Mere  tid til borgerne", 2)


def test_a_new_own_proposal_needs_a_title_on_one_line() -> None:
    chosen = parse_selection(CONCEPT, TALLY, values(leadership_theme=OWN, leadership_own_title="Tydelige\nforventninger"))
    assert (chosen.leadership.theme_id, chosen.leadership.own_title, chosen.leadership.nominations) == (OWN, "Tydelige forventninger", 0)
    typed_again = parse_selection(CONCEPT, TALLY, values(wellbeing_theme=OWN, wellbeing_own_title="MERE tid til borgerne"))
    assert typed_again.wellbeing.nominations == 2  # the same title as a nominated one counts its nominations
    with pytest.raises(SelectionInvalid) as refused:
        parse_selection(CONCEPT, TALLY, values(leadership_theme=OWN))
    assert [(e.field, e.code) for e in refused.value.errors] == [("leadership_own_title", "required")]


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(SelectionInvalid) as refused:
        parse_selection(CONCEPT, TALLY, {"wellbeing_theme": "made-up", "wellbeing_reason": "x" * 501,
                                         "leadership_theme": "", "leadership_reason": "  \u202e "})
    assert [(e.field, e.code) for e in refused.value.errors] == [
        ("wellbeing_theme", "unknown_choice"), ("wellbeing_reason", "too_long"),
        ("leadership_theme", "required"), ("leadership_reason", "required")]
    with pytest.raises(SelectionInvalid):  # an own proposal nobody nominated cannot be forged as nominated
        parse_selection(CONCEPT, TALLY, values(wellbeing_theme="own:noget andet"))
    with pytest.raises(SelectionInvalid):
        parse_selection(CONCEPT, TALLY, values(leadership_reason=["not", "text"]))


def test_danish_letters_and_emoji_survive_and_text_is_cleaned() -> None:
    chosen = parse_selection(CONCEPT, TALLY, values(wellbeing_reason="  Det fylder mest – også i APV'en 👍\u200b  "))
    assert chosen.wellbeing.reason.startswith("Det fylder mest – også i APV'en 👍")


def test_only_the_planning_group_chooses_after_nominations_until_announced() -> None:
    group = {"leader", "tr"}
    check_may_select("tr", planning_group=group, nominations_open=False, current=None)
    for sender, still_open, code in (("employee", False, "not_planning_group"), ("leader", True, "nominations_open")):
        with pytest.raises(SelectionRefused) as refused:
            check_may_select(sender, planning_group=group, nominations_open=still_open, current=None)
        assert refused.value.code == code
    first = choose(None, parse_selection(CONCEPT, TALLY, values()), dialogue_id="d1", sender="leader", now=NOW)
    check_may_select("tr", planning_group=group, nominations_open=False, current=first)  # another member may change it
    told = announce(first, now=NOW + timedelta(days=1))
    with pytest.raises(SelectionRefused) as refused:
        check_may_select("tr", planning_group=group, nominations_open=False, current=told)
    assert refused.value.code == "announced"
    assert announce(told, now=NOW + timedelta(days=2)).announced_at == NOW + timedelta(days=1)


def test_a_change_by_another_member_stands_and_a_double_click_changes_nothing() -> None:
    first = choose(None, parse_selection(CONCEPT, TALLY, values()), dialogue_id="d1", sender="leader", now=NOW)
    again = choose(first, parse_selection(CONCEPT, TALLY, values()), dialogue_id="d1", sender="tr", now=NOW + timedelta(minutes=1))
    assert again is first
    changed = choose(first, parse_selection(CONCEPT, TALLY, values(leadership_theme=LD[0])), dialogue_id="d1", sender="tr",
                     now=NOW + timedelta(minutes=2))
    assert (changed.chosen_by, changed.themes.leadership.theme_id) == ("tr", LD[0])


def test_dtu_without_nominations_offers_its_whole_catalogue() -> None:
    dtu = load_concept("dtu")  # DTU's material names no themes: the unit writes its own
    assert [value for value, _, _ in theme_choices(dtu, W, None)] == [dtu.catalogue(W).own_proposal.id]
    chosen = parse_selection(dtu, None, {"wellbeing_theme": "own", "wellbeing_own_title": "Tryghed", "wellbeing_reason": "Vi valgte det i LSU",
                                         "leadership_theme": dtu.catalogue(L).own_proposal.id, "leadership_own_title": "Feedback",
                                         "leadership_reason": "Lokalt valg"})
    assert chosen.leadership.own_title == "Feedback" and chosen.wellbeing.nominations == 0
