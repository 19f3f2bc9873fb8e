"""Which language to answer in: the conversation's, and the person's own for what goes to them
privately. The rule itself is ``bot.texts.choose_language``; this reads what it needs.

A team's channel is read by everyone in it, so it speaks the team's language (chosen at set-up,
else the default) whoever wrote; a personal chat speaks the person's.
"""
from __future__ import annotations

from ..services import Services
from ..texts import choose_language
from .turn import TurnInfo


async def person_language(services: Services, turn: TurnInfo) -> str:
    """The sender's own language: a stored choice, else the language of the card whose button
    they pressed, else Danish for a Danish-only command word, else the client's locale, else
    the default."""
    if turn.person_loaded:
        stored = turn.stored_lang
    else:
        person = await services.store.people.get(turn.user_id)
        stored = person.lang if person else None
    card = (turn.value or {}).get("card_lang")  # checked again by the button's payload model
    return choose_language(
        stored=stored, card=card if isinstance(card, str) else None, typed=turn.typed_lang, locale=turn.locale,
        default=services.settings.default_language,
    )


async def team_language(services: Services, team_id: str | None) -> str:
    """The language a team's channel speaks: the team's choice, else the default."""
    workplace = await services.store.workplaces.get(team_id) if team_id else None
    return choose_language(shared=True, team=workplace.lang if workplace else None, default=services.settings.default_language)


async def language_of(services: Services, turn: TurnInfo) -> str:
    """The language to answer in here, in the conversation the message came from."""
    if turn.is_personal:
        return await person_language(services, turn)
    return await team_language(services, turn.team_id)


async def proactive_language(services: Services, user_id: str) -> str:
    """The language of a message we start to a person: their stored choice, else the default
    (never a locale: it belongs to a turn, and there is none)."""
    person = await services.store.people.get(user_id)
    return choose_language(stored=person.lang if person else None, default=services.settings.default_language)
