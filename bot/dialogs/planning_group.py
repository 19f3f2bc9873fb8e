"""The planning group in Teams: see it, and add and remove members by mentioning them.

Every change is re-checked against the stored group (never the card) and audited.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.planning_group import GroupManage, planning_group_card
from ..process import planning_group
from ..process.dialogue import Role
from ..process.planning_group import PlanningGroupRefused
from ..services import Services
from ..texts import t
from .language import language_of
from .context import names, refuse_non_member
from .registry import Command, Verb
from .replies import say, send_card
from .turn import TurnInfo

# The words typed after "gruppe"/"group": Danish and English, with and without æ.
ACTIONS = {"tilføj": "add", "tilfoej": "add", "add": "add", "fjern": "remove", "remove": "remove"}
_REFUSALS = {"last_member": "group.refused.last_member", "full": "group.refused.full"}


async def manage_group(ctx: TurnContext, turn: TurnInfo, services: Services, payload: GroupManage) -> None:
    lang = await language_of(services, turn)
    if not turn.team_id:
        await say(ctx, lang, "common.not_in_team")
        return
    members = await services.store.planning_group.members(turn.team_id)
    ids = [m.user_id for m in members]
    if payload.action is None:
        card = planning_group_card(lang, [m.name or m.user_id for m in members], can_manage=planning_group.may_manage(turn.user_id, ids))
        await send_card(ctx, card, summary=names(members) if members else t(lang, "group.none"), lang=lang)
        return
    if not planning_group.may_manage(turn.user_id, ids):
        await refuse_non_member(ctx, lang, members)
        return
    if not turn.mentioned:
        await say(ctx, lang, "group.need_mention")
        return
    now = services.clock.now()
    changed = []
    try:
        for person in turn.mentioned:
            current = [m.user_id for m in await services.store.planning_group.members(turn.team_id)]
            if payload.action == "add":
                if person.user_id in current:
                    continue
                planning_group.check_add(turn.user_id, person.user_id, current)
                await services.store.planning_group.add(turn.team_id, person.user_id, person.name, added_by=turn.user_id, now=now)
            else:
                if person.user_id not in current:
                    continue
                planning_group.check_remove(turn.user_id, person.user_id, current)
                await services.store.planning_group.remove(turn.team_id, person.user_id)
            await services.store.audit.record(actor=turn.user_id, action=f"planning_group.{payload.action}", subject=person.user_id, now=now)
            changed.append(person.name or person.user_id)
    except PlanningGroupRefused as refused:
        await say(ctx, lang, _REFUSALS.get(refused.code, "common.only_planning_group"), names=names(members))
        return
    if changed:
        await say(ctx, lang, "group.added" if payload.action == "add" else "group.removed", names=", ".join(changed))


DECLARES = (
    Verb(GroupManage, manage_group, who=Role.ANYONE),  # anyone may see it; changing it is checked above
    Command(da=("gruppe", "planlægningsgruppe"), en=("group", "planning group"), payload=GroupManage, who=Role.PLANNING_GROUP,
            args=lambda words: {"action": ACTIONS.get(words[0]) if words else None}, help="help.cmd.group", team_only=True),
)
