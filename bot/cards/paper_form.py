"""Paper forms (Bilag 2) as cards: the contact person chooses the colleague whose paper form they
type in, fills in the same form as everyone else (``nomination_card(paper_for=…)``), and gets a
receipt saying it was saved on the colleague's behalf.

The buttons' payload models live in :mod:`bot.cards.nomination` beside the form they extend.
"""
from __future__ import annotations

from datetime import date

from bot.process.concept import Concept, Kind
from bot.process.nomination import Invitee, NominationInput

from ..texts import format_date, t
from .elements import MAX_MESSAGE_BYTES, Element, card, container, heading, json_size, submit, text, verbatim
from .nomination import NominationPaperChoose, NominationPaperOpen
from .themes import choice_section, workplace_line

FIELD_COLLEAGUE = "colleague"  # the chooser's input id, a field of NominationPaperChoose
# A roster can be long; the chooser keeps the message well under Teams' limit and says how
# many it left out (they are reached by correcting the list: see paper.choose.more).
CHOOSER_BUDGET = MAX_MESSAGE_BYTES - 4_000


def paper_chooser_card(lang: str, concept: Concept, *, round_id: str, workplace_name: str,
                       candidates: list[Invitee], entered: set[str]) -> Element:
    """Choose the colleague: invited and not answered, or answered on paper before (``entered``)."""
    def build(shown: list[Invitee]) -> Element:
        choices = [
            {"title": t(lang, "paper.choose.corrects", name=i.name or i.user_id) if i.user_id in entered else (i.name or i.user_id),
             "value": i.user_id}
            for i in shown
        ]
        body: list[Element] = [heading(t(lang, "paper.choose.title"))]
        if workplace_name:
            body.append(workplace_line(lang, concept, workplace_name))
        body.append(text(t(lang, "paper.choose.intro"), spacing="Small"))
        body.append({
            "type": "Input.ChoiceSet", "id": FIELD_COLLEAGUE, "label": t(lang, "paper.choose.label"),
            "style": "filtered" if len(shown) > 12 else "compact", "isRequired": True,
            "errorMessage": t(lang, "paper.choose.required"), "placeholder": t(lang, "paper.choose.placeholder"),
            "choices": choices,
        })
        hidden = len(candidates) - len(shown)
        if hidden:
            body.append(text(t(lang, "paper.choose.more", count=hidden), subtle=True, spacing="Small"))
        return card(body, [submit(t(lang, "action.paper.choose"), NominationPaperChoose, style="positive", round_id=round_id)])

    shown = list(candidates)
    built = build(shown)
    while shown and json_size(built) > CHOOSER_BUDGET:
        shown = shown[: max(1, len(shown) * 3 // 4)]
        built = build(shown)
    return built


def paper_receipt_card(lang: str, concept: Concept, *, round_id: str, workplace_name: str, colleague: Invitee,
                       nomination: NominationInput, deadline: date, changed: bool) -> Element:
    """Replaces the paper form once saved: for whom, what was entered, and the way to the next one."""
    body: list[Element] = [heading(t(lang, "paper.receipt.changed" if changed else "paper.receipt.title"))]
    if workplace_name:
        body.append(workplace_line(lang, concept, workplace_name))
    body.append(verbatim(colleague.name or colleague.user_id, prefix=t(lang, "paper.form.for") + " ", bold=True, spacing="Small"))
    for kind in Kind:
        body.append(choice_section(lang, concept, nomination.choice(kind)))
    body.append(container([
        text(t(lang, "paper.receipt.counts"), spacing="Small"),
        text(t(lang, "paper.receipt.can_correct", deadline=format_date(lang, deadline)), subtle=True, spacing="Small"),
    ], separator=True, spacing="Large"))
    return card(body, [
        submit(t(lang, "action.paper.correct"), NominationPaperChoose, round_id=round_id, colleague=colleague.user_id),
        submit(t(lang, "action.paper.next"), NominationPaperOpen, style="positive", round_id=round_id),
    ])
