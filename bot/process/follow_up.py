"""Step 12 of the guide (Udviklingstiltag i gang) and the run-up to step 13 (inden 1. december).

The guide: "aftal, hvordan I følger op på arbejdet hhv. om 3 og 6 måneder", "Løbende opfølgning
og synliggørelse af resultater", and "Planlægningsgruppen skal inden 1. december sende deres
Udviklingsplan ... til MED-Koordinationsgruppen". The rules, written down:

* Follow-ups. Counted from the day the plan was adopted (Copenhagen date), 3 and 6 months on,
  each from the original date (``dialogue.follow_up_days``: the 31st clamps to a shorter month,
  29 February + 6 months is 29 August, a weekend or holiday moves to the next working day). At
  the opening of that working day a ``follow_up_due`` row, addressed to the team, hands the
  follow-up card to each member of the planning group as it is *then* (``follow_up_card`` rows),
  so someone who joined the group since gets it and someone who left does not.
* A follow-up is done when every initiative has a status recorded on or after its day; from then
  its rows are obsolete, and the channel gets one short progress post (``follow_up_progress``).
* Run-up to 1 December. 30, 14, 7 and 1 working days before ``send_on_deadline(cycle)`` (the
  last working day on or before 1 December), at the window's opening, a ``send_on_due`` row hands
  a reminder with the send-on button to each member of the planning group. A plan adopted late
  starts the run-up late: a reminder whose moment has passed is skipped, not sent in a bunch. If
  none is left but the deadline day is not over, or the plan is adopted after the deadline, one
  row goes out at once ("send it on now"). All of them are obsolete once the plan is sent on.
* Milestone nudges. When a milestone's date has passed without it being marked done, its owner
  (tovholder) is nudged on the first working day after it, and once more 5 working days later; at
  most ``NUDGE_CAP`` per milestone (a local choice: the guide only asks for continuous follow-up).
  A nudge is obsolete once the milestone is done, gone, moved, or the initiative has another owner.
  An initiative without an owner gets no nudges; the planning group sees it at the follow-ups.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from .calendar import WorkingWindow, next_opening, schedule_at, working_days_before
from .development_plan import DevelopmentPlan, Initiative, Milestone
from .dialogue import FOLLOW_UP_MONTHS, follow_up_days, send_on_deadline
from .reminders import ReminderPlan

FOLLOW_UP_DUE_KIND = "follow_up_due"  # to the team: hands the card to the planning group
FOLLOW_UP_CARD_KIND = "follow_up_card"  # to one member of the planning group
FOLLOW_UP_PROGRESS_KIND = "follow_up_progress"  # to the channel, once a follow-up is recorded
SEND_ON_DUE_KIND = "send_on_due"  # to the team: hands the run-up reminder to the planning group
SEND_ON_REMINDER_KIND = "send_on_reminder"  # to one member of the planning group
MILESTONE_NUDGE_KIND = "milestone_nudge"  # to an initiative's owner

# One row per key: none of these is a person's daily reminder competing with another.
UNLIMITED_KINDS = frozenset({FOLLOW_UP_DUE_KIND, FOLLOW_UP_CARD_KIND, FOLLOW_UP_PROGRESS_KIND, SEND_ON_DUE_KIND,
                             SEND_ON_REMINDER_KIND})

RUN_UP_WORKING_DAYS = (30, 14, 7, 1)  # working days before the send-on deadline
SEND_ON_NOW = 0  # the sequence of the one "send it on now" row
NUDGE_CAP = 2  # nudges per milestone (local choice)
NUDGE_GAP_WORKING_DAYS = 5


class Status(StrEnum):
    """An initiative's state. The guide speaks of initiatives "sat i værk" and "gennemført"."""

    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    OFF_TRACK = "off_track"
    DONE = "done"


NOTE_MAX = 500


@dataclass(frozen=True)
class StatusEntry:
    """One recorded status of one initiative; every save is kept (the history)."""

    dialogue_id: str
    initiative_id: str
    status: Status
    note: str
    by: str
    at: datetime


@dataclass(frozen=True)
class SentOn:
    """The plan was sent on: by whom, when, and which version of it."""

    dialogue_id: str
    sent_at: datetime
    by: str
    version: int


def adopted_on(plan: DevelopmentPlan, window: WorkingWindow, now: datetime) -> date:
    """The local date the plan was adopted (``now`` if the plan does not say)."""
    return (plan.adopted_at or now).astimezone(window.tz).date()


def follow_up_moments(plan: DevelopmentPlan, window: WorkingWindow, now: datetime) -> dict[int, datetime]:
    """Months -> the moment the follow-up falls due (the window's opening on its working day)."""
    days = follow_up_days(adopted_on(plan, window, now), window)
    return {months: schedule_at(day, window) for months, day in zip(FOLLOW_UP_MONTHS, days)}


def current_follow_up(plan: DevelopmentPlan, window: WorkingWindow, now: datetime) -> int | None:
    """The follow-up (3 or 6) whose day has come and not been overtaken by the next, else None."""
    current = None
    for months, moment in sorted(follow_up_moments(plan, window, now).items()):
        if now >= moment:
            current = months
    return current


def run_up_moments(cycle: int, window: WorkingWindow) -> dict[int, datetime]:
    """Working days before the deadline -> the moment of that reminder."""
    deadline = send_on_deadline(cycle, window)
    return {n: schedule_at(working_days_before(deadline, n, window), window) for n in RUN_UP_WORKING_DAYS}


def deadline_over(cycle: int, window: WorkingWindow, now: datetime) -> bool:
    """True once the send-on deadline day has ended (local midnight after it)."""
    return now.astimezone(window.tz).date() > send_on_deadline(cycle, window)


def nudge_moments(milestone: Milestone, window: WorkingWindow) -> list[datetime]:
    """The first working day after the milestone's date, then every ``NUDGE_GAP_WORKING_DAYS``."""
    first = schedule_at(milestone.due + timedelta(days=1), window)
    moments = [first]
    while len(moments) < NUDGE_CAP:
        day = moments[-1].astimezone(window.tz).date()
        later = day
        for _ in range(NUDGE_GAP_WORKING_DAYS):
            later = schedule_at(later + timedelta(days=1), window).astimezone(window.tz).date()
        moments.append(schedule_at(later, window))
    return moments


def plan_after_adoption(plan: DevelopmentPlan, *, team_id: str, cycle: int, window: WorkingWindow, now: datetime) -> list[ReminderPlan]:
    """The queue rows an adopted plan brings: the follow-ups, the 1 December run-up, milestone nudges."""
    d = plan.dialogue_id
    rows = [
        ReminderPlan(f"{FOLLOW_UP_DUE_KIND}:{d}:{months}", FOLLOW_UP_DUE_KIND, team_id, d, team_id, months, moment)
        for months, moment in sorted(follow_up_moments(plan, window, now).items())
        if moment >= now
    ]
    rows += send_on_rows(d, team_id=team_id, cycle=cycle, window=window, now=now)
    for initiative in plan.initiatives:
        rows += nudge_rows(d, team_id, initiative, window=window, now=now)
    return rows


def send_on_rows(dialogue_id: str, *, team_id: str, cycle: int, window: WorkingWindow, now: datetime) -> list[ReminderPlan]:
    """The run-up rows still ahead; one row at once if none is left (or the deadline has passed)."""
    ahead = [(n, moment) for n, moment in run_up_moments(cycle, window).items() if moment >= now]
    if not ahead:
        ahead = [(SEND_ON_NOW, next_opening(now, window))]
    return [ReminderPlan(f"{SEND_ON_DUE_KIND}:{dialogue_id}:{n}", SEND_ON_DUE_KIND, team_id, dialogue_id, team_id, n, moment)
            for n, moment in ahead]


def nudge_rows(dialogue_id: str, team_id: str, initiative: Initiative, *, window: WorkingWindow, now: datetime) -> list[ReminderPlan]:
    """Nudges for the initiative's open milestones whose moments are still ahead."""
    if not initiative.owner_id:
        return []
    rows = []
    for milestone in initiative.milestones:
        if milestone.done_at is not None:
            continue
        for sequence, moment in enumerate(nudge_moments(milestone, window), start=1):
            if moment >= now:
                rows.append(ReminderPlan(
                    nudge_key(dialogue_id, initiative.id, milestone, sequence), MILESTONE_NUDGE_KIND, team_id, dialogue_id,
                    initiative.owner_id, sequence, moment,
                ))
    return rows


def nudge_key(dialogue_id: str, initiative_id: str, milestone: Milestone, sequence: int) -> str:
    # The milestone's date is in the key: moving a milestone plans new nudges and retires the old.
    return f"{MILESTONE_NUDGE_KIND}:{dialogue_id}:{initiative_id}:{milestone.id}:{milestone.due.isoformat()}:{sequence}"


@dataclass(frozen=True)
class NudgeTarget:
    initiative_id: str
    milestone_id: str
    due: date


def parse_nudge_key(key: str) -> NudgeTarget | None:
    parts = key.split(":")
    if len(parts) != 6 or parts[0] != MILESTONE_NUDGE_KIND:
        return None
    try:
        return NudgeTarget(parts[2], parts[3], date.fromisoformat(parts[4]))
    except ValueError:
        return None


def member_rows(kind: str, dialogue_id: str, team_id: str, sequence: int, members: Iterable[str], now: datetime) -> list[ReminderPlan]:
    """A fan-out row's per-person rows (``follow_up_card`` / ``send_on_reminder``), due at once."""
    return [ReminderPlan(f"{kind}:{dialogue_id}:{sequence}:{user}", kind, team_id, dialogue_id, user, sequence, now)
            for user in dict.fromkeys(members)]


def progress_row(dialogue_id: str, team_id: str, months: int, now: datetime) -> ReminderPlan:
    """The channel's progress post for one follow-up: one per follow-up, whoever records last."""
    return ReminderPlan(f"{FOLLOW_UP_PROGRESS_KIND}:{dialogue_id}:{months}", FOLLOW_UP_PROGRESS_KIND, team_id, dialogue_id,
                        team_id, months, now)


# -- what the rows and the card read --------------------------------------------------------------------
def latest_statuses(entries: Iterable[StatusEntry]) -> dict[str, StatusEntry]:
    """Initiative id -> its newest status."""
    out: dict[str, StatusEntry] = {}
    for entry in sorted(entries, key=lambda e: e.at):
        out[entry.initiative_id] = entry
    return out


def follow_up_recorded(plan: DevelopmentPlan, entries: Iterable[StatusEntry], since: datetime) -> bool:
    """True when every initiative has a status recorded at or after ``since`` (the follow-up's day)."""
    latest = latest_statuses(entries)
    return bool(plan.initiatives) and all(i.id in latest and latest[i.id].at >= since for i in plan.initiatives)


def follow_up_obsolete_reason(plan: DevelopmentPlan | None, entries: Iterable[StatusEntry], *, since: datetime) -> str | None:
    if plan is None or plan.adopted_at is None:
        return "no_adopted_plan"
    if follow_up_recorded(plan, entries, since):
        return "recorded"
    return None


def send_on_obsolete_reason(plan: DevelopmentPlan | None, sent: SentOn | None) -> str | None:
    if sent is not None:
        return "sent_on"
    if plan is None or plan.adopted_at is None:
        return "no_adopted_plan"
    return None


def nudge_obsolete_reason(plan: DevelopmentPlan | None, target: NudgeTarget | None, *, recipient_id: str,
                          done: Mapping[tuple[str, str], datetime]) -> str | None:
    if target is None:
        return "bad_key"
    if plan is None or plan.adopted_at is None:
        return "no_adopted_plan"
    initiative = plan.initiative(target.initiative_id)
    if initiative is None:
        return "initiative_gone"
    if initiative.owner_id != recipient_id:
        return "owner_changed"
    milestone = next((m for m in initiative.milestones if m.id == target.milestone_id), None)
    if milestone is None:
        return "milestone_gone"
    if milestone.due != target.due:
        return "milestone_moved"
    if milestone.done_at is not None or (target.initiative_id, target.milestone_id) in done:
        return "milestone_done"
    return None


def may_mark_milestone(user_id: str, planning_group: Iterable[str], initiative: Initiative) -> bool:
    """The planning group marks any milestone; an owner marks those of their own initiative."""
    return user_id in set(planning_group) or (initiative.owner_id is not None and initiative.owner_id == user_id)


def organisation_initiatives(plan: DevelopmentPlan) -> list[Initiative]:
    """What the send-on highlights: initiatives that need support from outside the workplace."""
    return [i for i in plan.initiatives if i.needs_organisation]


def clean_note(text: str | None) -> str:
    return (text or "").strip()[:NOTE_MAX]
