"""Installation, help and language: what a person sees first and whenever they are lost."""
from __future__ import annotations

from botbuilder.core import TurnContext

from .. import cards
from ..process import planning_group
from ..services import Services
from .context import language_of
from .replies import say, send_card, send_text
from .turn import TurnInfo


async def greet_team(ctx: TurnContext, turn: TurnInfo, services: Services) -> None:
    """The app was added to a team: remember the workplace and introduce ourselves there."""
    now = services.clock.now()
    await services.store.workplaces.upsert(
        team_id=turn.team_id, tenant_id=turn.tenant_id, service_url=turn.service_url, channel_id=turn.conversation_id,
        name=turn.team_name, now=now, concept=services.concept.id,
    )
    members = await services.store.planning_group.members(turn.team_id)
    lang = turn.locale_lang or services.settings.default_language
    card = cards.team_welcome_card(lang, services.concept, [m.name or m.user_id for m in members])
    await send_card(ctx, card, summary=services.concept.dialogue_name(lang))


async def greet_person(ctx: TurnContext, turn: TurnInfo, services: Services) -> None:
    lang = await language_of(services, turn)
    await send_card(ctx, cards.personal_welcome_card(lang, services.concept, turn.name), summary=services.concept.dialogue_name(lang))


async def show_help(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: object = None) -> None:
    lang = await language_of(services, turn)
    role = "employee"
    if turn.team_id:
        members = await services.store.planning_group.members(turn.team_id)
        if planning_group.may_manage(turn.user_id, [m.user_id for m in members]) or not members:
            role = "planning_group"
    elif await services.store.planning_group.teams_of(turn.user_id):
        role = "planning_group"
    card = cards.help_card(lang, services.concept, role=role, in_channel=not turn.is_personal,
                           privacy_url=services.settings.privacy_url(lang))
    await send_card(ctx, card, summary="Hjælp" if lang == "da" else "Help")


async def set_language(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str | None) -> None:
    if lang not in ("da", "en"):
        current = await language_of(services, turn)
        lang = "en" if current == "da" else "da"
    await services.store.people.set_language(turn.user_id, lang, tenant_id=turn.tenant_id, now=services.clock.now())
    await send_text(ctx, say(lang, "language_set"))
