"""Which language to answer in: the conversation's, and the person's own for what goes to them
privately. The rule itself is ``bot.texts.choose_language``; this reads what it needs."""
from __future__ import annotations

from ..services import Services
from ..texts import choose_language
from .turn import TurnInfo


async def person_language(services: Services, turn: TurnInfo) -> str:
    """The sender's own language: a stored choice, else the client's locale, else the default."""
    if turn.person_loaded:
        stored = turn.stored_lang
    else:
        person = await services.store.people.get(turn.user_id)
        stored = person.lang if person else None
    return choose_language(stored=stored, locale=turn.locale, default=services.settings.default_language)


async def language_of(services: Services, turn: TurnInfo) -> str:
    """The language to answer in here, in the conversation the message came from."""
    return await person_language(services, turn)
