"""Step 8 of the guide: what each group produced, and the plenum view of it.

"Hver gruppe skal vælge de to vigtigste pointer fra deres drøftelse og de to vigtigste ønskede
handlinger. Marker med tusch på flipoveren så planlægningsgruppen i det efterfølgende arbejde
kan se, hvilke ønskede handlinger gruppen har valgt at prioritere." The bot is that flip-chart:
a group's 2 key points and 2 desired actions per theme, kept for the development plan (step 10).

The rules, written down:

* Who. A member of the group in that round's grouping enters them, and any member of the same
  group may correct them; the latest version stands and says who wrote it. Others, the
  planning group included, may not: the planning group's members take part "på lige fod med
  kolleger", and a group's priorities are the group's (a local reading of the guide).
* When. From the start of the round's examples on the day; no end here (the development plan,
  when built, decides when results are final).
* What. Up to two key points and two desired actions, at least one of each (a group may agree on
  only one; a local choice). Each is one entry of ``ENTRY_MAX_CHARS`` after ``clean_text``; the
  guide asks for "overskrifter" with their post-its, so line breaks are kept.
* Twice. The same entry sent again changes nothing (no new version).
* The plenum view (``plenum_view``): every group of the round in group order, with its points
  and actions, and the groups that have entered nothing yet. It names groups by number, not
  members: what is said in the small group stays the group's. Who wrote the latest version is
  shown to the group only (``entered_by`` never leaves it).
* Which round (``round_now``). A card opened without a round names the round running by the
  run-sheet's clock; outside both rounds (before, in the break, at the close, after the day) the
  well-being round, the first of the day, and the card offers the other round one press away.
* Posting to the channel. The planning group may post the plenum view of both rounds to the
  team's channel; each post is a queue row ``plenum_posted:<dialogue>:<n>`` (``plan_plenum_post``),
  sent in working hours like every proactive message, once by its key.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from .concept import Kind
from .grouping import Grouping
from .invitation import DialogueDay
from .nomination import FieldError
from .reminders import ReminderPlan
from .run_sheet import run_sheet_for, slot_at
from .text import TextRejected, clean_text

PER_LIST = 2  # "de 2 vigtigste pointer og 2 vigtigste ønskede handlinger"
ENTRY_MAX_CHARS = 300  # a flip-chart heading with its post-its; a local choice
FIELD_POINT = "key_point_{n}"
FIELD_ACTION = "desired_action_{n}"
PLENUM_POSTED_KIND = "plenum_posted"  # queue kind: the plenum view of both rounds, posted to the channel


@dataclass(frozen=True)
class ResultsInput:
    key_points: tuple[str, ...]
    desired_actions: tuple[str, ...]


@dataclass(frozen=True)
class GroupResult:
    """One group's flip-chart for one round."""

    dialogue_id: str
    kind: Kind
    group: int  # the group's number in that round, from 1
    key_points: tuple[str, ...]
    desired_actions: tuple[str, ...]
    entered_by: str
    entered_at: datetime
    version: int = 1


class ResultsInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors


class ResultsRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # no_grouping | not_in_group | not_yet


def parse_results(values: Mapping[str, object]) -> ResultsInput:
    """Card values into a group's results, or ResultsInvalid naming each field's problem."""
    errors: list[FieldError] = []
    lists: list[tuple[str, ...]] = []
    for template in (FIELD_POINT, FIELD_ACTION):
        entries: list[str] = []
        for n in range(1, PER_LIST + 1):
            name = template.format(n=n)
            raw = values.get(name, "")
            try:
                text = clean_text(raw if raw is not None else "", max_chars=ENTRY_MAX_CHARS, required=False)  # type: ignore[arg-type]
            except TextRejected as rejected:
                errors.append(FieldError(name, rejected.code, rejected.limit))
                continue
            if text:
                entries.append(text)
        if not entries and not any(e.field.startswith(template.split("{")[0]) for e in errors):
            errors.append(FieldError(template.format(n=1), "required"))
        lists.append(tuple(entries))
    if errors:
        raise ResultsInvalid(errors)
    return ResultsInput(lists[0], lists[1])


def check_may_enter(sender: str, *, grouping: Grouping | None, kind: Kind, group: int, day: DialogueDay,
                    now: datetime) -> None:
    """A member of ``group`` in ``kind``'s round, once that round has begun."""
    if grouping is None:
        raise ResultsRefused("no_grouping")
    if grouping.group_of(sender, kind) != group:
        raise ResultsRefused("not_in_group")
    examples = next(s for s in run_sheet_for(day, kinds=grouping.kinds) if s.id == f"{kind.value}_examples")
    if now < examples.starts:
        raise ResultsRefused("not_yet")


def record(current: GroupResult | None, new: ResultsInput, *, dialogue_id: str, kind: Kind, group: int, sender: str,
           now: datetime) -> GroupResult:
    """The group's results after ``sender`` entered ``new``: unchanged when nothing changed,
    else the next version (a correction replaces the whole flip-chart)."""
    if current is not None and (current.key_points, current.desired_actions) == (new.key_points, new.desired_actions):
        return current
    version = current.version + 1 if current is not None else 1
    return GroupResult(dialogue_id, kind, group, new.key_points, new.desired_actions, sender, now, version)


@dataclass(frozen=True)
class PlenumView:
    kind: Kind
    results: tuple[GroupResult, ...]  # in group order
    missing: tuple[int, ...]  # groups with nothing entered yet

    @property
    def complete(self) -> bool:
        return not self.missing


def plenum_view(grouping: Grouping, results: Iterable[GroupResult], kind: Kind) -> PlenumView:
    """Every group's points and actions for ``kind``'s round, and which groups are still missing."""
    by_group = {r.group: r for r in results if r.kind is kind}
    numbers = range(1, len(grouping.groups(kind)) + 1)
    return PlenumView(kind, tuple(by_group[n] for n in numbers if n in by_group),
                      tuple(n for n in numbers if n not in by_group))


def round_now(day: DialogueDay | None, now: datetime, *, kinds: tuple[Kind, ...] = tuple(Kind)) -> Kind:
    """The round a card without one means: the one running on the run-sheet of a day running
    ``kinds``, else its first (well-being on a day with both)."""
    if day is not None:
        slot = slot_at(run_sheet_for(day, kinds=kinds), now)
        if slot is not None and slot.item.kind is not None:
            return slot.item.kind
    return kinds[0]


def plan_plenum_post(dialogue_id: str, *, team_id: str, channel_id: str, number: int, now: datetime) -> ReminderPlan:
    """The ``number``-th post of the plenum view to the team's channel, due at once."""
    return ReminderPlan(f"{PLENUM_POSTED_KIND}:{dialogue_id}:{number}", PLENUM_POSTED_KIND, team_id, dialogue_id, channel_id,
                        number, now)
