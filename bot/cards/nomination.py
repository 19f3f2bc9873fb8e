"""Step 3 of the guide as a card: the form (Bilag 2) where an employee nominates two themes.

Input ids come from :mod:`bot.process.nomination`, so the form and its parser cannot drift
apart. Limits are shown in the labels because ``maxLength`` is only a hint to the client.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from bot.process.concept import Concept, Kind
from bot.process.nomination import (
    FIELD_CORE_TASK,
    FIELD_OWN_TITLE,
    FIELD_THEME,
    FIELD_WHY_ME,
    FieldError,
    NominationInput,
    field_name,
)

from . import verbs
from .elements import Element, action_set, card, container, heading, subheading, submit, text, toggle, verbatim
from .texts import format_date, has_text, t

# Which template each input was built from, to name it in error messages.
_SLOTS = {FIELD_THEME: "theme", FIELD_OWN_TITLE: "own_title", FIELD_WHY_ME: "why_me", FIELD_CORE_TASK: "core_task"}


def nomination_card(lang: str, concept: Concept, *, round_id: str, deadline: date, contact_name: str, named_mode: bool,
                    previous: NominationInput | None = None, values: Mapping[str, object] | None = None,
                    errors: list[FieldError] | None = None) -> Element:
    """The nomination form: one well-being and one leadership theme, each with two reasons.

    ``previous`` fills the form when someone edits a nomination; ``values`` (the raw card
    inputs) refill it after the server rejected a submission, with ``errors`` shown at the top
    and under each field.
    """
    errors = errors or []
    filled = _prefill(previous, values)
    body: list[Element] = [
        heading(concept.dialogue_name(lang)),
        text(t(lang, "nomination.intro", deadline=format_date(lang, deadline)), spacing="Small"),
    ]
    if errors:
        body.append(_error_summary(lang, concept, errors))
    for kind in Kind:
        body.append(_kind_section(lang, concept, kind, filled, errors))
    body.append(_who_sees(lang, deadline=deadline, contact_name=contact_name, named_mode=named_mode))
    title = t(lang, "action.nomination.save" if previous else "action.nomination.send")
    return card(body, [submit(title, verbs.NOMINATION_SUBMIT, style="positive", round_id=round_id)])


def _prefill(previous: NominationInput | None, values: Mapping[str, object] | None) -> dict[str, str]:
    filled: dict[str, str] = {}
    if previous is not None:
        for kind in Kind:
            choice = previous.choice(kind)
            filled[field_name(FIELD_THEME, kind)] = choice.theme_id
            filled[field_name(FIELD_OWN_TITLE, kind)] = choice.own_title or ""
            filled[field_name(FIELD_WHY_ME, kind)] = choice.why_me
            filled[field_name(FIELD_CORE_TASK, kind)] = choice.core_task
    for key, value in (values or {}).items():
        if isinstance(value, str):  # a forged non-text value is dropped, not echoed back
            filled[key] = value
    return filled


def _slot(field: str) -> tuple[Kind | None, str]:
    for kind in Kind:
        for template, slot in _SLOTS.items():
            if field == field_name(template, kind):
                return kind, slot
    return None, "other"


def error_message(lang: str, error: FieldError) -> str:
    """The words for one field's problem, e.g. 'Højst 500 tegn – forkort dit svar.'"""
    kind, slot = _slot(error.field)
    candidates = [f"nomination.error.{slot}.{error.code}", f"nomination.error.{error.code}", "nomination.error.other"]
    if kind is not None:
        candidates.insert(0, f"nomination.error.{slot}.{error.code}.{kind.value}")
    key = next(k for k in candidates if has_text(lang, k))
    return t(lang, key, limit=error.limit or "")


def _error_summary(lang: str, concept: Concept, errors: list[FieldError]) -> Element:
    items: list[Element] = [text(t(lang, "nomination.errors.title"), weight="Bolder", color="Attention")]
    for error in errors:
        kind, slot = _slot(error.field)
        where = t(lang, f"nomination.slot.{slot}")
        if kind is not None:
            where = f"{concept.catalogue(kind).label(lang)}, {where}"
        items.append(text(f"{where}: {error_message(lang, error)}", color="Attention", spacing="Small"))
    return container(items, style="attention")


def _field_errors(lang: str, field: str, errors: list[FieldError]) -> list[Element]:
    return [text(error_message(lang, e), color="Attention", spacing="Small") for e in errors if e.field == field]


def _kind_section(lang: str, concept: Concept, kind: Kind, filled: dict[str, str], errors: list[FieldError]) -> Element:
    catalogue = concept.catalogue(kind)
    limits = concept.limits
    label = catalogue.label(lang)
    own_title = catalogue.own_proposal.title(lang)
    theme_field = field_name(FIELD_THEME, kind)
    own_field = field_name(FIELD_OWN_TITLE, kind)
    about_id = f"{kind.value}_about"
    choices = [{"title": th.title(lang), "value": th.id} for th in (*catalogue.themes, catalogue.own_proposal)]
    about = []
    for theme in (*catalogue.themes, catalogue.own_proposal):
        about.append(text(theme.title(lang), weight="Bolder", spacing="Medium"))
        about.append(text(theme.description(lang), spacing="Small"))
    theme_input: Element = {
        "type": "Input.ChoiceSet",
        "id": theme_field,
        "label": t(lang, f"nomination.choose.{kind.value}"),
        "style": "compact",
        "placeholder": t(lang, "nomination.choose.placeholder"),
        "isRequired": True,
        "errorMessage": t(lang, f"nomination.error.theme.required.{kind.value}"),
        "wrap": True,
        "choices": choices,
    }
    if filled.get(theme_field) in catalogue.choice_ids:
        theme_input["value"] = filled[theme_field]
    items: list[Element] = [
        subheading(label, separator=True),
        text(catalogue.intro(lang), spacing="Small"),
        theme_input,
        *_field_errors(lang, theme_field, errors),
        action_set([toggle(t(lang, "nomination.about_themes"), about_id)], spacing="Small"),
        container(about, id=about_id, visible=False, style="emphasis"),
        _text_input(own_field, t(lang, "nomination.own_title.label", own=own_title, limit=limits.own_title_max_chars),
                    limits.own_title_max_chars, filled, required=False,
                    error=t(lang, "nomination.error.own_title.required")),
        *_field_errors(lang, own_field, errors),
    ]
    for template, question in ((FIELD_WHY_ME, concept.question_why_me), (FIELD_CORE_TASK, concept.question_core_task)):
        field = field_name(template, kind)
        label_text = t(lang, "nomination.question.label", question=question(lang), limit=limits.reason_max_chars)
        items.append(_text_input(field, label_text, limits.reason_max_chars, filled, required=True, multiline=True,
                                 error=t(lang, "nomination.error.reason.required")))
        items += _field_errors(lang, field, errors)
    return container(items, spacing="Large")


def _text_input(field: str, label: str, limit: int, filled: dict[str, str], *, required: bool, error: str,
                multiline: bool = False) -> Element:
    element: Element = {"type": "Input.Text", "id": field, "label": label, "maxLength": limit, "errorMessage": error}
    if required:
        element["isRequired"] = True
    if multiline:
        element["isMultiline"] = True
    if filled.get(field):
        element["value"] = filled[field]
    return element


def _who_sees(lang: str, *, deadline: date, contact_name: str, named_mode: bool) -> Element:
    return container(
        [
            text(t(lang, "nomination.who.title"), weight="Bolder"),
            text(t(lang, "nomination.who.named" if named_mode else "nomination.who.anonymous"), spacing="Small"),
            verbatim(contact_name, prefix=t(lang, "label.contact") + " ", spacing="Small"),
            text(t(lang, "nomination.who.deadline", deadline=format_date(lang, deadline)), spacing="Small"),
            text(t(lang, "nomination.who.care"), subtle=True, spacing="Small"),
        ],
        style="emphasis",
        spacing="Large",
        separator=True,
    )
