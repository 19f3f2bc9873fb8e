"""Step 9, the immediate follow-up: the attendee's card with the guide's question, its thank-you,
the planning group's nameless answers, and the person's own answers in "mine data"."""
from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from pydantic import field_validator

from bot.process.immediate_follow_up import ANSWER_MAX_CHARS, ImmediateSummary
from bot.process.my_data import StoredImmediateAnswer
from bot.process.nomination import FieldError

from ..process.clock import local_date
from ..texts import format_date, has_text, t
from .elements import MAX_MESSAGE_BYTES, Element, card, container, heading, json_size, submit, text, verbatim
from .payload import Payload, RoundId, capped


class ImmediateSave(Payload):
    """An attendee's answer; who they are is the sender, never a field."""

    VERB: ClassVar[str] = "immediate.save"
    dialogue_id: RoundId
    immediate_answer: str | None = None

    @field_validator("immediate_answer")
    @classmethod
    def _cap(cls, value: str | None) -> str | None:
        return capped(value, 2 * ANSWER_MAX_CHARS)


class ImmediateEdit(Payload):
    VERB: ClassVar[str] = "immediate.edit"
    dialogue_id: RoundId


class ImmediateResults(Payload):
    """The answers without names (typed ``allerede nu`` / ``already now``)."""

    VERB: ClassVar[str] = "immediate.results"
    dialogue_id: RoundId | None = None


class ImmediateDelete(Payload):
    """Delete one's own answer ("mine data")."""

    VERB: ClassVar[str] = "immediate.delete"
    dialogue_id: RoundId


def _error_text(lang: str, error: FieldError) -> str:
    key = f"immediate.error.{error.code}"
    return t(lang, key if has_text(lang, key) else "immediate.error.other", limit=error.limit or "")


def immediate_card(lang: str, *, dialogue_id: str, min_count: int, value: str = "", errors: list[FieldError] | None = None) -> Element:
    field: Element = {"type": "Input.Text", "id": "immediate_answer", "label": t(lang, "immediate.question"), "isMultiline": True,
                      "maxLength": ANSWER_MAX_CHARS}
    if value:
        field["value"] = value
    body: list[Element] = [heading(t(lang, "immediate.title"), size="Medium"), text(t(lang, "immediate.intro", min=min_count), spacing="Small")]
    body += [text(_error_text(lang, e), color="Attention", spacing="Small") for e in errors or []]
    body.append(field)
    return card(body, [submit(t(lang, "action.immediate.send"), ImmediateSave, style="positive", dialogue_id=dialogue_id)])


def immediate_thanks_card(lang: str, *, dialogue_id: str, answer: str, changed: bool) -> Element:
    body: list[Element] = [heading(t(lang, "immediate.thanks"), size="Medium")]
    if not changed:
        body.append(text(t(lang, "immediate.thanks.unchanged"), subtle=True, spacing="Small"))
    body += [text(t(lang, "immediate.question"), weight="Bolder", spacing="Medium"), verbatim(answer, spacing="Small")]
    return card(body, [submit(t(lang, "action.immediate.edit"), ImmediateEdit, dialogue_id=dialogue_id)])


def immediate_results_card(lang: str, *, dialogue_id: str, summary: ImmediateSummary) -> Element:
    """The count and, from ``min_count`` answers on, the answers in text order without names."""
    def build(shown: int) -> Element:
        body: list[Element] = [heading(t(lang, "immediate.results.title"), size="Medium"),
                               text(t(lang, "immediate.results.count", count=summary.respondents), spacing="Small")]
        if not summary.shown:
            body.append(text(t(lang, "immediate.results.hidden", min=summary.min_count), subtle=True, spacing="Small"))
        else:
            body.append(text(t(lang, "immediate.results.order"), subtle=True, spacing="Small"))
            body += [verbatim(a, prefix="• ", prefix_subtle=True, spacing="Small") for a in summary.answers[:shown]]
        return card(body, [submit(t(lang, "action.immediate.results"), ImmediateResults, dialogue_id=dialogue_id)])

    shown = len(summary.answers)
    built = build(shown)
    while shown > 1 and json_size(built) > MAX_MESSAGE_BYTES - 2_000:
        shown = shown * 3 // 4
        built = build(shown)
    return built


def my_immediate_section(lang: str, answers: Sequence[StoredImmediateAnswer]) -> tuple[list[Element], list[Element]]:
    """For "mine data": the person's own answers and a delete button for each."""
    rows = [container([verbatim(a.team_name or "–", prefix=format_date(lang, local_date(a.at)) + " · ", prefix_subtle=True, spacing="Small"),
                       verbatim(a.text, spacing="None")], spacing="Medium") for a in answers]
    actions = [submit(t(lang, "action.immediate.delete"), ImmediateDelete, style="destructive", dialogue_id=a.dialogue_id) for a in answers]
    return rows, actions
