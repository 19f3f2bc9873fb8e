"""The short evaluation at the close of the day (step 8): the attendee's card with Bilag 5's two
questions, its thank-you, and the planning group's summary without names."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from pydantic import field_validator

from bot.process.concept import Concept
from bot.process.evaluation import ANSWER_MAX_CHARS, FIELD, QUESTIONS, EvaluationAnswer, EvaluationSummary
from bot.process.my_data import StoredEvaluation
from bot.process.nomination import FieldError

from ..texts import has_text, t
from .elements import MAX_MESSAGE_BYTES, Element, card, container, heading, json_size, subheading, submit, text, verbatim
from .payload import Payload, RoundId, capped
from .safety import safety_note
from .cycle_survey import SurveyResults, SurveyStart
from .themes import workplace_line


class EvaluationStart(Payload):
    """Send the evaluation to those who came (typed ``evaluering`` / ``evaluation``, or the run-sheet's button)."""

    VERB: ClassVar[str] = "evaluation.start"
    dialogue_id: RoundId | None = None


class EvaluationSave(Payload):
    """An attendee's answers; who they are is the sender, never a field."""

    VERB: ClassVar[str] = "evaluation.save"
    dialogue_id: RoundId
    evaluation_good: str | None = None
    evaluation_adjust: str | None = None

    @field_validator("evaluation_good", "evaluation_adjust")
    @classmethod
    def _cap(cls, value: str | None) -> str | None:
        return capped(value, 2 * ANSWER_MAX_CHARS)

    def form_values(self) -> dict[str, str | None]:
        return {FIELD.format(id=q.id): getattr(self, FIELD.format(id=q.id)) for q in QUESTIONS}


class EvaluationEdit(Payload):
    """Turn the thank-you back into the form, filled in with the answer."""

    VERB: ClassVar[str] = "evaluation.edit"
    dialogue_id: RoundId


class EvaluationResults(Payload):
    """The answers without names (typed ``evaluering resultat`` / ``evaluation results``)."""

    VERB: ClassVar[str] = "evaluation.results"
    dialogue_id: RoundId | None = None


class EvaluationDelete(Payload):
    """Delete one's own evaluation answer ("mine data")."""

    VERB: ClassVar[str] = "evaluation.delete"
    dialogue_id: RoundId


def _error_text(lang: str, error: FieldError) -> str:
    key = f"evaluation.error.{error.code}"
    return t(lang, key if has_text(lang, key) else "evaluation.error.other", limit=error.limit or "")


def evaluation_card(lang: str, concept: Concept, *, dialogue_id: str, workplace_name: str, closes: date, min_count: int,
                    previous: EvaluationAnswer | None = None, values: dict[str, str] | None = None,
                    errors: list[FieldError] | None = None) -> Element:
    """Bilag 5's two questions; filled in with the answer given, or what was just sent with its errors."""
    errors = errors or []
    if values is None:
        values = {FIELD.format(id=q.id): getattr(previous, q.id) for q in QUESTIONS} if previous else {}
    body: list[Element] = [heading(t(lang, "evaluation.title"))]
    if workplace_name:
        body.append(workplace_line(lang, concept, workplace_name))
    body.append(text(t(lang, "evaluation.intro", min=min_count), spacing="Small"))
    if errors:
        body.append(container([text(t(lang, "evaluation.errors.title"), weight="Bolder", color="Attention")]
                              + [text(_error_text(lang, e), color="Attention", spacing="Small") for e in errors], style="attention"))
    for question in QUESTIONS:
        name = FIELD.format(id=question.id)
        field: Element = {"type": "Input.Text", "id": name, "label": question.text(lang), "isMultiline": True, "maxLength": ANSWER_MAX_CHARS}
        if values.get(name):
            field["value"] = values[name]
        body.append(field)
        body += [text(_error_text(lang, e), color="Attention", spacing="Small") for e in errors if e.field == name]
    body.append(text(t(lang, "evaluation.open_until", date=closes), subtle=True, spacing="Medium"))
    body += safety_note(lang, concept)
    return card(body, [submit(t(lang, "action.evaluation.send"), EvaluationSave, style="positive", dialogue_id=dialogue_id)])


def evaluation_thanks_card(lang: str, *, dialogue_id: str, answer: EvaluationAnswer, changed: bool) -> Element:
    """Replaces the card once answered: "Tak for din evaluering", the answer, and a way to change it."""
    body: list[Element] = [heading(t(lang, "evaluation.thanks"))]
    if not changed:
        body.append(text(t(lang, "evaluation.thanks.unchanged"), subtle=True, spacing="Small"))
    for question in QUESTIONS:
        given = getattr(answer, question.id)
        body.append(text(question.text(lang), weight="Bolder", spacing="Medium"))
        body.append(verbatim(given, spacing="Small") if given else text(t(lang, "evaluation.no_answer"), subtle=True, spacing="Small"))
    body.append(text(t(lang, "evaluation.thanks.note"), subtle=True, spacing="Medium"))
    return card(body, [submit(t(lang, "action.evaluation.edit"), EvaluationEdit, dialogue_id=dialogue_id)])


def evaluation_started_card(lang: str, *, dialogue_id: str, attendees: int, new: int, min_count: int) -> Element:
    """What the planning group sees after starting it, with the way to the answers."""
    body: list[Element] = [
        heading(t(lang, "evaluation.started.title"), size="Medium"),
        text(t(lang, "evaluation.started.text", count=attendees), spacing="Small"),
    ]
    if new == 0:
        body.append(text(t(lang, "evaluation.started.again"), subtle=True, spacing="Small"))
    body.append(text(t(lang, "evaluation.started.anonymous", min=min_count), subtle=True, spacing="Small"))
    return card(body, [submit(t(lang, "action.evaluation.results"), EvaluationResults, dialogue_id=dialogue_id)])


def evaluation_summary_card(lang: str, *, dialogue_id: str, summary: EvaluationSummary, attendees: int,
                            survey: bool = True) -> Element:
    """How many answered and, from ``min_count`` answers on, the answers per question without names;
    with ``survey``, the buttons to the next step: sending the end-of-cycle survey and seeing its answers
    (bot/dialogs/cycle_survey.py, which explains it when the workplace's concept has none)."""
    def build(shown: int) -> tuple[Element, int]:
        body: list[Element] = [
            heading(t(lang, "evaluation.results.title")),
            text(t(lang, "evaluation.results.count", count=summary.respondents, attendees=attendees), spacing="Small"),
        ]
        left_out = 0
        if not summary.shown:
            body.append(text(t(lang, "evaluation.results.hidden", min=summary.min_count), subtle=True, spacing="Small"))
        else:
            body.append(text(t(lang, "evaluation.results.order"), subtle=True, spacing="Small"))
            for question in QUESTIONS:
                answers = getattr(summary, question.id)
                items: list[Element] = [subheading(question.text(lang), separator=True)]
                items += [verbatim(a, prefix="• ", prefix_subtle=True, spacing="Small") for a in answers[:shown]]
                left_out += max(0, len(answers) - shown)
                if not answers:
                    items.append(text(t(lang, "evaluation.results.no_answers"), subtle=True, spacing="Small"))
                body.append(container(items))
            if left_out:
                body.append(text(t(lang, "evaluation.results.left_out", count=left_out), color="Attention", spacing="Medium"))
        actions = [submit(t(lang, "action.evaluation.refresh"), EvaluationResults, dialogue_id=dialogue_id)]
        if survey:
            actions += [submit(t(lang, "action.survey.start"), SurveyStart, dialogue_id=dialogue_id),
                        submit(t(lang, "action.survey.results_short"), SurveyResults, dialogue_id=dialogue_id)]
        return card(body, actions), left_out

    shown = max(len(summary.good), len(summary.adjust))
    built, _ = build(shown)
    while shown > 1 and json_size(built) > MAX_MESSAGE_BYTES - 2_000:
        shown = shown * 3 // 4
        built, _ = build(shown)
    return built


def my_evaluations_section(lang: str, evaluations: Sequence[StoredEvaluation]) -> tuple[list[Element], list[Element]]:
    """For "mine data": the person's own evaluation answers (rows) and a delete button for each (actions)."""
    rows: list[Element] = []
    actions: list[Element] = []
    for e in evaluations:
        items: list[Element] = [verbatim(e.team_name or "–", prefix=t(lang, "data.evaluation.line", date=e.answered_at) + " · ",
                                         prefix_subtle=True, spacing="Small")]
        for question in QUESTIONS:
            given = getattr(e, question.id)
            if given:
                items += [text(question.text(lang), subtle=True, spacing="Small"), verbatim(given, spacing="None")]
        items.append(text(t(lang, "data.evaluation.anonymous"), subtle=True, spacing="Small"))
        rows.append(container(items, spacing="Medium"))
        actions.append(submit(t(lang, "action.evaluation.delete"), EvaluationDelete, style="destructive", dialogue_id=e.dialogue_id))
    return rows, actions
