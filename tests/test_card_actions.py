"""Teams shows at most six actions in a row: a card with more keeps them all, the rest in "…"."""
from __future__ import annotations

import pytest

from bot.cards.elements import MAX_PRIMARY_ACTIONS, action_set, card, overflow
from bot.concepts import load_concept
from cards_validation import walk
from test_cards import all_cards


def _action_rows(value):
    for _, node in walk(value):
        if isinstance(node, dict) and isinstance(node.get("actions"), list):
            yield node["actions"]


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("concept", ["nyborg", "dtu"])
def test_no_card_shows_more_than_teams_renders(lang, concept):
    for name, built in all_cards(lang, load_concept(concept)).items():
        for row in _action_rows(built):
            primary = [a for a in row if a.get("mode") != "secondary"]
            assert len(primary) <= MAX_PRIMARY_ACTIONS, (name, [a.get("title") for a in row])


def test_actions_past_the_limit_go_to_the_menu_in_order_and_none_is_lost():
    actions = [{"type": "Action.Submit", "title": str(i)} for i in range(8)]
    built = card([], actions)["actions"]
    assert [a["title"] for a in built] == [str(i) for i in range(8)]
    assert [a.get("mode") for a in built] == [None] * 5 + ["secondary"] * 3
    assert action_set(actions[:6])["actions"] == actions[:6]  # six fit: untouched
    assert overflow([{**actions[0], "mode": "secondary"}, *actions[1:7]])[0]["mode"] == "secondary"


def test_a_date_a_person_reads_is_the_copenhagen_date_even_late_in_the_evening():
    from datetime import date, datetime, timezone

    from bot.process.clock import local_date

    assert local_date(datetime(2026, 11, 30, 23, 30, tzinfo=timezone.utc)) == date(2026, 12, 1)
    assert local_date(datetime(2026, 7, 31, 21, 59, tzinfo=timezone.utc)) == date(2026, 7, 31)
    with pytest.raises(ValueError):
        local_date(datetime(2026, 7, 31, 21, 59))
