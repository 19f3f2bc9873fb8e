"""What a person can do and say to the bot."""
from __future__ import annotations

from typing import ClassVar

from bot.process.concept import Concept

from .elements import Element, card, facts, heading, open_url, subheading, submit, text
from ..texts import role_words, t
from .my_data import DataShow
from .nomination import NominationOpen
from .payload import Payload
from .plan import RoundSetup
from .planning_group import GroupManage
from .safety import safety_note
from .selection import SelectionShow
from .status import StatusShow
from .tally import TallyShow


class HelpShow(Payload):
    """What can I do here?"""

    VERB: ClassVar[str] = "help.show"

def help_card(lang: str, concept: Concept, *, role: str, in_channel: bool, commands: list[tuple[str, str, str]],
              privacy_url: str | None = None, can_start: bool = False) -> Element:
    """Help for an ``employee`` or a member of the ``planning_group``, in a channel or a 1:1 chat.

    ``commands`` holds (Danish words, English words, text key) for what the role may type here,
    as the dialogs declare them; the bot understands both languages whatever the person's
    language setting, so both are shown. The buttons are only those that work where the card
    is: "Start" only when the sender may start a round in this team's channel now
    (``can_start``), the planning group's management only in the channel, and in a personal
    chat a planning-group member is told where the team-only commands work.
    """
    prefix = "@TalSammen " if in_channel else ""
    planning = role == "planning_group"
    nominations = concept.uses_nominations
    direct = "" if nominations else ".direct"  # no nomination round: the planning group sets the themes itself
    roles = role_words(lang, concept.roles)
    body: list[Element] = [
        heading(t(lang, "help.title")),
        text(t(lang, f"help.intro{direct}", dialogue=concept.dialogue_name(lang), **roles)),
        text(t(lang, f"help.role.{role}{direct}", workplace=concept.workplace_word(lang), **roles), spacing="Small"),
        subheading(t(lang, "help.commands")),
        text(t(lang, "help.commands.channel" if in_channel else "help.commands.chat"), subtle=True, spacing="Small"),
        facts([(_command(prefix, da, en), t(lang, key, **roles)) for da, en, key in commands]),
    ]
    if planning and not in_channel:
        body.append(text(t(lang, f"help.team_only{direct}", **roles), subtle=True, spacing="Small"))
    body.extend(safety_note(lang, concept))  # Bilag 4: where to go, from the concept
    # Only buttons of the steps the concept runs: without a nomination round there is nothing to
    # start, tally or nominate, and the planning group's first tool is choosing the themes.
    actions: list[Element] = []
    if can_start and nominations:
        actions.append(submit(t(lang, "action.start"), RoundSetup, style="positive"))
    if planning and not nominations and in_channel:
        actions.append(submit(t(lang, "action.selection.show"), SelectionShow, style="positive"))
    if planning and nominations:
        actions.append(submit(t(lang, "action.tally"), TallyShow))
        if not can_start:  # status is about an open round; at most five buttons fit a card well
            actions.append(submit(t(lang, "action.status"), StatusShow))
    if planning and in_channel:
        actions.append(submit(t(lang, "action.group", **roles), GroupManage))
    if nominations and (not planning or not in_channel):
        # A planning-group member nominates too; in the channel their card is the group's tools.
        actions.append(submit(t(lang, "action.nomination.open"), NominationOpen))
    actions.append(submit(t(lang, "action.data.show"), DataShow))
    if privacy_url:
        actions.append(open_url(t(lang, "action.privacy"), privacy_url))
    return card(body, actions)


def _command(prefix: str, da: str, en: str) -> str:
    return f"{prefix}{da}" if da == en else f"{prefix}{da} / {en}"
