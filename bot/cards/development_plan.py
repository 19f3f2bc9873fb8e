"""The development plan (step 10) and the feedback on it to employees (step 11).

The overview shows every initiative with its owner, milestones, IGLO split and whether it needs
the organisation, the version and who changed it when, and (once shared) how many have marked
it as seen – a count, never who. The editor of one initiative is bot/cards/initiative.py.
"""
from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from pydantic import Field, field_validator

from bot.process.clock import COPENHAGEN
from bot.process.development_plan import (
    ACTION_MAX_CHARS, LABEL_MAX_CHARS, MAX_ACTIONS, MAX_INITIATIVES, TEXT_MAX_CHARS, TITLE_MAX_CHARS, DevelopmentPlan,
    Initiative, may_share_changes,
)

from ..texts import format_date, t
from .elements import MAX_MESSAGE_BYTES, Element, card, container, heading, json_size, open_url, rich, run, submit, text, verbatim
from .payload import DateText, Payload, RoundId, capped


class PlanShow(Payload):
    """Open the development plan (typed ``plan`` / ``plan``, or the plenum and sorting cards' buttons)."""

    VERB: ClassVar[str] = "plan.show"
    dialogue_id: RoundId | None = None


class InitiativeNew(Payload):
    """Start a new initiative, blank or from a topic of the sorting (``topic_id``)."""

    VERB: ClassVar[str] = "plan.initiative_new"
    dialogue_id: RoundId
    topic_id: RoundId | None = None


class InitiativeEdit(Payload):
    """Open one initiative's action plan in the editor."""

    VERB: ClassVar[str] = "plan.initiative_edit"
    dialogue_id: RoundId
    initiative_id: RoundId


class InitiativeSave(Payload):
    """The editor's values; ``version`` is the plan version the editor was built from (None: no plan yet),
    ``initiative_id`` None for a new one. Every value is checked again on the server."""

    VERB: ClassVar[str] = "plan.initiative_save"
    dialogue_id: RoundId
    initiative_id: RoundId | None = None
    version: int | None = Field(default=None, ge=1, le=100_000)
    title: str | None = None
    why: str | None = None
    actions: str | None = None
    copy_actions: str | None = Field(default=None, max_length=200)
    m_planning_label: str | None = None
    m_planning_due: DateText | None = None
    m_execution_label: str | None = None
    m_execution_due: DateText | None = None
    m_evaluation_label: str | None = None
    m_evaluation_due: DateText | None = None
    follow_up: str | None = None
    owner: str | None = Field(default=None, max_length=200)
    communication: str | None = None
    iglo_individual: str | None = None
    iglo_group: str | None = None
    iglo_leadership: str | None = None
    iglo_organisation: str | None = None
    needs_organisation: str | None = Field(default=None, max_length=5)
    ask: str | None = None

    @field_validator("why", "follow_up", "communication", "iglo_individual", "iglo_group", "iglo_leadership",
                     "iglo_organisation", "ask")
    @classmethod
    def _cap_text(cls, value: str | None) -> str | None:
        return capped(value, 2 * TEXT_MAX_CHARS)

    @field_validator("title", "m_planning_label", "m_execution_label", "m_evaluation_label")
    @classmethod
    def _cap_short(cls, value: str | None) -> str | None:
        return capped(value, 2 * max(TITLE_MAX_CHARS, LABEL_MAX_CHARS))

    @field_validator("actions")
    @classmethod
    def _cap_actions(cls, value: str | None) -> str | None:
        return capped(value, 2 * (MAX_ACTIONS + 1) * (ACTION_MAX_CHARS + 1))

    def form_values(self) -> dict[str, str]:
        skip = {"verb", "dialogue_id", "initiative_id", "version", "copy_actions"}
        return {k: v for k, v in self.data().items() if k not in skip and isinstance(v, str)}


class PlanAdoptAsk(Payload):
    """"Vedtag planen": ask to confirm (the card shows the confirmation in place)."""

    VERB: ClassVar[str] = "plan.adopt_ask"
    dialogue_id: RoundId
    version: int = Field(ge=1, le=100_000)


class PlanAdopt(Payload):
    """Adopt the plan as the card showed it (``version``); the first adopter wins."""

    VERB: ClassVar[str] = "plan.adopt"
    dialogue_id: RoundId
    version: int = Field(ge=1, le=100_000)


class PlanHistory(Payload):
    VERB: ClassVar[str] = "plan.history"
    dialogue_id: RoundId


class PlanShare(Payload):
    """"Del ændringerne": post the changed, adopted plan to the team again."""

    VERB: ClassVar[str] = "plan.share"
    dialogue_id: RoundId
    version: int = Field(ge=1, le=100_000)


class PlanSeen(Payload):
    """An employee's "Set og forstået" on the plan posted to the channel."""

    VERB: ClassVar[str] = "plan.seen"
    dialogue_id: RoundId
    version: int = Field(ge=1, le=100_000)


def local_date(moment: datetime):  # noqa: ANN201 (a date)
    return moment.astimezone(COPENHAGEN).date()


# Three initiatives with every field full do not fit in one message (about 80 KB): the overview
# and the post then shorten what people typed, longest limit first (the editor and the plan file
# hold all of it), like the plenum card does.
SHORTEN = (None, 400, 200, 100, 50)
SIZE_LIMIT = MAX_MESSAGE_BYTES - 2_000


def _cut(value: str, limit: int | None) -> str:
    return value if limit is None or len(value) <= limit else value[:limit].rstrip() + "…"


def initiative_blocks(lang: str, n: int, initiative: Initiative, *, full: bool = True, limit: int | None = None) -> list[Element]:
    """One initiative: title, why, owner; with ``full`` also actions, milestones, follow-up, IGLO, the ask
    (each typed text cut to ``limit`` characters when given)."""
    cut = lambda value: _cut(value, limit)  # noqa: E731
    body: list[Element] = [rich(run(t(lang, "devplan.initiative", n=n), bold=True), run(initiative.title, bold=True), spacing="Medium")]
    if initiative.why:
        body.append(verbatim(cut(initiative.why), prefix=t(lang, "devplan.why"), prefix_subtle=True, spacing="Small"))
    owner = initiative.owner_name or t(lang, "devplan.no_owner")
    body.append(rich(run(t(lang, "devplan.owner"), subtle=True), run(owner), spacing="Small"))
    if not full:
        return [container(body, separator=True)]
    if initiative.actions:
        body.append(text(t(lang, "devplan.actions"), weight="Bolder", spacing="Small"))
        body += [verbatim(cut(a), prefix="• ", prefix_subtle=True, spacing="None") for a in initiative.actions]
    if initiative.milestones:
        body.append(text(t(lang, "devplan.milestones"), weight="Bolder", spacing="Small"))
        for m in initiative.milestones:
            label = f"{t(lang, f'devplan.phase.{m.phase.value}')}, {format_date(lang, m.due)}" + (": " if m.label else "")
            body.append(rich(run(label, subtle=True), run(m.label), spacing="None"))
    if initiative.follow_up:
        body.append(verbatim(cut(initiative.follow_up), prefix=t(lang, "devplan.follow_up"), prefix_subtle=True, spacing="Small"))
    if initiative.communication:
        body.append(verbatim(cut(initiative.communication), prefix=t(lang, "devplan.communication"), prefix_subtle=True, spacing="Small"))
    if initiative.iglo:
        body.append(text(t(lang, "devplan.iglo"), weight="Bolder", spacing="Small"))
        body += [verbatim(cut(value), prefix=f"{t(lang, f'devplan.level.{level.value}')}: ", prefix_subtle=True, spacing="None")
                 for level, value in initiative.iglo]
    if initiative.needs_organisation:
        body.append(container([verbatim(cut(initiative.ask), prefix=t(lang, "devplan.needs_organisation"))], style="warning"))
    return [container(body, separator=True)]


def plan_card(lang: str, *, dialogue_id: str, plan: DevelopmentPlan | None, names: dict[str, str], acknowledged: int = 0,
              notice: str | None = None, confirm_adopt: bool = False, download_url: str | None = None) -> Element:
    """The plan's overview for the planning group, with its buttons (``notice``: a text key shown on top;
    ``download_url``: the plan as a spreadsheet, a link made for the viewer, dialogs/exports.py)."""
    body: list[Element] = [heading(t(lang, "devplan.title"))]
    if notice:
        body.append(container([text(t(lang, notice), weight="Bolder")], style="emphasis"))
    body.append(text(t(lang, "devplan.intro"), spacing="Small"))
    actions: list[Element] = []
    if plan is None or not plan.initiatives:
        body.append(text(t(lang, "devplan.empty"), subtle=True))
        actions.append(submit(t(lang, "devplan.button.new"), InitiativeNew, style="positive", dialogue_id=dialogue_id))
        return card(body, actions)
    who = names.get(plan.edited_by, plan.edited_by)
    body.append(rich(run(t(lang, "devplan.version", version=plan.version, name=who, date=local_date(plan.edited_at)), subtle=True)))
    if plan.adopted_at is not None:
        adopter = names.get(plan.adopted_by or "", plan.adopted_by or "")
        body.append(rich(run(t(lang, "devplan.adopted", name=adopter, date=local_date(plan.adopted_at))), spacing="None"))
        if plan.announced_version:
            body.append(text(t(lang, "devplan.seen", count=acknowledged), spacing="None"))
        if may_share_changes(plan):
            body.append(text(t(lang, "devplan.changed_since"), color="Warning", spacing="None"))
    else:
        body.append(text(t(lang, "devplan.draft"), spacing="None"))
    head = body
    for limit in SHORTEN:
        body = list(head)
        for n, initiative in enumerate(plan.initiatives, start=1):
            body += initiative_blocks(lang, n, initiative, limit=limit)
            body.append({"type": "ActionSet", "actions": [submit(t(lang, "devplan.button.edit"), InitiativeEdit, dialogue_id=dialogue_id,
                                                                 initiative_id=initiative.id)]})
        if limit is not None:
            body.append(text(t(lang, "devplan.shortened"), subtle=True, spacing="Medium"))
        if json_size(card(body)) < SIZE_LIMIT - 2_000:  # room for the buttons below
            break
    if confirm_adopt:
        body.append(container([text(t(lang, "devplan.adopt.ask"), weight="Bolder")], style="attention"))
        actions.append(submit(t(lang, "devplan.button.confirm_adopt"), PlanAdopt, style="positive", dialogue_id=dialogue_id,
                              version=plan.version))
        actions.append(submit(t(lang, "devplan.button.back"), PlanShow, dialogue_id=dialogue_id))
        return card(body, actions)
    if len(plan.initiatives) < MAX_INITIATIVES:
        actions.append(submit(t(lang, "devplan.button.new"), InitiativeNew, dialogue_id=dialogue_id))
    if plan.adopted_at is None:
        actions.append(submit(t(lang, "devplan.button.adopt"), PlanAdoptAsk, style="positive", dialogue_id=dialogue_id, version=plan.version))
    elif may_share_changes(plan):
        actions.append(submit(t(lang, "devplan.button.share"), PlanShare, style="positive", dialogue_id=dialogue_id, version=plan.version))
    actions.append(submit(t(lang, "devplan.button.history"), PlanHistory, dialogue_id=dialogue_id))
    if download_url:
        actions.append(open_url(t(lang, "hr.download"), download_url))
    return card(body, actions)


def history_card(lang: str, *, dialogue_id: str, history: list[DevelopmentPlan], names: dict[str, str]) -> Element:
    """Every version, newest first: who saved it, when, how many initiatives (and their titles).
    Many versions of long titles do not fit: titles are cut, then the oldest versions left out."""
    newest_first = list(reversed(history))
    for shown, limit in [(len(newest_first), None), (len(newest_first), 60)] + [(n, 60) for n in (20, 10, 5)]:
        body: list[Element] = [heading(t(lang, "devplan.history.title"))]
        for plan in newest_first[:shown]:
            entry = t(lang, "devplan.history.entry", version=plan.version, name=names.get(plan.edited_by, plan.edited_by),
                      date=local_date(plan.edited_at), count=len(plan.initiatives))
            body.append(container([rich(run(entry, bold=True))], separator=True))  # the name as typed: a TextRun
            body += [verbatim(_cut(i.title, limit), prefix="• ", prefix_subtle=True, spacing="None") for i in plan.initiatives]
        if shown < len(newest_first):
            body.append(text(t(lang, "devplan.history.older", count=len(newest_first) - shown), subtle=True, spacing="Medium"))
        built = card(body, [submit(t(lang, "devplan.button.back"), PlanShow, dialogue_id=dialogue_id)])
        if json_size(built) < SIZE_LIMIT:
            break
    return built


def plan_post_card(lang: str, *, plan: DevelopmentPlan, changed: bool = False) -> Element:
    """Step 11: the adopted plan posted to the team – which initiatives, why – and "Set og forstået"."""
    for limit in SHORTEN:
        body: list[Element] = [heading(t(lang, "devplan.post.changed_title" if changed else "devplan.post.title")),
                               text(t(lang, "devplan.post.intro"), spacing="Small")]
        for n, initiative in enumerate(plan.initiatives, start=1):
            body += initiative_blocks(lang, n, initiative, full=False, limit=limit)
        body.append(text(t(lang, "devplan.post.seen_hint"), subtle=True, spacing="Medium"))
        built = card(body, [submit(t(lang, "devplan.button.seen"), PlanSeen, style="positive", dialogue_id=plan.dialogue_id,
                                   version=plan.version)])
        if json_size(built) < SIZE_LIMIT:
            break
    return built


def seen_card(lang: str, key: str) -> Element:
    """The private answer to "Set og forstået" pressed in the channel (the channel's post stays as it is)."""
    return card([text(t(lang, key))])
