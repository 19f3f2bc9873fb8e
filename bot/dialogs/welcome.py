"""Installation, help and language: what a person sees first and whenever they are lost."""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.help import HelpShow, help_card
from ..cards.welcome import LanguageSet, personal_welcome_card, team_welcome_card
from ..process import planning_group
from ..process.dialogue import Role
from ..services import Services
from ..texts import LANGUAGES, t
from .language import language_of, person_language, team_language
from .registry import Command, Verb
from .replies import say, send_card
from .turn import TurnInfo

# The words typed after "sprog"/"language".
LANGUAGE_WORDS = {"da": "da", "dansk": "da", "danish": "da", "en": "en", "engelsk": "en", "english": "en"}


async def greet_team(ctx: TurnContext, turn: TurnInfo, services: Services) -> None:
    """The app was added to a team: remember the workplace and introduce ourselves there, in the
    team's language (the default until the planning group chooses one at set-up)."""
    await services.store.workplaces.upsert(
        team_id=turn.team_id, tenant_id=turn.tenant_id, service_url=turn.service_url, channel_id=turn.conversation_id,
        name=turn.team_name, now=services.clock.now(), concept=services.concept.id,
    )
    members = await services.store.planning_group.members(turn.team_id)
    lang = await team_language(services, turn.team_id)
    card = team_welcome_card(lang, services.concept, [m.name or m.user_id for m in members])
    await send_card(ctx, card, summary=services.concept.dialogue_name(lang), lang=lang)


async def greet_person(ctx: TurnContext, turn: TurnInfo, services: Services) -> None:
    lang = await language_of(services, turn)
    await send_card(ctx, personal_welcome_card(lang, services.concept, turn.name), summary=services.concept.dialogue_name(lang), lang=lang)


async def show_help(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: HelpShow) -> None:
    """Help for where the sender is: their role, the commands that work here, and only the
    buttons that work here (Start only in the channel, to whoever may start, with no round open)."""
    from .router import REGISTRY  # the router merges this module's declarations too

    lang = await language_of(services, turn)
    if turn.team_id:
        members = await services.store.planning_group.members(turn.team_id)
        runs_it = planning_group.may_start(turn.user_id, [m.user_id for m in members])  # anyone, while there is no group
    else:
        runs_it = bool(await services.store.planning_group.teams_of(turn.user_id))
    role = Role.PLANNING_GROUP if runs_it else Role.EMPLOYEE  # a planning-group member is an employee too
    can_start = False
    if turn.team_id and runs_it and services.concept.uses_nominations:
        latest = await services.store.dialogues.latest_round(turn.team_id)
        can_start = not (latest and latest.is_open(services.clock.now()))
    card = help_card(lang, services.concept, role=role.value, in_channel=not turn.is_personal, can_start=can_start,
                     commands=REGISTRY.help_lines({role, Role.EMPLOYEE}, in_team=turn.team_id is not None, concept=services.concept),
                     privacy_url=services.settings.privacy_url(lang))
    await send_card(ctx, card, summary=t(lang, "help.summary"), lang=lang)


async def set_language(ctx: TurnContext, turn: TurnInfo, services: Services, payload: LanguageSet) -> None:
    """The sender's own language, for the personal chat and what is sent to them privately. A
    team's channel keeps the team's language (chosen at set-up), and says so."""
    lang = payload.lang
    if lang not in LANGUAGES:  # no language named: the other one than the sender's own
        lang = "en" if await person_language(services, turn) == "da" else "da"
    await services.store.people.set_language(turn.user_id, lang, tenant_id=turn.tenant_id, now=services.clock.now())
    if turn.team_id and not turn.is_personal:
        here = await team_language(services, turn.team_id)  # the channel is read by everyone: its own language
        await say(ctx, here, "language.set_in_channel", language=t(here, f"language.name.{lang}"))
    else:
        await say(ctx, lang, "common.language_set")


DECLARES = (
    Verb(HelpShow, show_help, who=Role.ANYONE),
    Verb(LanguageSet, set_language, who=Role.ANYONE),
    Command(da=("sprog",), en=("language",), payload=LanguageSet, who=Role.ANYONE,
            args=lambda words: {"lang": LANGUAGE_WORDS.get(words[0]) if words else None}, help="help.cmd.language"),
    Command(da=("hjælp", "hjaelp"), en=("help", "?"), payload=HelpShow, who=Role.ANYONE, help="help.cmd.help"),
)
