"""The planning group in Teams: list, add and remove members by mentioning them."""
from __future__ import annotations

from botbuilder.core import TurnContext

from .. import cards
from ..process import planning_group
from ..process.planning_group import PlanningGroupRefused
from ..services import Services
from .commands import GROUP_ACTIONS
from .context import language_of, names
from .replies import say, send_card, send_text
from .turn import TurnInfo

_REFUSALS = {"last_member": "group_refused_last_member", "full": "group_refused_full"}


async def manage_group(ctx: TurnContext, turn: TurnInfo, services: Services, action: str | None) -> None:
    lang = await language_of(services, turn)
    if not turn.team_id:
        await send_text(ctx, say(lang, "not_in_team"))
        return
    members = await services.store.planning_group.members(turn.team_id)
    ids = [m.user_id for m in members]
    verb = GROUP_ACTIONS.get(action or "")
    if verb is None:
        card = cards.planning_group_card(lang, [m.name or m.user_id for m in members], can_manage=planning_group.may_manage(turn.user_id, ids))
        await send_card(ctx, card, summary=say(lang, "no_planning_group") if not members else names(members))
        return
    if not planning_group.may_manage(turn.user_id, ids):
        await send_text(ctx, say(lang, "only_planning_group", names=names(members)) if members else say(lang, "no_planning_group"))
        return
    if not turn.mentioned:
        await send_text(ctx, say(lang, "group_need_mention"))
        return
    now = services.clock.now()
    changed = []
    try:
        for person in turn.mentioned:
            current = [m.user_id for m in await services.store.planning_group.members(turn.team_id)]
            if verb == "add":
                if person.user_id in current:
                    continue
                planning_group.check_add(turn.user_id, person.user_id, current)
                await services.store.planning_group.add(turn.team_id, person.user_id, person.name, added_by=turn.user_id, now=now)
            else:
                if person.user_id not in current:
                    continue
                planning_group.check_remove(turn.user_id, person.user_id, current)
                await services.store.planning_group.remove(turn.team_id, person.user_id)
            await services.store.audit.record(actor=turn.user_id, action=f"planning_group.{verb}", subject=person.user_id, now=now)
            changed.append(person.name or person.user_id)
    except PlanningGroupRefused as refused:
        await send_text(ctx, say(lang, _REFUSALS.get(refused.code, "only_planning_group"), names=names(members)))
        return
    if changed:
        await send_text(ctx, say(lang, "group_added" if verb == "add" else "group_removed", names=", ".join(changed)))
