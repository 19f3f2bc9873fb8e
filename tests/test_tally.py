"""Counting themes once (bot/process/tally.py: count_themes), the rule retention and the overview share."""
from __future__ import annotations

from collections import Counter

from bot.process.concept import Kind
from bot.process.nomination import NominationInput, ThemeChoice
from bot.process.tally import count_themes


def nomination(wellbeing: str, leadership: str, *, title: str | None = None) -> NominationInput:
    return NominationInput(
        ThemeChoice(Kind.WELLBEING, wellbeing, title, "fordi", "så"), ThemeChoice(Kind.LEADERSHIP, leadership, title, "fordi", "så"),
    )


def test_each_nomination_counts_once_per_kind():
    counts = count_themes([nomination("balance-energy", "citizen-at-centre"), nomination("balance-energy", "shared-direction-goals")])
    assert counts == Counter({
        ("wellbeing", "balance-energy"): 2, ("leadership", "citizen-at-centre"): 1, ("leadership", "shared-direction-goals"): 1,
    })
    assert sum(counts.values()) == 2 * 2


def test_own_proposals_count_together_under_the_own_proposal_id_whatever_their_titles():
    counts = count_themes([nomination("own", "own", title="Mødekultur"), nomination("own", "own", title="Noget helt andet")])
    assert counts == Counter({("wellbeing", "own"): 2, ("leadership", "own"): 2})
    assert not any("Mødekultur" in theme for _, theme in counts)


def test_the_same_theme_id_in_both_kinds_is_two_keys():
    assert count_themes([nomination("own", "own")]) == Counter({("wellbeing", "own"): 1, ("leadership", "own"): 1})


def test_nothing_counts_to_nothing():
    assert count_themes([]) == Counter()
