"""Per-turn lookups shared by the handlers: the person's language and the planning group."""
from __future__ import annotations

from dataclasses import replace

from ..process.people import is_first_private_contact
from ..services import Services
from .turn import TurnInfo


async def language_of(services: Services, turn: TurnInfo) -> str:
    """A choice the person stored beats the client's locale, which varies between clicks."""
    if turn.person_loaded:
        stored = turn.stored_lang
    else:
        person = await services.store.people.get(turn.user_id)
        stored = person.lang if person else None
    return stored or turn.locale_lang or services.settings.default_language


async def remember_sender(services: Services, turn: TurnInfo) -> tuple[TurnInfo, bool]:
    """Keep the 1:1 conversation reference whenever the person writes to us privately.

    Returns the turn with the person's stored language attached (one read per turn, not one per
    lookup), and True the first time we hear from this person in a 1:1 chat (time to say hello)."""
    conversation_id = turn.conversation_id if turn.is_personal else None
    seen = await services.store.people.remember(
        user_id=turn.user_id, tenant_id=turn.tenant_id, now=services.clock.now(), name=turn.name,
        aad_object_id=turn.aad_object_id, service_url=turn.service_url, conversation_id=conversation_id,
    )
    return replace(turn, person_loaded=True, stored_lang=seen.after.lang), is_first_private_contact(seen.before, conversation_id)


def names(members) -> str:
    return ", ".join(m.name or m.user_id for m in members)
