"""The first cards people see: in the team's channel, and in a person's 1:1 chat."""
from __future__ import annotations

from typing import ClassVar, Literal

from bot.process.concept import Concept

from .elements import Element, action_set, card, heading, rich, run, submit, text, verbatim
from ..texts import t
from .help import HelpShow
from .payload import Payload
from .plan import RoundSetup


class LanguageSet(Payload):
    """Speak Danish or English to me from now on; without a language, the other one."""

    VERB: ClassVar[str] = "language.set"
    lang: Literal["da", "en"] | None = None


def team_welcome_card(lang: str, concept: Concept, planning_group_names: list[str]) -> Element:
    """Posted to the channel when the app is added to a team: what happens, who runs it, Start."""
    dialogue = concept.dialogue_name(lang)
    body: list[Element] = [
        heading(t(lang, "welcome.team.title", dialogue=dialogue)),
        text(t(lang, "welcome.team.intro")),
        # One block with \r-separated items is how Teams renders a numbered list.
        text(t(lang, "welcome.team.steps", Planning_group=concept.roles.capitalised("planning_group", lang)), spacing="Small"),
    ]
    if planning_group_names:
        inlines = [run(t(lang, "welcome.team.group_is", Planning_group=concept.roles.capitalised("planning_group", lang)), bold=True)]
        for i, name in enumerate(planning_group_names):
            inlines.append(run(", " if i else " "))
            inlines.append(run(name))
        body.append(rich(*inlines, spacing="Medium"))
    else:
        body.append(text(t(lang, "welcome.team.group_empty"), spacing="Medium"))
    body.append(text(t(lang, "welcome.team.start_hint"), subtle=True))
    actions = [
        submit(t(lang, "action.start"), RoundSetup, style="positive"),
        submit(t(lang, "action.help"), HelpShow),
    ]
    return card(body, actions, fallback_text=t(lang, "welcome.team.title", dialogue=dialogue))


def personal_welcome_card(lang: str, concept: Concept, name: str) -> Element:
    """The first message in a person's 1:1 chat: what the bot will ask of them, and the language."""
    body: list[Element] = [
        verbatim(name, prefix=t(lang, "welcome.personal.hello") + " "),
        text(t(lang, "welcome.personal.intro", dialogue=concept.dialogue_name(lang), organisation=concept.organisation(lang))),
        text(t(lang, "welcome.personal.what", planning_group=concept.roles.planning_group(lang))),
        text(t(lang, "welcome.personal.language"), subtle=True, spacing="Medium"),
        action_set([
            submit("Dansk", LanguageSet, lang="da"),
            submit("English", LanguageSet, lang="en"),
        ], spacing="Small"),
    ]
    return card(body, [submit(t(lang, "action.help"), HelpShow)])
