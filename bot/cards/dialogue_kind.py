"""Which dialogue the day runs, on the selection card of a concept with dialogue kinds (DTU).

DTU runs two concepts with one method: the well-being dialogue and the leadership dialogue
(every second year). The planning group chooses one of them, or both as one day, where it
chooses the themes; the card shows each dialogue's purpose in the concept's words, and the
buttons, in the bot's own words, switch what the themes below ask for.
"""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from bot.process.concept import Concept, Kind
from bot.process.selection import BOTH

from ..texts import t
from .elements import Element, action_set, container, rich, run, submit, text
from .payload import Payload, RoundId

# A Teams team id: only sent when no dialogue existed yet (a workplace without nominations);
# the server checks the sender is in that team's planning group.
TeamId = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$")]


class SelectionKind(Payload):
    """Run one dialogue kind, or both (typed ``vælg dialog trivsel`` / ``choose dialogue leadership``,
    or the selection card's buttons); without a kind, it opens the selection card."""

    VERB: ClassVar[str] = "selection.kind"
    dialogue_id: RoundId | None = None
    team_id: TeamId | None = None
    kind: Literal["wellbeing", "leadership", "both"] | None = None


def kinds_name(lang: str, concept: Concept, kinds: tuple[Kind, ...]) -> str:
    """'DTU Trivselsdialog', or both names for a day that holds both."""
    names = concept.dialogue_kinds or {}
    if len(kinds) == 1 and kinds[0] in names:
        return names[kinds[0]].name(lang)
    return t(lang, "selection.kind.both")


def dialogue_kind_block(lang: str, concept: Concept, kinds: tuple[Kind, ...], *, dialogue_id: str | None,
                        team_id: str | None) -> Element:
    """Each dialogue with its purpose (and cadence), which one the day runs, and buttons to change it."""
    ids = {"dialogue_id": dialogue_id} if dialogue_id else {"team_id": team_id} if team_id else {}
    items: list[Element] = [text(t(lang, "selection.kind.title"), weight="Bolder")]
    buttons: list[Element] = []
    for kind, about in (concept.dialogue_kinds or {}).items():
        items.append(rich(run(about.name(lang), bold=True), run(": " + about.purpose(lang)), spacing="Small"))
        if about.cadence is not None:
            items.append(text(t(lang, "selection.kind.cadence", cadence=about.cadence(lang)), subtle=True, spacing="None"))
        if kinds != (kind,):
            buttons.append(submit(t(lang, "action.selection.kind", name=about.name(lang)), SelectionKind, kind=kind.value, **ids))
    if kinds != BOTH:
        buttons.append(submit(t(lang, "action.selection.kind.both"), SelectionKind, kind="both", **ids))
    items.append(text(t(lang, "selection.kind.current", name=kinds_name(lang, concept, kinds)), spacing="Small"))
    items.append(action_set(buttons))
    return container(items, style="emphasis", spacing="Medium")
