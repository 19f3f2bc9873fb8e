"""Organisation-wide queries (bot/storage/overview.py) on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.process.concept import Kind
from bot.process.nomination import NominationInput, ThemeChoice
from bot.process.tally import count_themes

SEPT_2025 = datetime(2025, 9, 1, 8, 0, tzinfo=timezone.utc)
SEPT_2026 = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)


def _nomination(wellbeing: str, leadership: str) -> NominationInput:
    return NominationInput(
        ThemeChoice(Kind.WELLBEING, wellbeing, "Eget tema" if wellbeing == "own" else None, "fordi", "så"),
        ThemeChoice(Kind.LEADERSHIP, leadership, None, "fordi", "så"),
    )


async def _round(store, team: str, opened_at: datetime, choices: list[tuple[str, str]]):
    round_ = await store.dialogues.open_round(
        team_id=team, opened_by="u-0", opened_at=opened_at, deadline_at=opened_at + timedelta(days=14),
        contact_name="Lea", named_mode=False, concept="nyborg",
    )
    for i, (wellbeing, leadership) in enumerate(choices):
        await store.nominations.save(round_.id, f"{team}-u-{i}", _nomination(wellbeing, leadership), opened_at)
    return round_


async def test_theme_counts_add_up_across_workplaces_and_keep_cycles_apart(store):
    await _round(store, "team-a", SEPT_2025, [("balance-energy", "citizen-at-centre")])
    await _round(store, "team-a", SEPT_2026, [("balance-energy", "citizen-at-centre"), ("own", "citizen-at-centre")])
    await _round(store, "team-b", SEPT_2026, [("balance-energy", "shared-direction-goals")])

    this_cycle = await store.overview.theme_counts(opened_from=SEPT_2026 - timedelta(days=30), opened_before=SEPT_2026 + timedelta(days=300))
    assert this_cycle == {
        Kind.WELLBEING: {"balance-energy": 2, "own": 1},
        Kind.LEADERSHIP: {"citizen-at-centre": 2, "shared-direction-goals": 1},
    }
    all_time = await store.overview.theme_counts()
    assert all_time[Kind.WELLBEING] == {"balance-energy": 3, "own": 1}


async def test_theme_counts_of_an_empty_database_are_empty(store):
    assert await store.overview.theme_counts() == {Kind.WELLBEING: {}, Kind.LEADERSHIP: {}}


async def test_latest_tally_inputs_match_what_the_store_reads(store):
    from bot.process.people import Member

    await _round(store, "team-a", SEPT_2025, [("balance-energy", "citizen-at-centre")])
    await _round(store, "team-a", SEPT_2026, [("own", "citizen-at-centre"), ("balance-energy", "shared-direction-goals")])
    latest = await store.dialogues.latest_round("team-a")
    await store.dialogues.add_invitees(latest.id, [Member("team-a-u-0", "Bo"), Member("team-a-u-1", "Cecilie"), Member("team-a-u-2", "Dorte")])

    inputs = await store.overview.latest_tally_inputs("team-a")
    assert inputs.round == latest
    assert inputs.invited == 3
    by_user = lambda records: sorted(records, key=lambda r: r.user_id)  # noqa: E731
    assert by_user(inputs.records) == by_user(await store.nominations.records(latest.id))
    assert {r.name for r in inputs.records} == {"Bo", "Cecilie"}
    assert await store.overview.latest_tally_inputs("no-such-team") is None


async def test_the_tally_of_a_member_of_several_planning_groups_is_the_newest_of_their_teams(store):
    """In a 1:1 chat the tally reads, on one connection, the round ``round_to_report`` picks
    among the latest rounds of every team whose planning group the sender is in."""
    await _round(store, "team-a", SEPT_2025, [("balance-energy", "citizen-at-centre")])
    newest = await _round(store, "team-b", SEPT_2026, [("own", "citizen-at-centre"), ("balance-energy", "shared-direction-goals")])
    inputs = await store.overview.reported_tally_inputs(["team-a", "team-b", "no-such-team"])
    assert inputs.round == newest and sorted(r.user_id for r in inputs.records) == ["team-b-u-0", "team-b-u-1"]
    assert await store.overview.reported_tally_inputs(["team-a"]) == await store.overview.latest_tally_inputs("team-a")
    assert await store.overview.reported_tally_inputs([]) is None
    # A page of reasons names its round: the same inputs, read by the round's id.
    assert await store.overview.round_tally_inputs(newest.id) == inputs
    assert await store.overview.round_tally_inputs("no-such-round") is None


async def test_the_sql_theme_count_is_the_count_themes_rule(store):
    """overview.theme_counts is count_themes written as one GROUP BY: on the same nominations,
    own proposals with different titles included, the two agree theme for theme."""
    rounds = [
        await _round(store, "team-a", SEPT_2025, [("balance-energy", "citizen-at-centre"), ("own", "own")]),
        await _round(store, "team-a", SEPT_2026, [("own", "citizen-at-centre"), ("balance-energy", "shared-direction-goals")]),
        await _round(store, "team-b", SEPT_2026, [("meaning-direction", "own")]),
    ]
    other_titles = NominationInput(
        ThemeChoice(Kind.WELLBEING, "own", "Noget helt andet", "a", "b"), ThemeChoice(Kind.LEADERSHIP, "own", "Mødekultur", "c", "d"),
    )
    await store.nominations.save(rounds[2].id, "team-b-u-9", other_titles, SEPT_2026)
    live = [r.nomination for round_ in rounds for r in await store.nominations.records(round_.id)]
    assert len(live) == 6
    by_rule: dict[Kind, dict[str, int]] = {kind: {} for kind in Kind}
    for (kind, theme), n in count_themes(live).items():
        by_rule[Kind(kind)][theme] = n
    assert await store.overview.theme_counts() == by_rule
