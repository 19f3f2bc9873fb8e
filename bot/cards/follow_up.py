"""The follow-ups of the initiatives at 3 and 6 months (step 12) and the send-on before 1 December (step 13).

The send-on's own cards are in ``send_on.py``; the entry payloads of both live here.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..process.clock import COPENHAGEN
from ..process.development_plan import DevelopmentPlan, Initiative, Milestone
from ..process.follow_up import NOTE_MAX, Status, StatusEntry
from ..texts import format_date, format_short_date, t
from .elements import Element, action_set, card, container, heading, rich, run, submit, text, verbatim
from .payload import Payload, RoundId

MilestoneIds = Annotated[str, Field(max_length=400)]  # Input.ChoiceSet multi-select: "m1,m2"
Note = Annotated[str, Field(max_length=2 * NOTE_MAX)]


class FollowUpShow(Payload):
    """Open the follow-up card of an initiative, or of all (typed ``opfølgning`` / ``follow-up``)."""

    VERB: ClassVar[str] = "follow_up.show"
    dialogue_id: RoundId | None = None
    initiative_id: RoundId | None = None


class SendOnShow(Payload):
    """Open the send-on card (typed ``send videre`` / ``send on``, or the 1 December reminder's button)."""

    VERB: ClassVar[str] = "send_on.show"
    dialogue_id: RoundId | None = None


class FollowUpSave(Payload):
    """Save one initiative's status, note and milestones, from the card of plan ``version``."""

    VERB: ClassVar[str] = "follow_up.save"
    dialogue_id: RoundId
    initiative_id: RoundId
    version: int
    status: Literal["not_started", "on_track", "off_track", "done"] | None = None
    note: Note | None = None
    done: MilestoneIds | None = None


class MilestoneMark(Payload):
    """The nudge's "Mark as reached"."""

    VERB: ClassVar[str] = "follow_up.milestone_done"
    dialogue_id: RoundId
    initiative_id: RoundId
    milestone_id: RoundId


def _day(moment: datetime) -> date:
    return moment.astimezone(COPENHAGEN).date()


def status_label(lang: str, status: Status | None) -> str:
    return t(lang, f"follow_up.status.{status.value}") if status else t(lang, "follow_up.status.none")


def is_done(initiative: Initiative, milestone: Milestone, done: Mapping[tuple[str, str], datetime]) -> bool:
    return milestone.done_at is not None or (initiative.id, milestone.id) in done


def _initiative_block(lang: str, dialogue_id: str, initiative: Initiative, latest: StatusEntry | None,
                      done: Mapping[tuple[str, str], datetime], *, editable: bool) -> Element:
    items: list[Element] = [verbatim(initiative.title, bold=True)]
    owner = initiative.owner_name or initiative.owner_id
    items.append(verbatim(owner, prefix=t(lang, "follow_up.owner"), prefix_subtle=True) if owner
                 else text(t(lang, "follow_up.no_owner"), subtle=True, spacing="None"))
    if latest is not None:
        items.append(text(t(lang, "follow_up.latest", status=status_label(lang, latest.status),
                            date=format_short_date(lang, _day(latest.at))), weight="Bolder", spacing="Small"))
        if latest.note:
            items.append(verbatim(latest.note, italic=True))
    else:
        items.append(text(status_label(lang, None), subtle=True, spacing="Small"))
    for m in initiative.milestones:
        key = "follow_up.milestone.done" if is_done(initiative, m, done) else "follow_up.milestone.open"
        items.append(rich(run(t(lang, key, label=m.label, date=format_short_date(lang, m.due))), spacing="None"))
    if editable:
        items.append(action_set([submit(t(lang, "action.follow_up.edit"), FollowUpShow, dialogue_id=dialogue_id,
                                        initiative_id=initiative.id)]))
    return container(items, style="emphasis", spacing="Medium")


def follow_up_card(lang: str, plan: DevelopmentPlan, *, latest: Mapping[str, StatusEntry], done: Mapping[tuple[str, str], datetime],
                   months: int | None = None, due: bool = False, dates: tuple[date, date] | None = None,
                   notice: str | None = None) -> Element:
    """Every initiative with its newest status, note and milestones, and a button to update each."""
    title = t(lang, "follow_up.title.months", months=months) if months else t(lang, "follow_up.title")
    body: list[Element] = [heading(title), text(t(lang, "follow_up.intro.due" if due else "follow_up.intro"))]
    if notice:
        body.append(text(notice, color="Good", weight="Bolder"))
    if dates:
        body.append(text(t(lang, "follow_up.dates", three=format_short_date(lang, dates[0]), six=format_short_date(lang, dates[1])),
                         subtle=True))
    body += [_initiative_block(lang, plan.dialogue_id, i, latest.get(i.id), done, editable=True) for i in plan.initiatives]
    return card(body, fallback_text=title)


def follow_up_form_card(lang: str, plan: DevelopmentPlan, initiative: Initiative, *, latest: StatusEntry | None,
                        done: Mapping[tuple[str, str], datetime], may_status: bool, error: str | None = None,
                        notice: str | None = None) -> Element:
    """One initiative's form: status and note (planning group), milestones reached (also its owner)."""
    body: list[Element] = [heading(t(lang, "follow_up.title"), size="Medium"), verbatim(initiative.title, bold=True)]
    if error:
        body.append(text(error, color="Attention"))
    if notice:
        body.append(text(notice, color="Good", weight="Bolder"))
    if may_status:
        current = latest.status.value if latest else Status.NOT_STARTED.value
        body.append({"type": "Input.ChoiceSet", "id": "status", "label": t(lang, "follow_up.form.status"), "style": "expanded",
                     "value": current, "isRequired": True,
                     "choices": [{"title": status_label(lang, s), "value": s.value} for s in Status]})
        body.append({"type": "Input.Text", "id": "note", "label": t(lang, "follow_up.form.note"), "isMultiline": True,
                     "maxLength": NOTE_MAX, "placeholder": t(lang, "follow_up.form.note.placeholder"),
                     "value": latest.note if latest else ""})
    else:
        body.append(text(t(lang, "follow_up.form.owner_only"), subtle=True))
    if initiative.milestones:
        body.append({"type": "Input.ChoiceSet", "id": "done", "label": t(lang, "follow_up.form.milestones"), "isMultiSelect": True,
                     "style": "expanded",
                     "value": ",".join(m.id for m in initiative.milestones if is_done(initiative, m, done)),
                     "choices": [{"title": t(lang, "follow_up.milestone.choice", label=m.label, date=format_short_date(lang, m.due)),
                                  "value": m.id} for m in initiative.milestones]})
    actions = [submit(t(lang, "action.follow_up.save"), FollowUpSave, style="positive", dialogue_id=plan.dialogue_id,
                      initiative_id=initiative.id, version=plan.version)]
    if may_status:
        actions.append({**submit(t(lang, "action.follow_up.back"), FollowUpShow, dialogue_id=plan.dialogue_id),
                        "associatedInputs": "none"})
    return card(body, actions, fallback_text=t(lang, "follow_up.title"))


def progress_post_card(lang: str, plan: DevelopmentPlan, *, months: int, latest: Mapping[str, StatusEntry],
                       done: Mapping[tuple[str, str], datetime]) -> Element:
    """The channel's short post once a follow-up is recorded: status and milestones per initiative, no notes."""
    body: list[Element] = [heading(t(lang, "follow_up.progress.title", months=months), size="Medium"),
                           text(t(lang, "follow_up.progress.intro"))]
    for i in plan.initiatives:
        entry = latest.get(i.id)
        line = [run(i.title, bold=True), run(" – "), run(status_label(lang, entry.status if entry else None))]
        if i.milestones:
            reached = sum(is_done(i, m, done) for m in i.milestones)
            line.append(run(" · " + t(lang, "follow_up.progress.milestones", done=reached, total=len(i.milestones)), subtle=True))
        body.append(rich(*line, spacing="Small"))
    return card(body, fallback_text=t(lang, "follow_up.progress.title", months=months))


def milestone_nudge_card(lang: str, dialogue_id: str, initiative: Initiative, milestone: Milestone, *,
                         marked_on: date | None = None) -> Element:
    """To the owner when a milestone's date has passed unmarked; after the press, a receipt in place."""
    body: list[Element] = [
        heading(t(lang, "follow_up.nudge.title"), size="Medium"),
        verbatim(initiative.title, prefix=t(lang, "follow_up.nudge.initiative"), prefix_subtle=True),
        verbatim(milestone.label, prefix=t(lang, "follow_up.nudge.milestone"), prefix_subtle=True),
    ]
    if marked_on is not None:
        body.append(text(t(lang, "follow_up.nudge.marked", date=format_date(lang, marked_on)), color="Good"))
        return card(body, fallback_text=t(lang, "follow_up.nudge.title"))
    body.append(text(t(lang, "follow_up.nudge.text", date=format_date(lang, milestone.due))))
    actions = [
        submit(t(lang, "action.follow_up.mark_done"), MilestoneMark, style="positive", dialogue_id=dialogue_id,
               initiative_id=initiative.id, milestone_id=milestone.id),
        submit(t(lang, "action.follow_up.open"), FollowUpShow, dialogue_id=dialogue_id, initiative_id=initiative.id),
    ]
    return card(body, actions, fallback_text=t(lang, "follow_up.nudge.title"))
