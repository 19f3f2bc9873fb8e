"""The leader's own loop: preparing for the day, the immediate follow-up, feedback and development areas."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar, Literal

from pydantic import Field, field_validator

from bot.process.leader_loop import (
    FEEDBACK_MAX_CHARS, FEEDBACK_PARTS, MAX_AREAS, STEP_MAX_CHARS, TITLE_MAX_CHARS, Feedback, LeaderLoop, area_field, feedback_field,
)
from bot.process.my_data import StoredLeaderLoop
from bot.process.nomination import FieldError

from ..process.clock import local_date
from ..texts import has_text, t
from .elements import Element, card, container, heading, rich, run, subheading, submit, text, verbatim
from .immediate_follow_up import ImmediateResults
from .cycle_survey import MY_DATA_CHARS
from .payload import Payload, RoundId, capped

UserId = Field(default=None, pattern=r"^[A-Za-z0-9:_@.\-]{1,200}$")


class LeaderLoopShow(Payload):
    """Open the leader's card (typed ``leder`` / ``leader``, or a leader reminder's button)."""

    VERB: ClassVar[str] = "leader.show"
    dialogue_id: RoundId | None = None


class LeaderName(Payload):
    """The planning group names the workplace's leader from the card's list (checked against the team)."""

    VERB: ClassVar[str] = "leader.name"
    team_id: str | None = Field(default=None, max_length=200)
    leader_user_id: str | None = UserId


class LeaderLoopDelete(Payload):
    """Delete one's own development plan and feedback as a leader ("mine data")."""

    VERB: ClassVar[str] = "leader.delete"
    dialogue_id: RoundId


class LeaderAct(Payload):
    """The leader's card: its fields are saved first, then ``act`` is done (save, post, done, ask)."""

    VERB: ClassVar[str] = "leader.act"
    dialogue_id: RoundId
    act: Literal["save", "post", "done", "ask"]
    area_1_title: str | None = None
    area_1_next_step: str | None = None
    area_2_title: str | None = None
    area_2_next_step: str | None = None
    area_3_title: str | None = None
    area_3_next_step: str | None = None
    leader_share: Literal["true", "false"] | None = None
    feedback_thanks: str | None = None
    feedback_noticed: str | None = None
    feedback_help: str | None = None
    feedback_follow_up: str | None = None

    @field_validator("area_1_title", "area_2_title", "area_3_title")
    @classmethod
    def _title(cls, value: str | None) -> str | None:
        return capped(value, 2 * TITLE_MAX_CHARS)

    @field_validator("area_1_next_step", "area_2_next_step", "area_3_next_step")
    @classmethod
    def _step(cls, value: str | None) -> str | None:
        return capped(value, 2 * STEP_MAX_CHARS)

    @field_validator("feedback_thanks", "feedback_noticed", "feedback_help", "feedback_follow_up")
    @classmethod
    def _feedback(cls, value: str | None) -> str | None:
        return capped(value, 2 * FEEDBACK_MAX_CHARS)

    def form_values(self) -> dict[str, str]:
        names = [area_field(i, p) for i in range(1, MAX_AREAS + 1) for p in ("title", "next_step")]
        names += [feedback_field(p) for p in FEEDBACK_PARTS]
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}

    @property
    def has_form(self) -> bool:
        return bool(self.form_values()) or self.leader_share is not None


def _error_text(lang: str, error: FieldError) -> str:
    key = f"leader.error.{error.code}"
    return t(lang, key if has_text(lang, key) else "leader.error.other", limit=error.limit or "")


def _input(name: str, label: str, value: str, limit: int, *, multiline: bool = False) -> Element:
    field: Element = {"type": "Input.Text", "id": name, "label": label, "maxLength": limit}
    if multiline:
        field["isMultiline"] = True
    if value:
        field["value"] = value
    return field


def own_manager(concept_id: str) -> str:
    """The suffix of the texts about the leader's own manager: Nyborg's KOM-Leder conversation, or DTU's
    "opfølgende dialog med egen leder"."""
    return ".dtu" if concept_id == "dtu" else ""


def leader_card(lang: str, *, dialogue_id: str, stage: str, day: date | None, loop: LeaderLoop | None,
                values: dict[str, str] | None = None, errors: list[FieldError] | None = None, saved: str | None = None,
                concept_id: str = "nyborg") -> Element:
    """Before the day the guide's preparation questions; from the day's start the immediate
    follow-up, the development plan (at most 3 areas), KOM-Leder, the feedback and "Markér som gjort"."""
    errors = errors or []
    body: list[Element] = [heading(t(lang, "leader.title"))]
    body.append(text(t(lang, "leader.day", date=day) if day else t(lang, "leader.no_day"), subtle=True, spacing="Small"))
    if saved:
        body.append(text(t(lang, saved), color="Good", spacing="Small"))
    if stage != "after":
        body += [
            subheading(t(lang, "leader.prepare.title")),
            text(t(lang, "leader.prepare.intro"), spacing="Small"),
            text("• " + t(lang, "leader.prepare.listen"), spacing="Small"),
            text("• " + t(lang, "leader.prepare.work"), spacing="None"),
            text(t(lang, "leader.prepare.group"), spacing="Small"),
            text(t(lang, "leader.prepare.role"), subtle=True, spacing="Small"),
        ]
        return card(body)
    if errors:
        body.append(container([text(t(lang, "leader.errors.title"), weight="Bolder", color="Attention")]
                              + [text(_error_text(lang, e), color="Attention", spacing="Small") for e in errors], style="attention"))
    if values is None:
        values = {}
        if loop is not None:
            for index, area in enumerate(loop.areas, start=1):
                values[area_field(index, "title")], values[area_field(index, "next_step")] = area.title, area.next_step
            values.update({feedback_field(p): getattr(loop.feedback, p) for p in FEEDBACK_PARTS})
    asked = loop.asked_at if loop else None
    body += [subheading(t(lang, "leader.immediate.title"), separator=True), text(t(lang, "leader.immediate.intro"), spacing="Small"),
             text(t(lang, "leader.immediate.asked", date=local_date(asked)) if asked else t(lang, "leader.immediate.collect"),
                  subtle=True, spacing="Small")]
    body += [subheading(t(lang, "leader.areas.title"), separator=True), text(t(lang, "leader.areas.intro"), spacing="Small")]
    for index in range(1, MAX_AREAS + 1):
        title, step = area_field(index, "title"), area_field(index, "next_step")
        body.append(_input(title, t(lang, "leader.area.title", n=index), values.get(title, ""), TITLE_MAX_CHARS))
        body.append(_input(step, t(lang, "leader.area.next_step"), values.get(step, ""), STEP_MAX_CHARS))
    body.append({"type": "Input.Toggle", "id": "leader_share", "title": t(lang, "leader.areas.share"),
                 "value": "true" if loop and loop.shared else "false", "valueOn": "true", "valueOff": "false"})
    suffix = own_manager(concept_id)
    body += [subheading(t(lang, "leader.kom.title" + suffix), separator=True), text(t(lang, "leader.kom.text" + suffix), spacing="Small")]
    body += [subheading(t(lang, "leader.feedback.title"), separator=True), text(t(lang, "leader.feedback.intro"), spacing="Small")]
    for part in FEEDBACK_PARTS:
        name = feedback_field(part)
        body.append(_input(name, t(lang, f"leader.feedback.{part}"), values.get(name, ""), FEEDBACK_MAX_CHARS, multiline=True))
        if part == "noticed":
            body.append(text(t(lang, "leader.feedback.plan_note"), subtle=True, spacing="Small"))
    if loop and loop.posted_at:
        body.append(text(t(lang, "leader.feedback.posted", date=local_date(loop.posted_at)), subtle=True, spacing="Small"))
    body += [subheading(t(lang, "leader.done.title"), separator=True),
             text(t(lang, "leader.done", date=local_date(loop.done_at)) if loop and loop.done_at else t(lang, "leader.done.text"),
                  spacing="Small")]
    actions = [submit(t(lang, "action.leader.save_areas"), LeaderAct, style="positive", dialogue_id=dialogue_id, act="save"),
               submit(t(lang, "action.leader.post"), LeaderAct, dialogue_id=dialogue_id, act="post")]
    if not (loop and loop.done_at):
        actions.append(submit(t(lang, "action.leader.done"), LeaderAct, dialogue_id=dialogue_id, act="done"))
    if not asked:
        actions.append(submit(t(lang, "action.leader.ask"), LeaderAct, dialogue_id=dialogue_id, act="ask"))
    actions.append(submit(t(lang, "action.immediate.results"), ImmediateResults, dialogue_id=dialogue_id))
    return card(body, actions)


def name_leader_card(lang: str, *, team_id: str, people: list[tuple[str, str]], current: str | None = None) -> Element:
    """A list of the team's members to choose the leader from (``(user_id, name)``)."""
    body: list[Element] = [
        heading(t(lang, "leader.name.title"), size="Medium"),
        text(t(lang, "leader.name.intro"), spacing="Small"),
        {"type": "Input.ChoiceSet", "id": "leader_user_id", "label": t(lang, "leader.name.choice"), "style": "compact",
         "isRequired": True, "errorMessage": t(lang, "leader.name.choice"),
         "choices": [{"title": name or user_id, "value": user_id} for user_id, name in people], **({"value": current} if current else {})},
    ]
    return card(body, [submit(t(lang, "action.leader.name"), LeaderName, style="positive", team_id=team_id)])


def named_leader_card(lang: str, *, name: str) -> Element:
    """The list once used, in place: who leads now, and no button left to press again."""
    return card([heading(t(lang, "leader.name.title"), size="Medium"), verbatim(t(lang, "leader.named", name=name), spacing="Small")])


def leader_reminder_card(lang: str, *, kind_key: str, dialogue_id: str, day: date, concept_id: str = "nyborg") -> Element:
    """A reminder to the leader with the button that opens their card."""
    if kind_key == "leader.remind.feedback":
        kind_key += own_manager(concept_id)
    return card([heading(t(lang, "leader.summary"), size="Medium"), text(t(lang, kind_key, date=day), spacing="Small")],
                [submit(t(lang, "action.leader.show"), LeaderLoopShow, style="positive", dialogue_id=dialogue_id)])


def unnamed_reminder_card(lang: str, *, team_id: str, day: date, people: list[tuple[str, str]]) -> Element:
    """To a planning-group member while no leader is named: the leader's reminder has nobody to go to."""
    built = name_leader_card(lang, team_id=team_id, people=people)
    built["body"].insert(1, text(t(lang, "leader.remind.unnamed", date=day), spacing="Small"))
    return built


def feedback_post_card(lang: str, *, leader_name: str, feedback: Feedback, areas: list[tuple[str, str]]) -> Element:
    """The leader's feedback in the team's channel: their words, verbatim; the areas only if shared."""
    body: list[Element] = [heading(t(lang, "leader.post.title"), size="Medium")]
    if leader_name:
        body.append(verbatim(leader_name, prefix=t(lang, "leader.post.by", name="").strip() + " ", prefix_subtle=True, spacing="Small"))
    sections = [("thanks", feedback.thanks), ("noticed", feedback.noticed)]
    for key, value in sections:
        if value:
            body += [text(t(lang, f"leader.post.{key}"), weight="Bolder", spacing="Medium"), verbatim(value, spacing="Small")]
    if areas:
        body.append(text(t(lang, "leader.post.areas"), weight="Bolder", spacing="Medium"))
        for title, step in areas:
            body.append(verbatim(title, prefix="• ", prefix_subtle=True, bold=True, spacing="Small"))
            if step:
                body.append(verbatim(step, prefix="   ", prefix_subtle=True, spacing="None"))
    for key, value in (("help", feedback.help), ("follow_up", feedback.follow_up)):
        if value:
            body += [text(t(lang, f"leader.post.{key}"), weight="Bolder", spacing="Medium"), verbatim(value, spacing="Small")]
    return card(body)


def leader_status_line(lang: str, done_on: date | None) -> tuple[str, str]:
    """One line for the planning group's status: whether the leader has marked it done, never what it says."""
    return (t(lang, "status.leader_loop"),
            t(lang, "status.leader_loop.done", date=done_on) if done_on else t(lang, "status.leader_loop.open"))




def my_leader_section(lang: str, loops: Sequence[StoredLeaderLoop]) -> tuple[list[Element], list[Element]]:
    """For "mine data": the person's own development areas and feedback as a leader, and a delete button for each."""
    rows: list[Element] = []
    # Shortened like the survey's answers in "mine data" (3 areas and 4 full feedback texts are ~20 KB); the export holds all.
    short = lambda value: value if len(value) <= MY_DATA_CHARS else value[:MY_DATA_CHARS].rstrip() + " …"  # noqa: E731
    for loop in loops:
        # the team's name as typed in Teams: a TextRun, never a TextBlock (which renders markdown and <at>)
        items: list[Element] = [rich(run(t(lang, "data.leader_loop.line", workplace=loop.team_name or "–", count=len(loop.areas))),
                                     spacing="Small")]
        for title, step in loop.areas:
            items.append(verbatim(short(f"{title}: {step}" if step else title), prefix="• ", prefix_subtle=True, spacing="Small"))
        items += [verbatim(short(value), spacing="Small") for value in loop.feedback.values() if value]
        rows.append(container(items, spacing="Medium"))
    actions = [submit(t(lang, "action.leader.delete"), LeaderLoopDelete, style="destructive", dialogue_id=loop.dialogue_id) for loop in loops]
    return rows, actions
