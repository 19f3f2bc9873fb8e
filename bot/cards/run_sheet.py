"""The day's run-sheet for the leader (step 8, Bilag 5).

Every item of the programme with its clock times from the day's start (the wall clock, as
bot/process/run_sheet.py places them), what it is, and the leader's part in it; the leader's
role ("store ører og lille mund"), what to say at the welcome and the close, how the 30
minutes of examples divide in a group, and each group's share of the plenum. No storage: the
card is built from the day and the groups each time it is asked for.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from ..process.concept import Kind
from ..process.invitation import DialogueDay
from ..process.run_sheet import CLOSE_PARTS, Slot, example_timing, plenum_time_per_group
from ..texts import t
from ..texts.run_sheet import format_clock, format_minutes
from .elements import Element, card, container, heading, subheading, submit, text, verbatim
from .evaluation import EvaluationStart
from .group_results import ResultsShow
from .payload import Payload, RoundId

EXAMPLE_GROUP_SIZES = (3, 4)  # shown when the groups are not formed yet: the guide's 3-4


class RunSheetShow(Payload):
    """Open the run-sheet (typed ``drejebog`` / ``run-sheet``, or the grouping card's button)."""

    VERB: ClassVar[str] = "run_sheet.show"
    dialogue_id: RoundId | None = None


def _slot(lang: str, slot: Slot) -> Element:
    title = t(lang, f"run_sheet.item.{slot.id}")
    start, end = (format_clock(lang, moment) for moment in slot.clock())
    heading_key = "run_sheet.slot" if slot.item.length else "run_sheet.slot.before"
    items: list[Element] = [
        text(t(lang, heading_key, start=start, end=end, title=title), weight="Bolder"),
        text(t(lang, f"run_sheet.item.{slot.id}.text"), spacing="Small"),
        text(t(lang, f"run_sheet.role.{slot.item.leader}"), subtle=True, spacing="Small"),
    ]
    if slot.item.may_stay_away:
        items.append(text(t(lang, "run_sheet.may_stay_away"), subtle=True, spacing="None"))
    return container(items, separator=True)


def run_sheet_card(lang: str, *, dialogue_id: str, day: DialogueDay, sheet: tuple[Slot, ...],
                   group_sizes: Iterable[int] = (), groups_per_round: Mapping[Kind, int] | None = None) -> Element:
    """The run-sheet of ``day``; ``group_sizes`` are the sizes of the groups formed (the guide's 3
    and 4 when none are), ``groups_per_round`` how many groups each round has (None: not formed)."""
    start, end = format_clock(lang, sheet[0].starts.time()), format_clock(lang, sheet[-1].ends.time())
    body: list[Element] = [heading(t(lang, "run_sheet.title")),
                           text(t(lang, "run_sheet.when", date=day.date, start=start, end=end), spacing="Small")]
    if day.place:  # typed by the planning group: shown as typed
        body.append(verbatim(day.place, prefix=t(lang, "run_sheet.place"), spacing="Small"))
    body += [subheading(t(lang, "run_sheet.leader.title")), text(t(lang, "run_sheet.leader.text"), spacing="Small")]
    body += [_slot(lang, slot) for slot in sheet]
    body += [subheading(t(lang, "run_sheet.opening.title"), separator=True), text(t(lang, "run_sheet.opening.text"), spacing="Small")]
    body.append(subheading(t(lang, "run_sheet.close.title")))
    rounds = [kind for kind in Kind if any(slot.item.kind is kind for slot in sheet)]  # one on a one-kind day (DTU)
    # A one-kind day's evaluation asks about that dialogue alone ("…dialog om ledelse").
    close = {"evaluation": f"evaluation.{rounds[0]}"} if len(rounds) == 1 else {}
    body += [text(t(lang, f"run_sheet.close.{close.get(part, part)}"), spacing="Small") for part in CLOSE_PARTS]
    body += [subheading(t(lang, "run_sheet.timing.title"), separator=True), text(t(lang, "run_sheet.timing.intro"), spacing="Small")]
    for size in sorted(set(group_sizes) or EXAMPLE_GROUP_SIZES):
        timing = example_timing(size)
        body.append(text("• " + t(lang, "run_sheet.timing.row", size=size, share=format_minutes(lang, timing.per_person),
                                    telling=format_minutes(lang, timing.telling_at_most)), spacing="Small"))
    body.append(subheading(t(lang, "run_sheet.plenum.title")))
    if groups_per_round:
        for kind in Kind:
            count = groups_per_round.get(kind, 0)
            if count:
                body.append(text("• " + t(lang, "run_sheet.plenum.row", round=t(lang, f"run_sheet.round.{kind}"), count=count,
                                            share=format_minutes(lang, plenum_time_per_group(count))), spacing="Small"))
    else:
        body.append(text(t(lang, "run_sheet.plenum.not_formed"), spacing="Small"))
    actions = [submit(t(lang, f"run_sheet.action.plenum.{kind}"), ResultsShow, dialogue_id=dialogue_id, kind=str(kind)) for kind in rounds]
    actions.append(submit(t(lang, "run_sheet.action.evaluation"), EvaluationStart, dialogue_id=dialogue_id))
    return card(body, actions)
