"""Step 3 of the guide as cards: the form (Bilag 2) where an employee nominates two themes, and the
receipt that replaces it, showing their own answer and whether they can still change it.

Input ids come from :mod:`bot.process.nomination`, so the form and its parser cannot drift
apart. Limits are shown in the labels because ``maxLength`` is only a hint to the client.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, ClassVar

from pydantic import Field, ValidationInfo, field_validator

from bot.process.concept import Concept, Kind
from bot.process.nomination import (
    Invitee,
    FIELD_CORE_TASK,
    FIELD_OWN_TITLE,
    FIELD_THEME,
    FIELD_WHY_ME,
    FORM_FIELDS,
    FieldError,
    NominationInput,
    field_name,
)

from .elements import Element, card, container, heading, subheading, submit, text, verbatim
from ..texts import format_date, t
from .payload import Payload, RoundId, capped
from .safety import safety_note
from .form_errors import error_summary, field_errors
from .themes import about_themes, choice_section, workplace_line


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


# A Teams user id ("29:…", an AAD id): what a colleague chooser sends; checked again on the server.
UserId = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$")]


class NominationPaperOpen(Payload):
    """The contact person starts entering a paper form (Bilag 2): choose the colleague."""

    VERB: ClassVar[str] = "nomination.paper.open"
    round_id: RoundId | None = None


class NominationPaperChoose(Payload):
    """The colleague chosen (or the paper form to correct): bring the form for them."""

    VERB: ClassVar[str] = "nomination.paper.choose"
    round_id: RoundId
    colleague: UserId | None = None  # None: nobody chosen; the chooser asks again


class NominationPaperSubmit(NominationSubmit):
    """A colleague's paper form, typed in by the contact person; the same form and checks."""

    VERB: ClassVar[str] = "nomination.paper.submit"
    colleague: UserId


def nomination_card(lang: str, concept: Concept, *, round_id: str, deadline: date, contact_name: str, named_mode: bool,
                    workplace_name: str = "", previous: NominationInput | None = None,
                    values: Mapping[str, object] | None = None, errors: list[FieldError] | None = None,
                    paper_for: Invitee | None = None, paper_forms: bool = False) -> Element:
    """The nomination form: one well-being and one leadership theme, each with two reasons.

    ``workplace_name`` says whose dialogue it is (someone in two teams gets two cards).
    ``previous`` fills the form when someone edits a nomination; ``values`` (the raw card
    inputs) refill it after the server rejected a submission, with ``errors`` shown at the top
    and under each field. ``paper_for`` makes it the contact person's copy of a colleague's
    paper form (Bilag 2); ``paper_forms`` adds the contact person's button to enter one.
    """
    errors = errors or []
    filled = _prefill(previous, values)
    body: list[Element] = [heading(concept.dialogue_name(lang))]
    if workplace_name:
        body.append(workplace_line(lang, concept, workplace_name))
    if paper_for is not None:
        body.append(verbatim(paper_for.name or paper_for.user_id, prefix=t(lang, "paper.form.for") + " ", bold=True, spacing="Small"))
        body.append(text(t(lang, "paper.form.intro"), spacing="Small"))
    else:
        body.append(text(t(lang, "nomination.intro", deadline=format_date(lang, deadline)), spacing="Small"))
    if errors:
        body.append(error_summary(lang, concept, errors))
    for kind in Kind:
        body.append(_kind_section(lang, concept, kind, filled, errors))
    body.extend(safety_note(lang, concept))  # free text: concrete cases go elsewhere (Bilag 4)
    if paper_for is not None:
        body.append(container([text(t(lang, "paper.form.counts"), spacing="Small")], style="emphasis", spacing="Large", separator=True))
        title = t(lang, "action.paper.save")
        return card(body, [submit(title, NominationPaperSubmit, style="positive", round_id=round_id, colleague=paper_for.user_id)])
    body.append(_who_sees(lang, deadline=deadline, contact_name=contact_name, named_mode=named_mode))
    actions = [submit(t(lang, "action.nomination.save" if previous else "action.nomination.send"), NominationSubmit,
                      style="positive", round_id=round_id)]
    if paper_forms:
        actions.append(submit(t(lang, "action.paper.open"), NominationPaperOpen, round_id=round_id))
    return card(body, actions)


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


def _kind_section(lang: str, concept: Concept, kind: Kind, filled: dict[str, str], errors: list[FieldError]) -> Element:
    catalogue = concept.catalogue(kind)
    limits = concept.limits
    own_title = catalogue.own_proposal.title(lang)
    theme_field = field_name(FIELD_THEME, kind)
    own_field = field_name(FIELD_OWN_TITLE, kind)
    # »Valgfrit emne« (well-being) and »Valgfrit tema« (leadership) are both the guide's words for
    # the same thing; the choice, the hint and the field all call it "your own proposal".
    choices = [{"title": th.title(lang), "value": th.id} for th in catalogue.themes]
    choices.append({"title": t(lang, "nomination.own.choice", own=own_title), "value": catalogue.own_proposal.id})
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
        subheading(catalogue.label(lang), separator=True),
        text(catalogue.intro(lang), spacing="Small"),
        theme_input,
        *field_errors(lang, theme_field, errors),
        text(t(lang, f"nomination.own.hint.{kind.value}", own=own_title), subtle=True, spacing="Small"),
        *about_themes(lang, concept, kind),
        _text_input(own_field, t(lang, f"nomination.own_title.label.{kind.value}", own=own_title, limit=limits.own_title_max_chars),
                    limits.own_title_max_chars, filled, required=False,
                    error=t(lang, "nomination.error.own_title.required")),
        *field_errors(lang, own_field, errors),
    ]
    for template, question in ((FIELD_WHY_ME, concept.question_why_me), (FIELD_CORE_TASK, concept.question_core_task)):
        field = field_name(template, kind)
        label_text = t(lang, "nomination.question.label", question=question(lang), limit=limits.reason_max_chars)
        items.append(_text_input(field, label_text, limits.reason_max_chars, filled, required=True, multiline=True,
                                 error=t(lang, "nomination.error.reason.required")))
        items += field_errors(lang, field, errors)
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
RECEIPT_TITLES = {"received": "receipt.title", "changed": "receipt.title.changed", "saved": "receipt.title.saved",
                  "shown": "receipt.title.shown"}


def nomination_receipt_card(lang: str, concept: Concept, *, round_id: str, nomination: NominationInput, deadline: date,
                            can_edit: bool, named_mode: bool, workplace_name: str = "", saved: str = "received",
                            entered_by_name: str | None = None, paper_forms: bool = False) -> Element:
    """Replaces the form in place after a submission: the chosen themes and reasons, verbatim.

    ``saved`` is what just happened: ``received`` (the first answer: thanks), ``changed`` (an
    edit was saved), ``saved`` (sent again unchanged) or ``shown`` (asked for with "mine temaer").
    ``entered_by_name`` marks an answer the contact person typed in from a paper form.
    """
    body: list[Element] = [heading(t(lang, RECEIPT_TITLES[saved]))]
    if workplace_name:
        body.append(workplace_line(lang, concept, workplace_name))
    if entered_by_name is not None:
        body.append(verbatim(entered_by_name, prefix=t(lang, "receipt.paper") + " ", prefix_subtle=True, spacing="Small"))
        body.append(text(t(lang, "receipt.paper.replace"), spacing="Small"))
    else:
        body.append(text(t(lang, "receipt.intro"), spacing="Small"))
    for kind in Kind:
        body.append(choice_section(lang, concept, nomination.choice(kind)))
    footer: list[Element] = [text(t(lang, "receipt.named" if named_mode else "receipt.anonymous"), subtle=True)]
    if can_edit:
        footer.append(text(t(lang, "receipt.can_edit", deadline=format_date(lang, deadline)), spacing="Small"))
    else:
        footer.append(text(t(lang, "receipt.closed"), weight="Bolder", spacing="Small"))
    body.append(container(footer, separator=True, spacing="Large"))
    actions = [submit(t(lang, "action.edit"), NominationEdit, round_id=round_id)] if can_edit else []
    if paper_forms and can_edit:
        actions.append(submit(t(lang, "action.paper.open"), NominationPaperOpen, round_id=round_id))
    return card(body, actions or None)
