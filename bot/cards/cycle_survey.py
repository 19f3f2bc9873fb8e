"""The end-of-cycle survey (DTU's question guide for gathering experience).

The planning group sends it (``SurveyStart`` → the confirmation with how many get it →
``SurveyConfirm``); each person's card holds the organisation's questions under their
headings, a free-text box each, and the note on boundary-crossing behaviour; the answer turns
the card into "Tak for dine svar"; the planning group sees the answers without names.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from pydantic import field_validator

from bot.concepts import load_concept
from bot.process.concept import Concept, CycleSurvey
from bot.process.cycle_survey import SurveyAnswers, SurveySummary, field_of
from bot.process.my_data import StoredSurvey
from bot.process.nomination import FieldError

from ..texts import has_text, t
from .elements import MAX_MESSAGE_BYTES, Element, card, container, heading, json_size, subheading, submit, text, verbatim
from .payload import Payload, RoundId, capped
from .safety import safety_note
from .themes import workplace_line


class SurveyStart(Payload):
    """Send the end-of-cycle survey (typed ``spørgeskema`` / ``survey``), planning group only."""

    VERB: ClassVar[str] = "survey.start"
    dialogue_id: RoundId | None = None


HARD_LIMIT = 2 * 4000  # twice the largest ``answer_max_chars`` a concept may set: more is forged
MY_DATA_CHARS = 200  # an answer is shortened to this in "mine data" (the export holds all of it)


class SurveyConfirm(Payload):
    """Yes, send it: the survey cards become queue rows."""

    VERB: ClassVar[str] = "survey.confirm"
    dialogue_id: RoundId


class SurveySave(Payload):
    """A person's answers, by the question's place on the card; who they are is the sender."""

    VERB: ClassVar[str] = "survey.save"
    dialogue_id: RoundId
    answer_1: str | None = None
    answer_2: str | None = None
    answer_3: str | None = None
    answer_4: str | None = None
    answer_5: str | None = None
    answer_6: str | None = None
    answer_7: str | None = None
    answer_8: str | None = None
    answer_9: str | None = None
    answer_10: str | None = None
    answer_11: str | None = None
    answer_12: str | None = None
    answer_13: str | None = None
    answer_14: str | None = None
    answer_15: str | None = None
    answer_16: str | None = None

    @field_validator("*")
    @classmethod
    def _cap(cls, value: object) -> object:
        return capped(value, HARD_LIMIT) if isinstance(value, str) else value

    def form_values(self) -> dict[str, str | None]:
        return {name: value for name, value in self.model_dump().items() if name.startswith("answer_")}


class SurveyEdit(Payload):
    """Turn the thank-you back into the form, filled in with the answers."""

    VERB: ClassVar[str] = "survey.edit"
    dialogue_id: RoundId


class SurveyResults(Payload):
    """The answers without names (typed ``spørgeskema resultat`` / ``survey results``)."""

    VERB: ClassVar[str] = "survey.results"
    dialogue_id: RoundId | None = None


class SurveyDelete(Payload):
    """Delete one's own survey answers ("mine data")."""

    VERB: ClassVar[str] = "survey.delete"
    dialogue_id: RoundId


def _error_text(lang: str, error: FieldError) -> str:
    key = f"survey.error.{error.code}"
    return t(lang, key if has_text(lang, key) else "survey.error.other", limit=error.limit or "")


def survey_card(lang: str, concept: Concept, *, dialogue_id: str, workplace_name: str, closes: date, min_count: int,
                previous: SurveyAnswers | None = None, values: dict[str, str] | None = None,
                errors: list[FieldError] | None = None) -> Element:
    """The organisation's questions under their headings, a free-text box each, and the note on
    boundary-crossing behaviour; filled in with the answers given, or what was just sent with its errors."""
    survey = _survey(concept)
    errors = errors or []
    if values is None:
        values = {field_of(i): previous.get(q.id) for i, q in enumerate(survey.questions)} if previous else {}
    body: list[Element] = [heading(survey.title(lang))]
    if workplace_name:
        body.append(workplace_line(lang, concept, workplace_name))
    if survey.intro is not None:
        body.append(text(survey.intro(lang), spacing="Small"))
    body.append(text(t(lang, "survey.intro", min=min_count), spacing="Small"))
    if errors:
        body.append(container([text(t(lang, "survey.errors.title"), weight="Bolder", color="Attention")]
                              + [text(_error_text(lang, e), color="Attention", spacing="Small") for e in errors], style="attention"))
    position = 0
    for section in survey.sections:
        body.append(subheading(section.heading(lang), separator=True))
        for question in section.questions:
            name = field_of(position)
            position += 1
            field: Element = {"type": "Input.Text", "id": name, "label": question.text(lang), "isMultiline": True,
                              "maxLength": survey.answer_max_chars}
            if values.get(name):
                field["value"] = values[name]
            body.append(field)
            body += [text(_error_text(lang, e), color="Attention", spacing="Small") for e in errors if e.field == name]
    body.append(text(t(lang, "survey.open_until", date=closes), subtle=True, spacing="Medium"))
    body += safety_note(lang, concept)
    return card(body, [submit(t(lang, "action.survey.send"), SurveySave, style="positive", dialogue_id=dialogue_id)])


def survey_thanks_card(lang: str, concept: Concept, *, dialogue_id: str, answers: SurveyAnswers, changed: bool) -> Element:
    """Replaces the card once answered: "Tak for dine svar", the answers, and a way to change them."""
    survey = _survey(concept)
    body: list[Element] = [heading(t(lang, "survey.thanks"))]
    if not changed:
        body.append(text(t(lang, "survey.thanks.unchanged"), subtle=True, spacing="Small"))
    body.append(text(t(lang, "survey.thanks.count", count=len(answers.given)), spacing="Small"))
    for question in survey.questions:
        given = answers.get(question.id)
        if given:
            body.append(text(question.text(lang), weight="Bolder", spacing="Medium"))
            body.append(verbatim(given, spacing="Small"))
    body.append(text(t(lang, "survey.thanks.note"), subtle=True, spacing="Medium"))
    return card(body, [submit(t(lang, "action.survey.edit"), SurveyEdit, dialogue_id=dialogue_id)])


def survey_confirm_card(lang: str, concept: Concept, *, dialogue_id: str, invited: int, closes: date) -> Element:
    """Before anything is sent: how many get it, whose questions, and what is a local choice."""
    survey = _survey(concept)
    body: list[Element] = [
        heading(t(lang, "survey.confirm.title"), size="Medium"),
        text(t(lang, "survey.confirm.text", count=invited, date=closes), spacing="Small"),
        text(t(lang, "survey.confirm.questions", count=len(survey.questions), source=survey.title(lang)), spacing="Small"),
    ]
    if survey.local_choice:
        body.append(text(t(lang, "survey.confirm.local_choice"), subtle=True, spacing="Small"))
    return card(body, [submit(t(lang, "action.survey.confirm"), SurveyConfirm, style="positive", dialogue_id=dialogue_id)])


def survey_sent_card(lang: str, *, dialogue_id: str, invited: int, new: int, closes: date, min_count: int) -> Element:
    """The confirmation, in place, once the cards are on their way, with the way to the answers."""
    body: list[Element] = [
        heading(t(lang, "survey.sent.title"), size="Medium"),
        text(t(lang, "survey.confirm.text", count=invited, date=closes), spacing="Small"),
    ]
    if new == 0:
        body.append(text(t(lang, "survey.sent.again"), subtle=True, spacing="Small"))
    body.append(text(t(lang, "survey.sent.anonymous", min=min_count), subtle=True, spacing="Small"))
    return card(body, [submit(t(lang, "action.survey.results"), SurveyResults, dialogue_id=dialogue_id)])


def survey_summary_card(lang: str, concept: Concept, *, dialogue_id: str, summary: SurveySummary, invited: int) -> Element:
    """How many answered and, from ``min_count`` answers on, the answers per question without names."""
    survey = _survey(concept)
    questions = {q.id: q for q in survey.questions}

    def build(shown: int) -> Element:
        body: list[Element] = [
            heading(t(lang, "survey.results.title")),
            text(survey.title(lang), subtle=True, spacing="Small"),
            text(t(lang, "survey.results.count", count=summary.respondents, invited=invited), spacing="Small"),
        ]
        if not summary.shown:
            body.append(text(t(lang, "survey.results.hidden", min=summary.min_count), subtle=True, spacing="Small"))
        else:
            body.append(text(t(lang, "survey.results.order"), subtle=True, spacing="Small"))
            left_out = 0
            for question_id, answers in summary.answers:
                items: list[Element] = [subheading(questions[question_id].text(lang), separator=True)]
                items += [verbatim(a, prefix="• ", prefix_subtle=True, spacing="Small") for a in answers[:shown]]
                left_out += max(0, len(answers) - shown)
                if not answers:
                    items.append(text(t(lang, "survey.results.no_answers"), subtle=True, spacing="Small"))
                body.append(container(items))
            if left_out:
                body.append(text(t(lang, "survey.results.left_out", count=left_out), color="Attention", spacing="Medium"))
        return card(body, [submit(t(lang, "action.survey.refresh"), SurveyResults, dialogue_id=dialogue_id)])

    shown = max((len(a) for _, a in summary.answers), default=0)
    built = build(shown)
    while shown > 0 and json_size(built) > MAX_MESSAGE_BYTES - 2_000:
        shown = shown * 3 // 4
        built = build(shown)
    return built


def my_surveys_section(lang: str, concept: Concept, surveys: Sequence[StoredSurvey]) -> tuple[list[Element], list[Element]]:
    """For "mine data": the person's own survey answers, shortened (the export holds them whole),
    and a delete button for each."""
    rows: list[Element] = []
    actions: list[Element] = []
    for s in surveys:
        texts = _question_texts(lang, concept, s.concept)
        items: list[Element] = [verbatim(s.team_name or "–", prefix=t(lang, "data.survey.line", date=s.answered_at) + " · ",
                                         prefix_subtle=True, spacing="Small")]
        for question_id, given in s.answers:
            short = given if len(given) <= MY_DATA_CHARS else given[:MY_DATA_CHARS].rstrip() + " …"
            items += [text(texts.get(question_id, question_id), subtle=True, spacing="Small"), verbatim(short, spacing="None")]
        items.append(text(t(lang, "data.survey.anonymous"), subtle=True, spacing="Small"))
        rows.append(container(items, spacing="Medium"))
        actions.append(submit(t(lang, "action.survey.delete"), SurveyDelete, style="destructive", dialogue_id=s.dialogue_id))
    return rows, actions


def _question_texts(lang: str, concept: Concept, name: str) -> dict[str, str]:
    """The questions by id of the concept the answers were given in: the app's own, or another
    bundled one (loaded once and cached: validated data, not I/O on every card)."""
    if name and name != concept.id:
        try:
            concept = load_concept(name)
        except ValueError:  # a concept no longer shipped: the ids stand in for the questions
            return {}
    return {q.id: q.text(lang) for q in concept.cycle_survey.questions} if concept.cycle_survey else {}


def _survey(concept: Concept) -> CycleSurvey:
    if concept.cycle_survey is None:
        raise ValueError(f"concept {concept.id!r} has no end-of-cycle survey")
    return concept.cycle_survey

