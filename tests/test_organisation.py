"""The organisation's rules (process/organisation.py) and its cards in both languages:
administrators, the diff of a re-send, versions per committee, a moved workplace, the overview."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from bot.cards.committee_overview import hr_post_card, nudge_card, overview_card
from bot.cards.organisation import committee_card, committee_saved_card, link_card, send_on_committee_block, submission_card
from bot.cards.send_on import send_on_card
from bot.concepts import load_concept
from bot.process.development_plan import DevelopmentPlan, Initiative, Level
from bot.process.organisation import (
    KIND_COMMITTEE, KIND_HR, Changes, Committee, Forward, Submission, SubmittedInitiative, SubmittedTheme, changes_from_json,
    changes_to_json, committee_id_for, diff, forward_of_key, initiatives_from_json, initiatives_to_json, may_revoke, next_submission,
    nudge_key, nudge_obsolete_reason, overview, snapshot,
)
from bot.process.workplace import Workplace
from bot.texts import t
from cards_validation import assert_valid_card
from test_journey import card_text

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
CONCEPT = load_concept("nyborg")


def plan(*initiatives: Initiative, version: int = 1) -> DevelopmentPlan:
    return DevelopmentPlan("d1", tuple(initiatives), version=version, edited_by="u1", edited_at=NOW)


MEET = Initiative("i1", "Ny mødestruktur", "Møderne fylder", iglo=((Level.GROUP, "Vi holder tiden"),))
DAY = Initiative("i2", "Temadag", "Vi kender ikke hinanden", needs_organisation=True, ask="Tid til en temadag",
                 iglo=((Level.ORGANISATION, "Betaler vikarer"),))
THEMES = (SubmittedTheme("wellbeing", "social-support-trust"), SubmittedTheme("leadership", "x", own_title="Vores eget"))


def sub(team: str, committee: str, version: int, *initiatives: SubmittedInitiative, dialogue: str = "d1") -> Submission:
    return Submission(committee, team, dialogue, version, NOW, "u1", 1, initiatives, THEMES)


def test_the_last_administrator_cannot_be_removed() -> None:
    assert may_revoke(["a", "b"], "a")
    assert not may_revoke(["a"], "a")
    assert not may_revoke(["a", "b"], "c")


def test_a_committee_id_is_the_teams_and_fits_its_column() -> None:
    long_team = "19:" + "x" * 190 + "@thread.tacv2"
    assert committee_id_for(long_team) == committee_id_for(long_team) != committee_id_for(long_team + "y")
    assert len(committee_id_for(long_team)) <= 80


def test_the_snapshot_keeps_the_ask_only_for_initiatives_that_need_the_organisation() -> None:
    asked = Initiative("i3", "Andet", "Fordi", ask="glemt ask", needs_organisation=False)
    got = snapshot(plan(MEET, DAY, asked))
    assert [i.ask for i in got] == ["", "Tid til en temadag", ""]
    assert got[1].organisation == "Betaler vikarer" and got[1].needs_organisation


def test_the_diff_names_added_removed_and_changed_initiatives_by_title() -> None:
    before = snapshot(plan(MEET, DAY))
    renamed = Initiative("i1", "Kortere møder", MEET.why)
    new = Initiative("i3", "Mentorordning", "Nye kolleger")
    assert diff(before, snapshot(plan(renamed, new))) == Changes(added=("Mentorordning",), removed=("Temadag",), changed=("Kortere møder",))
    assert diff(before, before).empty
    # a changed ask is a change, even with the same title
    asked_more = Initiative("i2", "Temadag", DAY.why, needs_organisation=True, ask="To temadage")
    assert diff(before, snapshot(plan(MEET, asked_more))).changed == ("Temadag",)


def test_a_re_send_to_the_same_committee_carries_what_changed_a_first_send_does_not() -> None:
    first = next_submission(None, committee_id="c1", team_id="t1", dialogue_id="d1", plan=plan(MEET), themes=THEMES, by="u1",
                            now=NOW, version=1)
    assert first.changes is None and first.version == 1 and first.asks == ()
    second = next_submission(first, committee_id="c1", team_id="t1", dialogue_id="d1", plan=plan(MEET, DAY, version=2),
                             themes=THEMES, by="u1", now=NOW, version=2)
    assert second.changes == Changes(added=("Temadag",)) and second.plan_version == 2 and [i.title for i in second.asks] == ["Temadag"]


def test_a_moved_workplace_shows_as_sent_where_it_sent_and_as_missing_where_it_is_linked_now() -> None:
    links = {"t1": "c2", "t2": "c1"}  # t1 sent to c1, then moved to c2
    names = {"t1": "Hjemmeplejen", "t2": "Skolen"}
    subs = [sub("t1", "c1", 1, *snapshot(plan(DAY)))]
    at_c1 = overview("c1", links, names, subs)
    assert [w.name for w in at_c1.sent] == ["Hjemmeplejen"] and [w.name for w in at_c1.missing] == ["Skolen"]
    at_c2 = overview("c2", links, names, subs)
    assert at_c2.sent == () and [w.team_id for w in at_c2.missing] == ["t1"]


def test_the_overview_groups_every_ask_under_the_themes_of_the_workplace_that_asked() -> None:
    links = {"t1": "c1", "t2": "c1", "t3": "c1"}
    names = {"t1": "A", "t2": "B", "t3": "C"}
    other = (SubmittedTheme("wellbeing", "social-support-trust"), SubmittedTheme("leadership", "shared-direction-goals"))
    subs = [sub("t1", "c1", 1, *snapshot(plan(MEET, DAY))), sub("t1", "c1", 2, *snapshot(plan(DAY))),
            Submission("c1", "t2", "d2", 1, NOW, "u2", 1, snapshot(plan(DAY)), other)]
    view = overview("c1", links, names, subs)
    assert [w.latest.version for w in view.sent] == [2, 1] and [w.name for w in view.missing] == ["C"]
    by_theme = {(th.kind, th.theme_id): [(n, i.title) for n, i in asks] for th, asks in view.asks_by_theme}
    assert by_theme[("wellbeing", "social-support-trust")] == [("A", "Temadag"), ("B", "Temadag")]
    assert by_theme[("leadership", "x")] == [("A", "Temadag")]


def test_keys_fit_the_queue_and_parse_back() -> None:
    key = nudge_key("d" * 32, "29:" + "u" * 197, date(2026, 11, 20))
    assert len(key) <= 300 and key.endswith("2026-11-20")
    assert forward_of_key("hr_forward:12:c-abc") == (12, "c-abc")
    assert forward_of_key("hr_forward:x:c") is None and forward_of_key("other:1:c") is None


def test_a_nudge_is_dropped_once_sent_unlinked_or_the_person_left_the_group() -> None:
    assert nudge_obsolete_reason(sent=False, linked=True, in_group=True) is None
    assert nudge_obsolete_reason(sent=True, linked=True, in_group=True) == "sent_on"
    assert nudge_obsolete_reason(sent=False, linked=False, in_group=True) == "unlinked"
    assert nudge_obsolete_reason(sent=False, linked=True, in_group=False) == "not_planning_group"


def test_snapshots_round_trip_through_json() -> None:
    items = snapshot(plan(MEET, DAY))
    assert initiatives_from_json(initiatives_to_json(items)) == items
    assert changes_from_json(changes_to_json(Changes(("a",), (), ("b",)))) == Changes(("a",), (), ("b",))
    assert changes_from_json(None) is None


# -- cards ---------------------------------------------------------------------------------------------
COMMITTEE = Committee("c1", "19:committee@thread", "MED-Koordinationsgruppen <b>Social</b>", KIND_COMMITTEE, "u-admin", NOW)
HR = Committee("c2", "19:hr@thread", "HR", KIND_HR, "u-admin", NOW)
WORKPLACES = [Workplace(f"19:w{n}", "tenant", "https://s", f"19:w{n}", f"Arbejdsplads {n}", "nyborg", NOW) for n in range(1, 25)]


def all_cards(lang: str) -> dict[str, dict]:
    first = next_submission(None, committee_id="c1", team_id="t1", dialogue_id="d1", plan=plan(MEET, DAY), themes=THEMES, by="u1",
                            now=NOW, version=1, workplace_name="Hjemmeplejen")
    renamed = Initiative("i1", "Kortere møder", MEET.why)
    again = next_submission(first, committee_id="c1", team_id="t1", dialogue_id="d1", plan=plan(renamed, version=2), themes=THEMES,
                            by="u1", now=NOW, version=2, workplace_name="Hjemmeplejen")
    view = overview("c1", {"t1": "c1", "t2": "c1"}, {"t1": "Hjemmeplejen", "t2": "Skolen"}, [again])
    forward = Forward(1, "c1", "u1", NOW, "Se især temadagene\nTak")
    block = send_on_committee_block(lang, COMMITTEE, first, plan_version=2, sent=True, dialogue_id="d1")
    return {
        "committee": committee_card(lang, team_name="Team"), "committee_saved": committee_saved_card(lang, HR),
        "links": link_card(lang, WORKPLACES, [COMMITTEE, HR], {"19:w1": "c1"}),
        "links_page_2": link_card(lang, WORKPLACES, [COMMITTEE, HR], {}, page=1, notice="ok"),
        "links_no_committee": link_card(lang, WORKPLACES, [HR], {}),
        "first": submission_card(lang, CONCEPT, first, sent_by_name="Lea Leder"), "again": submission_card(lang, CONCEPT, again),
        "overview": overview_card(lang, CONCEPT, COMMITTEE, view, has_hr=True, forwards=[forward]),
        "overview_no_hr": overview_card(lang, CONCEPT, COMMITTEE, view, has_hr=False),
        "nudge": nudge_card(lang, COMMITTEE.name, "d1"), "hr": hr_post_card(lang, CONCEPT, COMMITTEE, view, forward, by_name="Lea"),
        "send_on_unlinked": send_on_card(lang, plan(MEET), deadline=date(2026, 12, 1),
                                         committee=send_on_committee_block(lang, None, None, plan_version=1, sent=False, dialogue_id="d1")),
        "send_on_resend": send_on_card(lang, plan(MEET, version=2), deadline=date(2026, 12, 1), committee=block),
    }


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_card_is_valid_in_both_languages(lang: str) -> None:
    for name, card in all_cards(lang).items():
        assert_valid_card(card), name


def test_the_committee_card_highlights_the_asks_and_a_re_send_says_what_changed() -> None:
    cards = all_cards("da")
    first, again = card_text(cards["first"]), card_text(cards["again"])
    assert "Tid til en temadag" in first and "Betaler vikarer" in first and "Ny version" not in first and "Lea Leder" in first
    assert "Ny version" in again and "Kortere møder" in again and "Temadag" in again  # changed and removed
    assert "Vores eget" in first  # an own theme by its own title
    assert "New version" in card_text(all_cards("en")["again"])


def test_the_link_card_pages_and_a_committee_name_is_shown_verbatim() -> None:
    cards = all_cards("da")
    assert "org.link.save" in str(cards["links"]) and "team_20" in str(cards["links"]) and "team_21" not in str(cards["links"])
    assert "Arbejdsplads 21" in card_text(cards["links_page_2"])
    assert t("da", "org.link.unlinked") in card_text(cards["links"])
    assert t("da", "org.link.no_committees") in card_text(cards["links_no_committee"])
    assert "<b>Social</b>" in card_text(cards["overview"])


def test_the_send_on_card_says_an_unlinked_workplace_is_not_sent_anywhere_and_offers_a_new_version() -> None:
    cards = all_cards("da")
    assert t("da", "org.send_on.unlinked") in card_text(cards["send_on_unlinked"])
    assert t("da", "org.send_on.resend") not in str(cards["send_on_resend"])  # not sent on yet: "Send videre" stands
    sent_block = send_on_committee_block("da", COMMITTEE, None, plan_version=2, sent=True, dialogue_id="d1")
    assert sent_block[1] and sent_block[1][0]["data"] == {"verb": "send_on.send", "dialogue_id": "d1", "version": 2}


def test_every_typed_command_of_the_organisation_has_a_button_on_one_of_its_cards() -> None:
    """No dead ends (as tests/test_cards.py checks for the cards it knows)."""
    from bot.dialogs import committee_overview, organisation
    from bot.dialogs.registry import Command

    def verbs(node: object) -> set[str]:
        if isinstance(node, dict):
            own = {node["data"]["verb"]} if node.get("type") == "Action.Submit" else set()
            return own.union(*(verbs(v) for v in node.values()))
        if isinstance(node, list):
            return set().union(*(verbs(v) for v in node))
        return set()

    pressed = verbs(list(all_cards("da").values()) + [committee_saved_card("da", COMMITTEE)])
    typed = {d.payload.VERB for m in (organisation, committee_overview) for d in m.DECLARES if isinstance(d, Command)}
    assert typed <= pressed, typed - pressed
