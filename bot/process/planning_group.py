"""Who runs the process at a workplace: the planning group (planlægningsgruppe).

The person who starts the first round becomes its first member; members add and remove each
other. The group can never be emptied, so a workplace is never left without someone in charge.
"""
from __future__ import annotations

from collections.abc import Collection

MAX_MEMBERS = 12


class PlanningGroupRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # not_member | last_member | full | already_member | not_in_group


def may_manage(user_id: str, members: Collection[str]) -> bool:
    """Planning-group actions (start, tally, status, members) need membership, except the very
    first start at a workplace whose group is still empty."""
    return user_id in members


def may_start(user_id: str, members: Collection[str]) -> bool:
    return not members or user_id in members


def founder_joins(starter: str, members: Collection[str]) -> bool:
    """The person who starts a round at a workplace with no planning group becomes its first member.

    So the group is never empty once a round runs; later starters are members already."""
    return not members and bool(starter)


def check_add(actor: str, new_member: str, members: Collection[str]) -> None:
    if actor not in members:
        raise PlanningGroupRefused("not_member")
    if new_member in members:
        raise PlanningGroupRefused("already_member")
    if len(members) >= MAX_MEMBERS:
        raise PlanningGroupRefused("full")


def check_remove(actor: str, member: str, members: Collection[str]) -> None:
    if actor not in members:
        raise PlanningGroupRefused("not_member")
    if member not in members:
        raise PlanningGroupRefused("not_in_group")
    if len(members) <= 1:
        raise PlanningGroupRefused("last_member")
