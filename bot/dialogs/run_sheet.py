"""Step 8 in Teams: the day's run-sheet for the leader (Bilag 5), built from the day and the groups.

``drejebog`` / ``run-sheet`` (or the grouping card's button), for the planning group, of which the
leader is a member (a local reading: the guide gives the run-sheet to the leader, who facilitates,
and the planning group prepares the day with them). Nothing is stored: the times come from the
day's start, the plenum share from the groups as they are now.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.run_sheet import RunSheetShow, run_sheet_card
from ..process.concept import Kind
from ..process.dialogue import Role
from ..process.run_sheet import run_sheet_for
from ..services import Services
from .grouping import dialogue_to_act_on, show_card
from .language import language_of
from .registry import Command, Verb
from .replies import say
from .turn import TurnInfo


async def show_run_sheet(ctx: TurnContext, turn: TurnInfo, services: Services, payload: RunSheetShow) -> None:
    lang = await language_of(services, turn)
    found = await dialogue_to_act_on(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    dialogue_id, _team = found
    day = await services.store.invitations.get_day(dialogue_id)
    if day is None:
        await say(ctx, lang, "run_sheet.no_day")
        return
    grouping = await services.store.groupings.get(dialogue_id)
    sizes = {len(g) for g in grouping.wellbeing + grouping.leadership if g} if grouping else set()
    per_round = {kind: len([g for g in grouping.groups(kind) if g]) for kind in Kind} if grouping else None
    sheet = run_sheet_for(day, kinds=await services.store.dialogues.kinds(dialogue_id))  # one round on a one-kind day (DTU)
    await show_card(ctx, turn, services, lambda lang: run_sheet_card(
        lang, dialogue_id=dialogue_id, day=day, sheet=sheet, group_sizes=sizes, groups_per_round=per_round,
    ), "run_sheet.summary")


DECLARES = (
    Verb(RunSheetShow, show_run_sheet, who=Role.PLANNING_GROUP),
    Command(da=("drejebog",), en=("run-sheet", "run sheet", "runsheet"), payload=RunSheetShow, who=Role.PLANNING_GROUP,
            help="help.cmd.run_sheet"),
)
