"""The note on boundary-crossing behaviour that every card with free text carries (Bilag 4).

The guide keeps concrete cases of violence, harassment and bullying out of the dialogue: they
are handled at once, elsewhere. Someone about to write a reason or a note may be about to
write exactly that, so the card says so in one line and, one press away, where to go. Who
and how come from the concept (``Concept.safety``), so DTU shows only what DTU names.

The list is collapsed (Action.ToggleVisibility) to keep the card it sits on short and under
the size budget; a ShowCard would hide the links behind a second card on some Teams clients.
"""
from __future__ import annotations

from bot.process.concept import Concept, SafetyContact

from ..texts import t
from .elements import Element, action_set, container, open_url, text, toggle

NOTE_ID = "safety-help"


def safety_note(lang: str, concept: Concept, *, id_prefix: str = NOTE_ID) -> list[Element]:
    """Body elements to append to a card: the heading line, a toggle, and the hidden contacts.

    Empty when the concept names no contacts. ``id_prefix`` keeps element ids unique should a
    card ever carry two notes.
    """
    safety = concept.safety
    if safety is None:
        return []
    everyone = [c for c in safety.contacts if not c.for_leaders]
    leaders = [c for c in safety.contacts if c.for_leaders]
    # One markdown list per group, not a block per contact: the note rides on the nomination
    # form, which is close to the message budget with every description and a full answer.
    details: list[Element] = [text(safety.intro(lang), spacing="Small")]
    if everyone:
        details.append(_listing([_contact(c, lang) for c in everyone]))
    if leaders:
        details.append(text(t(lang, "safety.for_leaders"), weight="Bolder", spacing="Medium"))
        details.append(_listing([_contact(c, lang) for c in leaders]))
    concerned = safety.when_leader_concerned
    if concerned:
        details.append(text(t(lang, "safety.leader_concerned"), weight="Bolder", spacing="Medium"))
        details.append(_listing([c.who(lang) for c in concerned]))
    links = [open_url(c.who(lang), c.url) for c in safety.contacts if c.url]
    if links:
        details.append(action_set(links, spacing="Small"))
    hidden_id = f"{id_prefix}-contacts"
    return [container(
        [
            text(t(lang, "safety.heading"), weight="Bolder"),
            action_set([toggle(t(lang, "safety.show"), hidden_id)], spacing="Small"),
            container(details, id=hidden_id, visible=False, spacing="Small"),
        ],
        style="emphasis",
        id=id_prefix,
        spacing="Large",
        separator=True,
    )]


def _contact(contact: SafetyContact, lang: str) -> str:
    # The concept's own words, not user text, so markdown for the name is safe here.
    return f"**{contact.who(lang)}** – {contact.how(lang)}"


def _listing(lines: list[str]) -> Element:
    return text("\n".join(f"- {line}" for line in lines), spacing="Small")
