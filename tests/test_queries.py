"""Organisation-wide queries (bot/storage/queries.py) on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.process.concept import Kind
from bot.process.nomination import NominationInput, ThemeChoice
from bot.storage.queries import theme_counts

SEPT_2025 = datetime(2025, 9, 1, 8, 0, tzinfo=timezone.utc)
SEPT_2026 = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)


def _nomination(wellbeing: str, leadership: str) -> NominationInput:
    return NominationInput(
        ThemeChoice(Kind.WELLBEING, wellbeing, "Eget tema" if wellbeing == "own" else None, "fordi", "så"),
        ThemeChoice(Kind.LEADERSHIP, leadership, None, "fordi", "så"),
    )


async def _round(store, team: str, opened_at: datetime, choices: list[tuple[str, str]]) -> None:
    round_ = await store.open_round(
        team_id=team, opened_by="u-0", opened_at=opened_at, deadline_at=opened_at + timedelta(days=14),
        contact_name="Lea", named_mode=False, concept="nyborg",
    )
    for i, (wellbeing, leadership) in enumerate(choices):
        await store.save_nomination(round_.id, f"{team}-u-{i}", _nomination(wellbeing, leadership), opened_at)


async def test_theme_counts_add_up_across_workplaces_and_keep_cycles_apart(store):
    await _round(store, "team-a", SEPT_2025, [("balance-energy", "citizen-at-centre")])
    await _round(store, "team-a", SEPT_2026, [("balance-energy", "citizen-at-centre"), ("own", "citizen-at-centre")])
    await _round(store, "team-b", SEPT_2026, [("balance-energy", "shared-direction-goals")])

    this_cycle = await theme_counts(store.engine, opened_from=SEPT_2026 - timedelta(days=30), opened_before=SEPT_2026 + timedelta(days=300))
    assert this_cycle == {
        Kind.WELLBEING: {"balance-energy": 2, "own": 1},
        Kind.LEADERSHIP: {"citizen-at-centre": 2, "shared-direction-goals": 1},
    }
    all_time = await theme_counts(store.engine)
    assert all_time[Kind.WELLBEING] == {"balance-energy": 3, "own": 1}


async def test_theme_counts_of_an_empty_database_are_empty(store):
    assert await theme_counts(store.engine) == {Kind.WELLBEING: {}, Kind.LEADERSHIP: {}}


async def test_latest_tally_inputs_match_what_the_store_reads(store):
    from bot.storage.queries import latest_tally_inputs
    from bot.storage.store import Member

    await _round(store, "team-a", SEPT_2025, [("balance-energy", "citizen-at-centre")])
    await _round(store, "team-a", SEPT_2026, [("own", "citizen-at-centre"), ("balance-energy", "shared-direction-goals")])
    latest = await store.latest_round("team-a")
    await store.add_round_members(latest.id, [Member("team-a-u-0", "Bo"), Member("team-a-u-1", "Cecilie"), Member("team-a-u-2", "Dorte")])

    inputs = await latest_tally_inputs(store.engine, "team-a")
    assert inputs.round == latest
    assert inputs.invited == 3
    by_user = lambda records: sorted(records, key=lambda r: r.user_id)  # noqa: E731
    assert by_user(inputs.records) == by_user(await store.nomination_records(latest.id))
    assert {r.name for r in inputs.records} == {"Bo", "Cecilie"}
    assert await latest_tally_inputs(store.engine, "no-such-team") is None
