"""Per-turn lookups shared by the handlers: the person's language and the planning group."""
from __future__ import annotations

from .services import Services
from .turn import TurnInfo


async def language_of(services: Services, turn: TurnInfo) -> str:
    """A choice the person stored beats the client's locale, which varies between clicks."""
    person = await services.store.get_person(turn.user_id)
    if person and person.lang:
        return person.lang
    return turn.locale_lang or services.settings.default_language


async def remember_sender(services: Services, turn: TurnInfo) -> bool:
    """Keep the 1:1 conversation reference whenever the person writes to us privately.

    Returns True the first time we hear from this person in a 1:1 chat (time to say hello)."""
    known = await services.store.get_person(turn.user_id)
    first_time = turn.is_personal and (known is None or not known.conversation_id)
    await services.store.upsert_person(
        user_id=turn.user_id, tenant_id=turn.tenant_id, now=services.clock.now(), name=turn.name,
        aad_object_id=turn.aad_object_id, service_url=turn.service_url,
        conversation_id=turn.conversation_id if turn.is_personal else None,
    )
    return first_time


def names(members) -> str:
    return ", ".join(m.name or m.user_id for m in members)
