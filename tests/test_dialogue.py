"""The cycle as data: the table of steps, its diagram, the files it names, and what falls due."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.process import dialogue
from bot.process.calendar import WorkingWindow
from bot.process.dialogue import STEPS, Built, Dialogue, Role, StepId, current_step, may_act
from bot.process.nomination import Round

BOT = Path(dialogue.__file__).resolve().parent.parent
LAYERS = ("process", "cards", "dialogs", "storage", "texts", "scheduler")
WINDOW = WorkingWindow()
NOW = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)


def a_round(*, open_for: timedelta) -> Round:
    return Round(id="r1", team_id="t1", opened_by="u1", opened_at=NOW - timedelta(days=1), deadline_at=NOW + open_for,
                 contact_name="Kim", named_mode=False)


def test_the_diagram_beside_the_table_is_the_table() -> None:
    assert (BOT / "process" / "dialogue.mmd").read_text(encoding="utf-8") == dialogue.mermaid()


def test_the_steps_follow_the_guide_and_need_only_earlier_steps() -> None:
    numbers = [s.number for s in STEPS if s.number is not None]
    assert numbers == sorted(numbers) and set(numbers) == set(range(1, 15))
    seen: set[StepId] = set()
    for s in STEPS:
        assert set(s.needs) <= seen, f"{s.id} needs a later step"
        assert s.who, f"nobody may act in {s.id}"
        seen.add(s.id)
    assert [s.id for s in STEPS] == list(StepId)


@pytest.mark.parametrize("s", [s for s in STEPS if s.built is not Built.NO], ids=lambda s: s.id)
def test_a_running_step_has_its_module_in_each_layer_it_names(s) -> None:
    for layer in s.homes:
        assert (BOT / layer / f"{s.id}.py").is_file(), f"bot/{layer}/{s.id}.py is missing"


def test_no_layer_holds_a_module_for_a_step_the_table_does_not_place_there() -> None:
    """A step's module appears only where the table says: a planned step has none (no stubs)."""
    for s in STEPS:
        for layer in LAYERS:
            if (BOT / layer / f"{s.id}.py").is_file():
                assert layer in s.homes, f"bot/{layer}/{s.id}.py exists but the table does not name it"


def test_where_a_workplace_is() -> None:
    d = Dialogue("d1", "t1", 2026)
    assert current_step(d, NOW).id is StepId.PLAN
    open_round = Dialogue("d1", "t1", 2026, a_round(open_for=timedelta(days=3)))
    assert current_step(open_round, NOW).id is StepId.NOMINATION
    closed = Dialogue("d1", "t1", 2026, a_round(open_for=timedelta(seconds=-1)))
    assert current_step(closed, NOW).id is StepId.TALLY
    # At the deadline to the second the round is closed.
    assert current_step(open_round, NOW + timedelta(days=3)).id is StepId.TALLY


def test_who_may_act() -> None:
    assert may_act(StepId.NOMINATION, {Role.EMPLOYEE})
    assert not may_act(StepId.TALLY, {Role.EMPLOYEE})
    assert may_act(StepId.TALLY, {Role.EMPLOYEE, Role.PLANNING_GROUP})
    assert may_act(StepId.OVERVIEW, {Role.HR}) and not may_act(StepId.OVERVIEW, {Role.LEADER})


@pytest.mark.parametrize(
    ("agreed", "expected"),
    [
        (date(2026, 8, 31), (date(2026, 11, 30), date(2027, 3, 1))),  # 28 Feb 2027 is a Sunday
        (date(2027, 11, 30), (date(2028, 2, 29), date(2028, 5, 30))),  # leap day; never 3 months twice
        (date(2026, 9, 15), (date(2026, 12, 15), date(2027, 3, 15))),
        (date(2026, 6, 24), (date(2026, 9, 24), date(2026, 12, 28))),  # 24 Dec off, then weekend... 25-27 holidays/weekend
    ],
)
def test_follow_ups_after_3_and_6_months_land_on_working_days(agreed, expected) -> None:
    assert dialogue.follow_up_days(agreed, WINDOW) == expected


@pytest.mark.parametrize(
    ("cycle", "expected"),
    [
        (2026, date(2026, 12, 1)),  # a Tuesday
        (2029, date(2029, 11, 30)),  # 1 December 2029 is a Saturday
        (2030, date(2030, 11, 29)),  # a Sunday
    ],
)
def test_the_send_on_deadline_is_the_last_working_day_by_1_december(cycle, expected) -> None:
    assert dialogue.send_on_deadline(cycle, WINDOW) == expected


def test_the_readme_shows_the_same_diagram() -> None:
    readme = (BOT.parent / "README.md").read_text(encoding="utf-8")
    assert "```mermaid\n" + dialogue.mermaid() + "```" in readme
