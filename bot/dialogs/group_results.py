"""Step 8 in Teams: each group writes its flip-chart, and the plenum view (rules: process/group_results.py).

``resultater`` / ``results`` (or the grouping post's and the run-sheet's button) opens the
sender's group's card for the round running now (or the round the button names); someone in no
group of that round, the planning group included, gets the plenum view. Every press is checked
again whatever the card said: the dialogue's own team, the sender's group in that round's
grouping, the run-sheet's clock; the planning group's post to the channel is a queue row.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.group_results import PlenumPostPage, PlenumShow, ResultsPost, ResultsSave, ResultsShow, clock_time, plenum_card, plenum_post_card, results_form_card, results_saved_card
from ..process import planning_group
from ..process.concept import Kind
from ..process.dialogue import Role
from ..process.calendar import due_in_the_room
from ..process.group_results import (
    ResultsInvalid, ResultsRefused, check_may_enter, parse_results, plan_plenum_post, plenum_view, round_now,
)
from ..process.run_sheet import run_sheet_for
from ..scheduler.runner import sweep_soon
from ..services import Services
from ..texts import t
from .context import find_dialogue, planning_dialogue
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say
from .turn import TurnInfo

AUDIT_ENTERED = "group_results.entered"
AUDIT_POSTED = "group_results.posted"


async def dialogue_of_turn(services: Services, turn: TurnInfo, dialogue_id: str | None) -> tuple[str, str] | None:
    """(dialogue id, team id) a press or a typed command means, or None (``find_dialogue``):
    typed privately, the newest dialogue the sender was invited to comes first."""
    dialogue = await find_dialogue(services, turn, dialogue_id, invited=True)
    return (dialogue.id, dialogue.team_id) if dialogue else None


async def names_of(services: Services, dialogue_id: str, user_ids: list[str]) -> dict[str, str]:
    """Names as invited to the day, else as last seen, else the id."""
    invited = {i.user_id: i.name for i in await services.store.invitations.invited(dialogue_id)}
    people = await services.store.people.get_many(u for u in user_ids if not invited.get(u))
    return {u: invited.get(u) or (people[u].name if u in people and people[u].name else u) for u in user_ids}


async def _in_team(services: Services, dialogue_id: str, team_id: str, user_id: str, grouping) -> bool:  # noqa: ANN001
    """May ``user_id`` see the dialogue's plenum view: in its planning group, invited, or in a group."""
    if grouping is not None and any(user_id in g for g in grouping.wellbeing + grouping.leadership):
        return True
    if user_id in {m.user_id for m in await services.store.planning_group.members(team_id)}:
        return True
    return await services.store.invitations.invitation(dialogue_id, user_id) is not None


async def _show(ctx: TurnContext, turn: TurnInfo, services: Services, card, lang: str, summary: str) -> None:  # noqa: ANN001
    """Replace the card pressed in the 1:1 chat; from a channel the card goes privately."""
    if turn.is_personal:
        await replace_card(ctx, turn, card(lang), summary=t(lang, summary), lang=lang)
    else:
        await deliver_privately(ctx, turn, services, card, summary=summary, sent_key="results.sent_privately")


async def _refuse(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, code: str, **values: object) -> None:
    if turn.value is not None and code in ("not_in_group", "not_in_team"):  # a card pressed: stale or forged; ids only
        await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject=f"results:{code}", now=services.clock.now())
    await say(ctx, lang, f"results.refused.{code}", **values)


async def _not_yet(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, day, kind: Kind,  # noqa: ANN001
                   kinds: tuple[Kind, ...]) -> None:
    starts = next(s for s in run_sheet_for(day, kinds=kinds) if s.id == f"{kind.value}_examples").starts
    await _refuse(ctx, turn, services, lang, "not_yet", date=starts, time=clock_time(lang, starts))


async def show(ctx: TurnContext, turn: TurnInfo, services: Services, payload: ResultsShow) -> None:
    """The sender's group's card for the round, or the plenum view for those in no group of it."""
    lang = await language_of(services, turn)
    found = await dialogue_of_turn(services, turn, payload.dialogue_id)
    if found is None:
        await say(ctx, lang, "results.none")
        return
    dialogue_id, team_id = found
    store, now = services.store, services.clock.now()
    grouping = await store.groupings.get(dialogue_id)
    if grouping is None:
        await _refuse(ctx, turn, services, lang, "no_grouping")
        return
    day = await store.invitations.get_day(dialogue_id)
    kind = Kind(payload.kind) if payload.kind else round_now(day, now, kinds=grouping.kinds)
    selection = await store.selections.get(dialogue_id)
    theme = selection.themes.choice(kind) if selection else None
    group = grouping.group_of(turn.user_id, kind)
    if group is not None:
        if day is None:
            await _refuse(ctx, turn, services, lang, "no_grouping")
            return
        try:
            check_may_enter(turn.user_id, grouping=grouping, kind=kind, group=group, day=day, now=now)
        except ResultsRefused as refused:
            if refused.code == "not_yet":
                await _not_yet(ctx, turn, services, lang, day, kind, grouping.kinds)
            else:
                await _refuse(ctx, turn, services, lang, refused.code)
            return
        members = list(grouping.groups(kind)[group - 1])
        current = await store.group_results.get(dialogue_id, kind, group)
        names = await names_of(services, dialogue_id, members + ([current.entered_by] if current else []))
        workplace = await store.workplaces.get(team_id)
        await _show(ctx, turn, services, lambda own: results_form_card(
            own, services.concept, dialogue_id=dialogue_id, kind=kind, group=group, members=[names[m] for m in members], theme=theme,
            current=current, written_by=names[current.entered_by] if current else None, workplace_name=workplace.name if workplace else "",
            one_round=len(grouping.kinds) == 1,
        ), lang, "results.summary")
        return
    await _plenum(ctx, turn, services, lang, dialogue_id, team_id, grouping, kind)


async def _plenum(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue_id: str, team_id: str, grouping,  # noqa: ANN001
                  kind: Kind, page: int = 0) -> None:
    """The plenum view of ``kind``'s round, for anyone of the workplace; the post button for the planning group."""
    store = services.store
    if not await _in_team(services, dialogue_id, team_id, turn.user_id, grouping):
        await _refuse(ctx, turn, services, lang, "not_in_team")
        return
    view = plenum_view(grouping, await store.group_results.of_dialogue(dialogue_id), kind)
    selection = await store.selections.get(dialogue_id)
    theme = selection.themes.choice(kind) if selection else None
    can_post = planning_group.may_manage(turn.user_id, [m.user_id for m in await store.planning_group.members(team_id)])
    await _show(ctx, turn, services, lambda own: plenum_card(own, services.concept, dialogue_id=dialogue_id, view=view, theme=theme,
                                                             can_post=can_post, page=page, one_round=len(grouping.kinds) == 1),
                lang, "plenum.summary")


async def plenum(ctx: TurnContext, turn: TurnInfo, services: Services, payload: PlenumShow) -> None:
    """Every group's results of the round, by number: the view the plenum sees."""
    lang = await language_of(services, turn)
    found = await dialogue_of_turn(services, turn, payload.dialogue_id)
    grouping = await services.store.groupings.get(found[0]) if found else None
    if found is None or grouping is None:
        await _refuse(ctx, turn, services, lang, "no_grouping")
        return
    await _plenum(ctx, turn, services, lang, found[0], found[1], grouping, Kind(payload.kind), page=payload.page or 0)


async def plenum_post_page(ctx: TurnContext, turn: TurnInfo, services: Services, payload: PlenumPostPage) -> None:
    """Another page of the channel's plenum post, in place, built anew for anyone of the workplace."""
    lang = await language_of(services, turn)
    store = services.store
    found = await dialogue_of_turn(services, turn, payload.dialogue_id)
    grouping = await store.groupings.get(found[0]) if found else None
    if found is None or grouping is None:
        await _refuse(ctx, turn, services, lang, "no_grouping")
        return
    if not await _in_team(services, found[0], found[1], turn.user_id, grouping):
        await _refuse(ctx, turn, services, lang, "not_in_team")
        return
    results, selection = await store.group_results.of_dialogue(found[0]), await store.selections.get(found[0])
    day = await store.invitations.get_day(found[0])
    views = [(plenum_view(grouping, results, kind), selection.themes.choice(kind) if selection else None)
             for kind in grouping.kinds]  # a one-kind day (DTU): its one round
    await replace_card(ctx, turn, plenum_post_card(lang, services.concept, views=views, day=day.date if day else None,
                                                   dialogue_id=found[0], page=payload.page),
                       summary=t(lang, "plenum.post.title"), lang=lang)


async def save(ctx: TurnContext, turn: TurnInfo, services: Services, payload: ResultsSave) -> None:
    """Save the group's flip-chart as a new version (the same entry twice is none); errors on the card."""
    lang = await language_of(services, turn)
    store, now = services.store, services.clock.now()
    found = await dialogue_of_turn(services, turn, payload.dialogue_id)
    grouping = await store.groupings.get(payload.dialogue_id) if found else None
    day = await store.invitations.get_day(payload.dialogue_id) if found else None
    kind = Kind(payload.kind)
    if grouping is None or day is None:
        await _refuse(ctx, turn, services, lang, "no_grouping")
        return
    try:
        check_may_enter(turn.user_id, grouping=grouping, kind=kind, group=payload.group, day=day, now=now)
    except ResultsRefused as refused:
        if refused.code == "not_yet":
            await _not_yet(ctx, turn, services, lang, day, kind, grouping.kinds)
        else:
            await _refuse(ctx, turn, services, lang, refused.code)
        return
    dialogue_id, team_id = found
    selection = await store.selections.get(dialogue_id)
    theme = selection.themes.choice(kind) if selection else None
    members = list(grouping.groups(kind)[payload.group - 1])
    values = payload.form_values()
    try:
        entry = parse_results(values)
    except ResultsInvalid as invalid:
        current = await store.group_results.get(dialogue_id, kind, payload.group)
        names = await names_of(services, dialogue_id, members + ([current.entered_by] if current else []))
        await replace_card(ctx, turn, results_form_card(
            lang, services.concept, dialogue_id=dialogue_id, kind=kind, group=payload.group, members=[names[m] for m in members],
            theme=theme, current=current, written_by=names[current.entered_by] if current else None,
            values={k: v for k, v in values.items() if isinstance(v, str)}, errors=invalid.errors, one_round=len(grouping.kinds) == 1,
        ), summary=t(lang, "results.summary"), lang=lang)
        return
    result, changed = await store.group_results.enter(dialogue_id, kind, payload.group, entry, sender=turn.user_id, now=now)
    if changed:
        await store.audit.record(actor=turn.user_id, action=AUDIT_ENTERED, subject=f"{dialogue_id}|{kind.value}|{payload.group}", now=now)
    names = await names_of(services, dialogue_id, [result.entered_by])
    await replace_card(ctx, turn, results_saved_card(
        lang, services.concept, dialogue_id=dialogue_id, kind=kind, result=result, written_by=names[result.entered_by], theme=theme,
        changed=changed, one_round=len(grouping.kinds) == 1,
    ), summary=t(lang, "results.summary"), lang=lang)


async def post(ctx: TurnContext, turn: TurnInfo, services: Services, payload: ResultsPost) -> None:
    """The planning group posts both rounds' plenum view to the channel, as a queue row."""
    lang = await language_of(services, turn)
    store, now = services.store, services.clock.now()
    dialogue = await planning_dialogue(ctx, turn, services, lang, payload.dialogue_id, step="results", none="results.none", invited=True)
    if dialogue is None:
        return
    dialogue_id, team_id = dialogue.id, dialogue.team_id
    grouping = await store.groupings.get(dialogue_id)
    workplace = await store.workplaces.get(team_id)
    if grouping is None or workplace is None:
        await _refuse(ctx, turn, services, lang, "no_grouping")
        return
    number = await store.group_results.plenum_posts(dialogue_id) + 1
    day = await store.invitations.get_day(dialogue_id)
    due = due_in_the_room(now, day.date if day else None, services.window)  # on the day at once, whatever the hour
    await store.reminders.add([plan_plenum_post(dialogue_id, team_id=team_id, channel_id=workplace.channel_id, number=number, now=due)])
    await store.audit.record(actor=turn.user_id, action=AUDIT_POSTED, subject=dialogue_id, now=now)
    kind = Kind(payload.kind) if payload.kind else round_now(await store.invitations.get_day(dialogue_id), now, kinds=grouping.kinds)
    selection = await store.selections.get(dialogue_id)
    view = plenum_view(grouping, await store.group_results.of_dialogue(dialogue_id), kind)
    # In place: the used card loses its button, so it cannot post twice.
    await replace_card(ctx, turn, plenum_card(
        lang, services.concept, dialogue_id=dialogue_id, view=view, theme=selection.themes.choice(kind) if selection else None,
        can_post=True, posted=True, one_round=len(grouping.kinds) == 1,
    ), summary=t(lang, "plenum.summary"), lang=lang)
    services.spawn(sweep_soon(services), name=f"plenum:{dialogue_id}:{number}")


DECLARES = (
    Verb(ResultsShow, show, who=Role.EMPLOYEE),
    Verb(ResultsSave, save, who=Role.EMPLOYEE),
    Verb(ResultsPost, post, who=Role.PLANNING_GROUP),
    Verb(PlenumShow, plenum, who=Role.EMPLOYEE),
    Verb(PlenumPostPage, plenum_post_page, who=Role.EMPLOYEE),
    Command(da=("resultater",), en=("results",), payload=ResultsShow, who=Role.ANYONE, help="help.cmd.results"),
)
