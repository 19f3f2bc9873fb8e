"""Who is in the planning group, and how members add and remove each other."""
from __future__ import annotations

from typing import ClassVar, Literal

from .elements import Element, card, facts, heading, rich, run, subheading, text
from ..texts import t
from .payload import Payload


class GroupManage(Payload):
    """See the planning group; typed with ``tilføj``/``fjern`` and mentions, change it."""

    VERB: ClassVar[str] = "planning_group.manage"
    action: Literal["add", "remove"] | None = None


def planning_group_card(lang: str, members: list[str], *, can_manage: bool) -> Element:
    """Who is in the planning group, and how members add and remove each other."""
    body: list[Element] = [heading(t(lang, "group.title")), text(t(lang, "group.intro"), spacing="Small")]
    if members:
        for name in members:
            body.append(rich(run("• "), run(name), spacing="Small"))
    else:
        body.append(text(t(lang, "group.empty"), subtle=True))
    if can_manage:
        body += [
            subheading(t(lang, "group.manage")),
            facts([
                (t(lang, "group.add.command"), t(lang, "group.add.text")),
                (t(lang, "group.remove.command"), t(lang, "group.remove.text")),
            ]),
            text(t(lang, "group.last_member"), subtle=True, spacing="Small"),
        ]
    else:
        body.append(text(t(lang, "group.members_only"), subtle=True, spacing="Medium"))
    return card(body)
