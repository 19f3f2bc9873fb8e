"""What an employee sees after nominating: their own answer, and whether they can still change it."""
from __future__ import annotations

from datetime import date

from bot.process.concept import Concept, Kind
from bot.process.nomination import NominationInput, ThemeChoice

from . import verbs
from .elements import Element, card, container, heading, rich, run, subheading, submit, text, verbatim
from .texts import format_date, t


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
    actions = [submit(t(lang, "action.edit"), verbs.NOMINATION_EDIT, round_id=round_id)] if can_edit else None
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
