"""Step 3 of the guide as cards: the form (Bilag 2) where an employee nominates two themes, and the
receipt that replaces it, showing their own answer and whether they can still change it.

Input ids come from :mod:`bot.process.nomination`, so the form and its parser cannot drift
apart. Limits are shown in the labels because ``maxLength`` is only a hint to the client.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from pydantic import ValidationInfo, field_validator

from bot.process.concept import Concept, Kind
from bot.process.nomination import (
    ThemeChoice,
    FIELD_CORE_TASK,
    FIELD_OWN_TITLE,
    FIELD_THEME,
    FIELD_WHY_ME,
    FORM_FIELDS,
    FieldError,
    NominationInput,
    field_name,
)

from .elements import Element, action_set, card, container, heading, rich, run, subheading, submit, text, toggle, verbatim
from ..texts import format_date, has_text, t
from .payload import Payload, RoundId, capped


class NominationOpen(Payload):
    """Bring the nomination card: of the round named, or the person's newest."""

    VERB: ClassVar[str] = "nomination.open"
    round_id: RoundId | None = None


class NominationSubmit(Payload):
    """The nomination form; themes must be ones the concept offers, texts have hard caps.

    Validated with ``context={"concept": …}``: the card offered that concept's themes."""

    VERB: ClassVar[str] = "nomination.submit"
    round_id: RoundId
    wellbeing_theme: str | None = None
    wellbeing_own_title: str | None = None
    wellbeing_why_me: str | None = None
    wellbeing_core_task: str | None = None
    leadership_theme: str | None = None
    leadership_own_title: str | None = None
    leadership_why_me: str | None = None
    leadership_core_task: str | None = None

    @field_validator("wellbeing_theme", "leadership_theme")
    @classmethod
    def _offered_theme(cls, value: str | None, info: ValidationInfo) -> str | None:
        concept: Concept = (info.context or {})["concept"]
        kind = Kind.WELLBEING if info.field_name.startswith("wellbeing") else Kind.LEADERSHIP
        if value not in (None, "") and value not in concept.catalogue(kind).choice_ids:
            raise ValueError("not_offered")
        return value

    @field_validator("wellbeing_own_title", "leadership_own_title")
    @classmethod
    def _title_cap(cls, value: str | None, info: ValidationInfo) -> str | None:
        return capped(value, 2 * (info.context or {})["concept"].limits.own_title_max_chars)

    @field_validator("wellbeing_why_me", "wellbeing_core_task", "leadership_why_me", "leadership_core_task")
    @classmethod
    def _reason_cap(cls, value: str | None, info: ValidationInfo) -> str | None:
        return capped(value, 2 * (info.context or {})["concept"].limits.reason_max_chars)

    def form_values(self) -> dict[str, str | None]:
        """The form's inputs by input id, for the nomination rules."""
        return {name: getattr(self, name) for name in FORM_FIELDS}


class NominationEdit(Payload):
    """Turn the receipt back into the form, to change the answer before the deadline."""

    VERB: ClassVar[str] = "nomination.edit"
    round_id: RoundId

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
    return card(body, [submit(title, NominationSubmit, style="positive", round_id=round_id)])


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


# -- the receipt: what an employee sees after nominating ------------------------------------
def nomination_receipt_card(lang: str, concept: Concept, *, round_id: str, nomination: NominationInput, deadline: date,
                            can_edit: bool, named_mode: bool) -> Element:
    """Replaces the form in place after a submission: the chosen themes and reasons, verbatim."""
    body: list[Element] = [
        heading(t(lang, "receipt.title")),
        text(t(lang, "receipt.intro"), spacing="Small"),
    ]
    for kind in Kind:
        body.append(_choice_section(lang, concept, nomination.choice(kind)))
    footer: list[Element] = [text(t(lang, "receipt.named" if named_mode else "receipt.anonymous"), subtle=True)]
    if can_edit:
        footer.append(text(t(lang, "receipt.can_edit", deadline=format_date(lang, deadline)), spacing="Small"))
    else:
        footer.append(text(t(lang, "receipt.closed"), weight="Bolder", spacing="Small"))
    body.append(container(footer, separator=True, spacing="Large"))
    actions = [submit(t(lang, "action.edit"), NominationEdit, round_id=round_id)] if can_edit else None
    return card(body, actions)


def theme_title_block(lang: str, concept: Concept, choice: ThemeChoice) -> Element:
    """The chosen theme's title; an own proposal shows the person's words after 'Valgfrit emne:'."""
    catalogue = concept.catalogue(choice.kind)
    if choice.theme_id == catalogue.own_proposal.id:
        return rich(run(catalogue.own_proposal.title(lang) + ": ", bold=True), run(choice.own_title or "", bold=True))
    theme = catalogue.find(choice.theme_id)
    if theme is None:  # removed from the concept since it was chosen; show the stored id as is
        return verbatim(choice.theme_id, bold=True)
    return text(theme.title(lang), weight="Bolder")


def _choice_section(lang: str, concept: Concept, choice: ThemeChoice) -> Element:
    return container(
        [
            subheading(concept.catalogue(choice.kind).label(lang)),
            theme_title_block(lang, concept, choice),
            text(concept.question_why_me(lang), subtle=True, spacing="Small"),
            verbatim(choice.why_me, spacing="None"),
            text(concept.question_core_task(lang), subtle=True, spacing="Small"),
            verbatim(choice.core_task, spacing="None"),
        ],
        separator=True,
        spacing="Medium",
    )
