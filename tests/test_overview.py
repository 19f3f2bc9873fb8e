"""Counts above one workplace respect the minimum group size (pure rule, and the store query)."""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from bot.process.overview import OTHER, WorkplaceCounts, organisation_theme_counts
from bot.process.concept import Kind
from bot.process.nomination import NominationInput, ThemeChoice
from bot.process.people import Member
from bot.scheduler.retention import apply_retention

WB = ("wellbeing", "balance-energy")
LD = ("leadership", "shared-direction-goals")


def wp(respondents: int, wb: int = 0) -> WorkplaceCounts:
    return WorkplaceCounts(respondents, Counter({WB: wb, LD: respondents - wb}))


def test_big_workplaces_are_shown_small_ones_merged():
    result = organisation_theme_counts({"big": wp(6, 2), "small-1": wp(3, 1), "small-2": wp(2, 2)}, min_group_size=5)
    assert set(result.groups) == {"big", OTHER}
    assert result.groups[OTHER].respondents == 5 and result.groups[OTHER].themes[WB] == 3
    assert result.totals[WB] == 5 and result.respondents == 11
    assert (result.merged_workplaces, result.suppressed_workplaces) == (2, 0)


def test_a_small_group_that_stays_small_is_left_out_of_the_totals_too():
    result = organisation_theme_counts({"big": wp(7, 1), "small": wp(2, 2)}, min_group_size=5)
    assert set(result.groups) == {"big"}
    # Otherwise total minus "big" would give the small workplace's answers back.
    assert result.totals[WB] == 1 and result.respondents == 7 and result.suppressed_workplaces == 1


def test_nothing_is_shown_when_everyone_is_in_small_groups():
    result = organisation_theme_counts({"a": wp(2, 1), "b": wp(1, 1)}, min_group_size=5)
    assert result.groups == {} and not result.totals and result.respondents == 0


@pytest.mark.parametrize("sizes", [[5], [4, 1], [1, 1, 1, 1], [9, 4], [5, 4, 3]])
def test_no_shown_group_is_ever_smaller_than_the_minimum(sizes):
    result = organisation_theme_counts({str(i): wp(n, n // 2) for i, n in enumerate(sizes)}, min_group_size=5)
    assert all(group.respondents >= 5 for group in result.groups.values())


def test_the_minimum_must_be_positive():
    with pytest.raises(ValueError):
        organisation_theme_counts({}, min_group_size=0)


def answer(theme: str) -> NominationInput:
    return NominationInput(ThemeChoice(Kind.WELLBEING, theme, None, "a", "b"), ThemeChoice(Kind.LEADERSHIP, "shared-direction-goals", None, "c", "d"))


async def test_the_store_counts_across_workplaces_live_and_anonymised(store):
    t0 = datetime(2025, 1, 6, 8, 0, tzinfo=timezone.utc)
    for team, people, opened in (("big", 6, t0), ("small", 2, t0), ("old", 4, t0 - timedelta(days=800))):
        round_ = await store.dialogues.open_round(team_id=team, opened_by="x", opened_at=opened, deadline_at=opened + timedelta(days=10),
                                                  contact_name="c", named_mode=False, concept="nyborg")
        await store.dialogues.add_invitees(round_.id, [Member(f"{team}-{i}", "") for i in range(people)])
        for i in range(people):
            await store.nominations.save(round_.id, f"{team}-{i}", answer("balance-energy" if i % 2 else "meaning-direction"), opened)
    await apply_retention(store, now=t0, retention_days=400)  # "old" keeps only counts now
    result = await store.overview.organisation_counts(min_group_size=5)
    assert set(result.groups) == {"big", OTHER}  # "small" (2) and "old" (4, anonymised) merge to 6
    assert result.groups[OTHER].respondents == 6 and result.respondents == 12
    assert result.totals[("wellbeing", "balance-energy")] == 3 + 1 + 2
    recent_only = await store.overview.organisation_counts(min_group_size=5, opened_since=t0 - timedelta(days=1))
    assert set(recent_only.groups) == {"big"} and recent_only.suppressed_workplaces == 1
