"""How themes are shown: Bilag 1's descriptions where people choose, a chosen theme with its
reasons, and whose dialogue a card belongs to. Shared by the nomination card, its receipt, the
paper form and "my data"."""
from __future__ import annotations

from bot.process.concept import Concept, Kind
from bot.process.nomination import ThemeChoice

from ..texts import t
from .elements import Element, action_set, container, rich, run, subheading, text, toggle, verbatim


def workplace_line(lang: str, concept: Concept, workplace_name: str) -> Element:
    """'Arbejdsplads: Hjemmeplejen Nord'; the team's name is Teams' text, so it stays verbatim."""
    word = concept.workplace_word(lang)
    return verbatim(workplace_name, prefix=word[:1].upper() + word[1:] + ": ", prefix_subtle=True, bold=True, spacing="Small")


def about_themes(lang: str, concept: Concept, kind: Kind) -> list[Element]:
    """Bilag 1's descriptions where people choose, one at a time.

    A ChoiceSet choice carries only a title, and unfolding every description at once doubled
    the card. So a button unfolds the list of titles only (one line each, the form barely
    grows), and each title unfolds its own description under it and folds it again. The
    button's label flips between "Læs om …" and "Skjul …" (two ActionSets, one visible).
    """
    catalogue = concept.catalogue(kind)
    about_id, show_id, hide_id = f"{kind.value}_about", f"{kind.value}_about_show", f"{kind.value}_about_hide"
    rows: list[Element] = [text(t(lang, "nomination.about.hint"), subtle=True, spacing="None")]
    for theme in (*catalogue.themes, catalogue.own_proposal):
        ids = {state: f"{kind.value}_{theme.id}_{state}" for state in ("closed", "open", "text")}
        rows.append({
            "type": "Container",
            "spacing": "Small",
            "selectAction": toggle(theme.title(lang), *ids.values()),
            "items": [
                text("▸ " + theme.title(lang), weight="Bolder", color="Accent", id=ids["closed"]),
                {**text("▾ " + theme.title(lang), weight="Bolder", color="Accent", id=ids["open"]), "isVisible": False},
                {**text(theme.description(lang), spacing="Small", id=ids["text"]), "isVisible": False},
            ],
        })
    flip = (about_id, show_id, hide_id)
    return [
        {**action_set([toggle(t(lang, f"nomination.about.show.{kind.value}"), *flip)], spacing="Small"), "id": show_id},
        container(rows, id=about_id, visible=False, style="emphasis"),
        {**action_set([toggle(t(lang, "nomination.about.hide"), *flip)], spacing="Small"), "id": hide_id, "isVisible": False},
    ]


def theme_title_block(lang: str, concept: Concept, choice: ThemeChoice) -> Element:
    """The chosen theme's title; an own proposal shows the person's words after 'Valgfrit emne:'."""
    catalogue = concept.catalogue(choice.kind)
    if choice.theme_id == catalogue.own_proposal.id:
        return rich(run(catalogue.own_proposal.title(lang) + ": ", bold=True), run(choice.own_title or "", bold=True))
    theme = catalogue.find(choice.theme_id)
    if theme is None:  # removed from the concept since it was chosen; show the stored id as is
        return verbatim(choice.theme_id, bold=True)
    return text(theme.title(lang), weight="Bolder")


def choice_section(lang: str, concept: Concept, choice: ThemeChoice) -> Element:
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
