"""Installation, help and language: what a person sees first and whenever they are lost."""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.help import HelpShow, help_card
from ..cards.welcome import LanguageSet, personal_welcome_card, team_welcome_card
from ..process import planning_group
from ..process.dialogue import Role
from ..services import Services
from ..texts import LANGUAGES, choose_language, t
from .language import language_of
from .registry import Command, Verb
from .replies import say, send_card
from .turn import TurnInfo

# The words typed after "sprog"/"language".
LANGUAGE_WORDS = {"da": "da", "dansk": "da", "danish": "da", "en": "en", "engelsk": "en", "english": "en"}


async def greet_team(ctx: TurnContext, turn: TurnInfo, services: Services) -> None:
    """The app was added to a team: remember the workplace and introduce ourselves there."""
    await services.store.workplaces.upsert(
        team_id=turn.team_id, tenant_id=turn.tenant_id, service_url=turn.service_url, channel_id=turn.conversation_id,
        name=turn.team_name, now=services.clock.now(), concept=services.concept.id,
    )
    members = await services.store.planning_group.members(turn.team_id)
    lang = choose_language(stored=None, locale=turn.locale, default=services.settings.default_language)
    card = team_welcome_card(lang, services.concept, [m.name or m.user_id for m in members])
    await send_card(ctx, card, summary=services.concept.dialogue_name(lang))


async def greet_person(ctx: TurnContext, turn: TurnInfo, services: Services) -> None:
    lang = await language_of(services, turn)
    await send_card(ctx, personal_welcome_card(lang, services.concept, turn.name), summary=services.concept.dialogue_name(lang))


async def show_help(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: HelpShow) -> None:
    from .router import REGISTRY  # the router merges this module's declarations too

    lang = await language_of(services, turn)
    role = Role.EMPLOYEE  # a planning-group member is an employee too, and sees both
    if turn.team_id:
        members = await services.store.planning_group.members(turn.team_id)
        if planning_group.may_start(turn.user_id, [m.user_id for m in members]):
            role = Role.PLANNING_GROUP
    elif await services.store.planning_group.teams_of(turn.user_id):
        role = Role.PLANNING_GROUP
    card = help_card(lang, services.concept, role=role.value, in_channel=not turn.is_personal,
                     commands=REGISTRY.help_lines({role, Role.EMPLOYEE}), privacy_url=services.settings.privacy_url(lang))
    await send_card(ctx, card, summary=t(lang, "help.summary"))


async def set_language(ctx: TurnContext, turn: TurnInfo, services: Services, payload: LanguageSet) -> None:
    lang = payload.lang
    if lang not in LANGUAGES:  # no language named: the other one
        lang = "en" if await language_of(services, turn) == "da" else "da"
    await services.store.people.set_language(turn.user_id, lang, tenant_id=turn.tenant_id, now=services.clock.now())
    await say(ctx, lang, "common.language_set")


DECLARES = (
    Verb(HelpShow, show_help, who=Role.ANYONE),
    Verb(LanguageSet, set_language, who=Role.ANYONE),
    Command(da=("sprog",), en=("language",), payload=LanguageSet, who=Role.ANYONE,
            args=lambda words: {"lang": LANGUAGE_WORDS.get(words[0]) if words else None}, help="help.cmd.language"),
    Command(da=("hjælp", "hjaelp"), en=("help", "?"), payload=HelpShow, who=Role.ANYONE, help="help.cmd.help"),
)
