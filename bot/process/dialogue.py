"""The development dialogue (udviklingsdialog) of one workplace for one year, as a table of steps.

This is the spine of the code: each row is a step of Nyborg's guide "TalSammen Udviklingsdialog"
(`shared/seeds/004_…`), numbered as the guide numbers it, with what it needs before it can
begin, who may act in it, what it produces, and whether the bot runs it yet. A step that the
bot runs has a module of its own name in each layer that needs one (``homes``), so
``find bot -name nomination.py`` lists its pieces; ``tests/test_dialogue.py`` keeps the table,
the files and the diagram beside it (``dialogue.mmd``) in step.

Where a step splits into parts that are built separately (step 4: the tally, then the
selection; step 8: the run-sheet, the group results, the evaluation), each part is a row with
the guide's number. Steps 13 and 14 are unnumbered in the guide's table ("Opfølgning på tværs
i organisationen", before 1 December; HR's workshops on 2 December); they are numbered on here
as ``shared/PROCESS.md`` numbers them. The leader's own loop runs beside the steps.

What falls due when is a pure function of a step's data, the working calendar and ``now``
(``DUE_RULES``): no clock of its own, no I/O.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from .concept import Kind
from .calendar import WorkingWindow, add_months, last_working_day_on_or_before, schedule_at
from .everyday_example import plan_example_reminders
from .nomination import plan_nomination_reminders
from .nomination import Round


class Role(StrEnum):
    """Who may act in a step (PROCESS.md, "Roles")."""

    ANYONE = "anyone"
    EMPLOYEE = "employee"  # medarbejder
    PLANNING_GROUP = "planning_group"  # planlægningsgruppe (leader + 2-3 employee representatives, or Lokal-MED)
    LEADER = "leader"  # leder
    CONTACT_PERSON = "contact_person"  # the planning-group member who receives paper forms
    COORDINATION_COMMITTEE = "coordination_committee"  # MED-Koordinationsgruppen
    HR = "hr"
    ADMINISTRATOR = "administrator"  # who installs and configures the bot


class StepId(StrEnum):
    PLAN = "plan"
    INFORM = "inform"
    NOMINATION = "nomination"
    TALLY = "tally"
    SELECTION = "selection"
    INVITATION = "invitation"
    EVERYDAY_EXAMPLE = "everyday_example"
    GROUPING = "grouping"
    RUN_SHEET = "run_sheet"
    GROUP_RESULTS = "group_results"
    EVALUATION = "evaluation"
    IMMEDIATE_FOLLOW_UP = "immediate_follow_up"
    DEVELOPMENT_PLAN = "development_plan"
    FEEDBACK = "feedback"
    FOLLOW_UP = "follow_up"
    SEND_ON = "send_on"
    OVERVIEW = "overview"
    LEADER_LOOP = "leader_loop"


class Built(StrEnum):
    YES = "built"
    PARTLY = "partly"  # runs, but not all the guide asks of the step
    NO = "planned"


@dataclass(frozen=True)
class Step:
    id: StepId
    number: int | None  # the guide's section number; None for the leader's own loop
    guide: str  # the guide's heading for the step, in its own words
    needs: tuple[StepId, ...]  # steps that must have produced their result first
    who: frozenset[Role]
    produces: str
    built: Built
    homes: tuple[str, ...] = ()  # layers with a module named after the step (bot/<layer>/<id>.py)


def _step(id: StepId, number: int | None, guide: str, needs: tuple[StepId, ...], who: set[Role], produces: str,
          built: Built = Built.NO, homes: tuple[str, ...] = ()) -> Step:
    return Step(id, number, guide, needs, frozenset(who), produces, built, homes)


S, R = StepId, Role
STEPS: tuple[Step, ...] = (
    _step(S.PLAN, 1, "Plan for Udviklingsdialog", (), {R.PLANNING_GROUP},
          "the round's deadline, contact person and whether names follow the reasons; not yet the day's date and place",
          Built.PARTLY, ("process", "cards", "dialogs", "texts")),
    _step(S.INFORM, 2, "Information til medarbejdere", (S.PLAN,), {R.PLANNING_GROUP},
          "the channel post that the round has started, with its deadline", Built.PARTLY),
    _step(S.NOMINATION, 3, "Medarbejderne vælger temaer", (S.PLAN,), {R.EMPLOYEE, R.CONTACT_PERSON},
          "one well-being and one leadership theme per employee, each with why it matters and how it develops the core task",
          Built.YES, ("process", "cards", "dialogs", "storage", "texts", "scheduler")),
    # Step 4 has two parts: the tally is read first, then the selection is made and recorded.
    _step(S.TALLY, 4, "Planlægningsgruppen udvælger temaer", (S.NOMINATION,), {R.PLANNING_GROUP},
          "the themes ranked by nominations, the response rate and the reasons", Built.YES,
          ("process", "cards", "dialogs", "texts")),
    _step(S.SELECTION, 4, "Planlægningsgruppen udvælger temaer", (S.TALLY,), {R.PLANNING_GROUP},
          "one chosen well-being theme and one leadership theme, and why", Built.YES,
          ("process", "cards", "dialogs", "storage", "texts")),
    _step(S.INVITATION, 5, "Information til medarbejderne om valgte temaer", (S.SELECTION,), {R.PLANNING_GROUP},
          "the chosen themes posted to the channel and the invitation (Bilag 3): date, time, place, preparation, programme",
          Built.YES, ("process", "cards", "dialogs", "storage", "texts", "scheduler")),
    _step(S.EVERYDAY_EXAMPLE, 6, "Forbered eksempler fra hverdagen", (S.INVITATION,), {R.EMPLOYEE},
          "each employee's everyday example for each chosen theme, prepared privately, with reminders",
          Built.YES, ("process", "cards", "dialogs", "storage", "texts", "scheduler")),
    _step(S.GROUPING, 7, "Praktisk forberedelse", (S.INVITATION,), {R.PLANNING_GROUP},
          "groups of 3-4 for the well-being round and new groups for the leadership round", Built.YES,
          ("process", "cards", "dialogs", "storage", "texts", "scheduler")),
    _step(S.RUN_SHEET, 8, "Selve Udviklingsdialogen", (S.GROUPING, S.EVERYDAY_EXAMPLE), {R.LEADER, R.PLANNING_GROUP},
          "the day's programme (Bilag 5) as a run-sheet, step by step", Built.YES, ("process", "cards", "dialogs", "texts")),
    _step(S.GROUP_RESULTS, 8, "Selve Udviklingsdialogen", (S.RUN_SHEET,), {R.PLANNING_GROUP, R.EMPLOYEE},
          "each group's 2 most important key points and 2 most important desired actions per theme",
          Built.YES, ("process", "cards", "dialogs", "storage", "texts", "scheduler")),
    _step(S.EVALUATION, 8, "Selve Udviklingsdialogen", (S.RUN_SHEET,), {R.EMPLOYEE},
          "the short evaluation: what was good, what should be adjusted", Built.YES,
          ("process", "cards", "dialogs", "storage", "texts", "scheduler")),
    _step(S.IMMEDIATE_FOLLOW_UP, 9, "Umiddelbar opfølgning", (S.GROUP_RESULTS,), {R.LEADER},
          "what each of us can do already now, at the first staff meeting after the day; the leader's reminder, and the "
          "attendees' answers to the planning group without names", Built.YES, ("process", "cards", "dialogs")),
    _step(S.DEVELOPMENT_PLAN, 10, "Lav en plan for det videre arbejde", (S.GROUP_RESULTS,), {R.PLANNING_GROUP},
          "the development plan: 2-3 initiatives, each with an action plan, an owner and IGLO levels; follow-up dates",
          Built.YES, ("process", "cards", "dialogs", "storage", "texts", "scheduler")),
    # Step 11 lives in the development plan's modules (the post to the channel, "Set og forstået"):
    # no layer has a module named after it.
    _step(S.FEEDBACK, 11, "Tilbagemelding til medarbejdere", (S.DEVELOPMENT_PLAN,), {R.LEADER, R.PLANNING_GROUP},
          "which initiatives were chosen and why, told to the employees", Built.YES),
    _step(S.FOLLOW_UP, 12, "Udviklingstiltag i gang", (S.DEVELOPMENT_PLAN,), {R.PLANNING_GROUP},
          "progress on each initiative at the follow-ups after 3 and after 6 months", Built.YES,
          ("process", "cards", "dialogs", "storage", "texts", "scheduler")),
    _step(S.SEND_ON, 13, "Opfølgning på tværs i organisationen", (S.DEVELOPMENT_PLAN,), {R.PLANNING_GROUP},
          "the development plan and the initiatives that need support from outside the workplace, sent before 1 December. "
          "Built: the run-up, recording the send-on, the plan as a spreadsheet, and the card to the workplace's coordination "
          "committee (a re-send marked as a new version with what changed); the organisation is set up in bot/*/organisation.py",
          Built.YES, ("process", "cards", "dialogs")),
    _step(S.OVERVIEW, 14, "Opfølgning på tværs i organisationen", (S.SEND_ON,), {R.COORDINATION_COMMITTEE, R.HR, R.ADMINISTRATOR},
          "the plans collected by the coordination committee; HR's view across workplaces and the three most chosen "
          "themes, what is asked of the organisation, progress at the follow-ups, and spreadsheets of each "
          "(bot/*/organisation.py, committee_overview.py, hr_overview.py, exports.py); never a count below the minimum size",
          Built.YES, ("process", "storage")),
    _step(S.LEADER_LOOP, None, "Lederens rolle", (S.GROUP_RESULTS,), {R.LEADER},
          "the leader's own development areas (at most 3), tied to the KOM-Leder conversation, and feedback to employees",
          Built.YES, ("process", "cards", "dialogs", "storage", "texts", "scheduler")),
)
del S, R

BY_ID: dict[StepId, Step] = {step.id: step for step in STEPS}


def step(step_id: StepId | str) -> Step:
    return BY_ID[StepId(step_id)]


def may_act(step_id: StepId | str, roles: set[Role] | frozenset[Role]) -> bool:
    """True when someone holding ``roles`` may act in the step."""
    allowed = step(step_id).who
    return Role.ANYONE in allowed or bool(allowed & set(roles))


@dataclass(frozen=True)
class Dialogue:
    """One workplace's development dialogue for one cycle (see ``rounds.cycle_of``).

    It owns the cycle's nomination round; the steps still to be built will hang their results
    here too, so one record answers "where is this workplace now?".
    """

    id: str
    team_id: str
    cycle: int
    round: Round | None = None
    # The kinds of theme the day runs: both rounds (Nyborg, and a DTU unit that holds both
    # dialogues at once), or the one DTU dialogue the planning group chose (process/selection.py).
    kinds: tuple[Kind, ...] = tuple(Kind)


def done_steps(dialogue: Dialogue, now: datetime) -> frozenset[StepId]:
    """The steps whose result exists at ``now``."""
    done: set[StepId] = set()
    if dialogue.round is not None:
        done |= {StepId.PLAN, StepId.INFORM}
        if not dialogue.round.is_open(now):
            done.add(StepId.NOMINATION)
    return frozenset(done)


def current_step(dialogue: Dialogue, now: datetime) -> Step:
    """The first step, in the guide's order, that can begin and has no result yet."""
    done = done_steps(dialogue, now)
    for candidate in STEPS:
        if candidate.id not in done and all(need in done for need in candidate.needs):
            return candidate
    raise ValueError("every step is done")  # cannot happen while later steps record nothing


# -- what falls due when -----------------------------------------------------------------------
FOLLOW_UP_MONTHS = (3, 6)  # the guide: "Aftal opfølgning" after 3 and after 6 months
SEND_ON_MONTH_DAY = (12, 1)  # "inden 1. december"


def follow_up_days(plan_agreed_on: date, window: WorkingWindow) -> tuple[date, ...]:
    """The working days of the follow-ups, counted from the day the plan was agreed.

    Both count from the original date (never 3 months twice: clamping the 31st is not
    reversible), and one that lands on a weekend or holiday moves to the next working day.
    """
    return tuple(schedule_at(add_months(plan_agreed_on, months), window).astimezone(window.tz).date()
                 for months in FOLLOW_UP_MONTHS)


def send_on_deadline(cycle: int, window: WorkingWindow) -> date:
    """The last working day on or before 1 December of ``cycle``: the send-on must be in by then."""
    return last_working_day_on_or_before(date(cycle, *SEND_ON_MONTH_DAY), window)


# A step's due rule takes its own data, the window and (where it matters) ``now``; the queue
# rows it yields are written by the step's dialog and sent by the sweeper.
DUE_RULES: dict[StepId, Callable[..., object]] = {
    StepId.NOMINATION: plan_nomination_reminders,
    StepId.EVERYDAY_EXAMPLE: plan_example_reminders,
    StepId.FOLLOW_UP: follow_up_days,
    StepId.SEND_ON: send_on_deadline,
}


def mermaid() -> str:
    """The table as a Mermaid state diagram (``dialogue.mmd`` holds its output)."""
    lines = ["stateDiagram-v2", "    %% Generated from bot/process/dialogue.py STEPS; tests/test_dialogue.py keeps it in step."]
    for s in STEPS:
        number = f"{s.number}. " if s.number is not None else ""
        lines.append(f"    {s.id}: {number}{s.id} ({s.built})")
    lines.append(f"    [*] --> {STEPS[0].id}")
    for s in STEPS:
        for need in s.needs:
            lines.append(f"    {need} --> {s.id}")
    leaves = [s.id for s in STEPS if not any(s.id in other.needs for other in STEPS)]
    lines += [f"    {leaf} --> [*]" for leaf in leaves]
    lines.append("    classDef planned stroke-dasharray: 5 5")
    lines += [f"    class {s.id} planned" for s in STEPS if s.built is Built.NO]
    return "\n".join(lines) + "\n"
