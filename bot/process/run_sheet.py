"""Step 8 of the guide (Selve Udviklingsdialogen): the day's programme as a run-sheet (Bilag 5).

Bilag 5 gives the three hours with clock times from 08:00; a workplace that starts at another
time keeps every length, so the times here are the guide's offsets added to the start on the
wall clock (08:15 stays 08:15 on the night summer time ends). Items, as Bilag 5 has them:

====  =====  ====================================================================================
from  to     item (``id``)
====  =====  ====================================================================================
      0:00   ``prepare``: before anyone arrives, tables for groups of 3-4, the first round's
             groups, post-its and flip-charts headed "Vigtige pointer" and "Ønskede handlinger"
0:00  0:15   ``welcome``: "Velkomst og rammesætning"; why the dialogue matters to the leader,
             the programme and the rules of the dialogue
0:15  0:45   ``wellbeing_examples``: "Trivselsdialog – del 1"; each tells their example, "max 4
             minutter", the others note key points and actions on post-its (30 minutes in all)
0:45  1:00   ``wellbeing_sort``: "del 2: grupperne bearbejder input" (15 minutes): what recurs,
             what points different ways; choose the 2 key points and 2 desired actions
1:00  1:25   ``wellbeing_plenum``: "Plenumopsamling"; the leader asks the groups in turn, only
             comments and clarifying questions (25 minutes)
1:25  1:35   ``break``: collect the flip-charts; "Lav nye grupper i pausen"
1:35  2:05   ``leadership_examples``: "Ledelsesdialog – del 1" in new groups, same procedure
2:05  2:20   ``leadership_sort``
2:20  2:45   ``leadership_plenum``
2:45  3:00   ``close``: "Opsummering på dialogen, kvittering og proces for opfølgning": the
             leader acknowledges what they noticed (without answering proposals), the short
             evaluation (``evaluation.py``), and the next steps
====  =====  ====================================================================================

The leader's role (``LeaderRole``) is "store ører og lille mund": frame and facilitate, then
observe and listen, note what is heard, answer only questions about the method. In the
leadership round Bilag 5 lets the leader consider not walking round, if that makes the talk
less free (``may_stay_away``). Words for all of this belong in the texts layer; here are ids.

A day that runs one dialogue kind (DTU's well-being or leadership dialogue, ``programme``) has
that round alone: welcome, the round's three items, close, each as long as Bilag 5 makes it and
following on, without the break whose purpose is new groups. DTU's material gives no programme;
this is the bot's reading of Bilag 5 for one round.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from .concept import Kind
from .invitation import DialogueDay, wall_clock

EXAMPLES_TOTAL = timedelta(minutes=30)  # "30 minutter i alt"
TELLING_AT_MOST = timedelta(minutes=4)  # "Hver enkelt har max 4 minutter"
PLENUM_TOTAL = timedelta(minutes=25)  # "i alt 25 minutter"


class LeaderRole(StrEnum):
    PREPARE = "prepare"  # sets up the room and the groups
    FRAME = "frame"  # "kort intro og rammesætning"
    LISTEN = "listen"  # "observatør med fokus på at lytte": store ører og lille mund
    ASK_GROUPS = "ask_groups"  # "Leder spørger grupperne på skift"
    REGROUP = "regroup"  # "Saml de udfyldte flipover papirer … Lav nye grupper i pausen"
    ACKNOWLEDGE = "acknowledge"  # "kvitterer for input … uden at svare på evt. forslag"


@dataclass(frozen=True)
class Item:
    """One row of the run-sheet: from ``offset`` for ``length`` after the start."""

    id: str
    offset: timedelta
    length: timedelta
    kind: Kind | None  # the round's theme, or None for the shared parts
    leader: LeaderRole
    may_stay_away: bool = False  # Bilag 5: the leader may choose not to walk round in this part


_M = lambda minutes: timedelta(minutes=minutes)  # noqa: E731  (a table reads better with it)
W, L = Kind.WELLBEING, Kind.LEADERSHIP
PROGRAMME: tuple[Item, ...] = (
    Item("prepare", _M(0), _M(0), None, LeaderRole.PREPARE),
    Item("welcome", _M(0), _M(15), None, LeaderRole.FRAME),
    Item("wellbeing_examples", _M(15), _M(30), W, LeaderRole.LISTEN),
    Item("wellbeing_sort", _M(45), _M(15), W, LeaderRole.LISTEN),
    Item("wellbeing_plenum", _M(60), _M(25), W, LeaderRole.ASK_GROUPS),
    Item("break", _M(85), _M(10), None, LeaderRole.REGROUP),
    Item("leadership_examples", _M(95), _M(30), L, LeaderRole.LISTEN, may_stay_away=True),
    Item("leadership_sort", _M(125), _M(15), L, LeaderRole.LISTEN, may_stay_away=True),
    Item("leadership_plenum", _M(140), _M(25), L, LeaderRole.ASK_GROUPS),
    Item("close", _M(165), _M(15), None, LeaderRole.ACKNOWLEDGE),
)
del W, L
BOTH: tuple[Kind, ...] = tuple(Kind)


def programme(kinds: tuple[Kind, ...] = BOTH) -> tuple[Item, ...]:
    """The items of a day that runs ``kinds`` (see the module's last paragraph for one kind)."""
    if set(kinds) == set(Kind):
        return PROGRAMME
    items, at = [], timedelta(0)
    for item in PROGRAMME:
        if item.id == "break" or (item.kind is not None and item.kind not in kinds):
            continue
        items.append(replace(item, offset=at))
        at += item.length
    return tuple(items)

CLOSE_PARTS = ("acknowledge", "evaluation", "next_steps")  # Bilag 5, 10.45-11.00, in its order

# Bilag 3's programme for the invitation: four parts, over the items above.
OUTLINE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("welcome", ("welcome",)),
    ("wellbeing", ("wellbeing_examples", "wellbeing_sort", "wellbeing_plenum")),
    ("leadership", ("leadership_examples", "leadership_sort", "leadership_plenum")),
    ("summary", ("close",)),
)


@dataclass(frozen=True)
class Slot:
    """An item placed on the day: aware Copenhagen wall-clock times."""

    item: Item
    starts: datetime
    ends: datetime

    @property
    def id(self) -> str:
        return self.item.id

    def clock(self) -> tuple[time, time]:
        return self.starts.time(), self.ends.time()


def run_sheet(day_date: date, start: time, *, kinds: tuple[Kind, ...] = BOTH) -> tuple[Slot, ...]:
    """The programme of a day running ``kinds`` with clock times from ``start`` on ``day_date`` (wall clock)."""
    return tuple(Slot(item, wall_clock(day_date, start, item.offset), wall_clock(day_date, start, item.offset + item.length))
                 for item in programme(kinds))


def run_sheet_for(day: DialogueDay, *, kinds: tuple[Kind, ...] = BOTH) -> tuple[Slot, ...]:
    return run_sheet(day.date, day.start, kinds=kinds)


def outline(day_date: date, start: time, *, kinds: tuple[Kind, ...] = BOTH) -> tuple[tuple[str, datetime, datetime], ...]:
    """Bilag 3's parts with their times: (part, from, to); a one-kind day leaves the other round out."""
    slots = {s.id: s for s in run_sheet(day_date, start, kinds=kinds)}
    return tuple((part, slots[ids[0]].starts, slots[ids[-1]].ends) for part, ids in OUTLINE if ids[0] in slots)


def slot_at(sheet: tuple[Slot, ...], now: datetime) -> Slot | None:
    """The item running at ``now`` (start inclusive, end exclusive), or None before and after."""
    return next((s for s in sheet if s.item.length and s.starts <= now < s.ends), None)


@dataclass(frozen=True)
class ExampleTiming:
    """How the 30 minutes of examples divide in a group: each person's share, of which the
    telling is at most 4 minutes and the rest is the others presenting their post-its."""

    per_person: timedelta
    telling_at_most: timedelta


def example_timing(group_size: int) -> ExampleTiming:
    """Bilag 5: "i en gruppe med 4 medarbejdere vil der være 2-3 minutter pr. medarbejder til at
    præsentere. Herefter har de øvrige deltagere i gruppen 3-4 minutter" (7½ minutes in all)."""
    if group_size < 1:
        raise ValueError(f"a group has at least one person, got {group_size}")
    share = EXAMPLES_TOTAL / group_size
    return ExampleTiming(share, min(TELLING_AT_MOST, share))


def plenum_time_per_group(groups: int) -> timedelta:
    """Each group's share of the 25-minute plenum, whole seconds (the leader asks in turn)."""
    if groups < 1:
        raise ValueError(f"at least one group, got {groups}")
    return timedelta(seconds=int(PLENUM_TOTAL.total_seconds()) // groups)
