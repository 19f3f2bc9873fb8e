"""Step 7 in Teams: the planning group forms the groups of the day's two rounds, posts them to the
channel, and marks absentees on the day (rules: bot/process/grouping.py).

``grupper`` / ``groups`` (or the status card's button) forms the groups the first time, from
everyone invited except those who answered that they cannot come, with the dialogue id as the
seed, and shows them privately afterwards: new answers never move anyone by themselves; the card
says who changed, and "Dan grupperne igen" forms them again. Absentees are marked on a card of
their own (absentees.py) and regrouped with as few moves as possible before the first round, or
only the second round once the first was held. Every button names the grouping version it showed, so a stale card
cannot undo a newer change; the sender's rights are checked on the dialogue's own team.
"""
from __future__ import annotations

from collections.abc import Callable

from botbuilder.core import TurnContext

from ..cards.grouping import (
    GroupingView, GroupsForm, GroupsPage, GroupsPost, GroupsPostPage, GroupsShow, groups_post_card, groups_post_page_count, grouping_card,
    one_kind,
)
from ..process import planning_group
from ..process.dialogue import Role
from ..process.calendar import due_in_the_room
from ..process.grouping import (
    GROUPS_POSTED_KIND, SavedGrouping, form_groups, groups_posted_key, page_recipient, participants, people_change, reform_seed, regroup,
)
from ..process.reminders import ReminderPlan
from ..scheduler.runner import sweep_soon
from ..services import Services
from ..texts import choose_language, t
from .context import planning_group_of_turn, refuse_non_member
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say, send_card
from .turn import TurnInfo


async def dialogue_to_act_on(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str,
                             dialogue_id: str | None) -> tuple[str, str] | None:
    """(dialogue id, team id) the sender may act on as the planning group, or None after saying why.

    A card's dialogue id is checked against the planning group of that dialogue's own team. Typed
    in a channel: that team's current dialogue; in a personal chat: the current dialogue of the
    teams whose planning group the sender is in, preferring one whose day is set."""
    now = services.clock.now()
    if dialogue_id:
        team_id = await services.store.groupings.team_of(dialogue_id)
        members = await services.store.planning_group.members(team_id) if team_id else []
        if team_id is None or not planning_group.may_manage(turn.user_id, [m.user_id for m in members]):
            await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject="grouping:not_planning_group", now=now)
            await refuse_non_member(ctx, lang, members)
            return None
        return dialogue_id, team_id
    teams = await planning_group_of_turn(ctx, turn, services, lang)
    if teams is None:
        return None
    found = [d for d in [await services.store.dialogues.current_dialogue(team, now) for team in teams] if d is not None]
    with_day = [d for d in found if await services.store.invitations.get_day(d.id) is not None]
    chosen = (with_day or found or [None])[0]
    if chosen is None:
        await say(ctx, lang, "groups.error.no_dialogue")
        return None
    return chosen.id, chosen.team_id


async def show_card(ctx: TurnContext, turn: TurnInfo, services: Services, build: Callable[[str], dict], summary: str) -> None:
    """A new card: in a personal chat here, asked in a channel privately (names and answers are
    the planning group's working material, not the channel's)."""
    if turn.is_personal:
        lang = await language_of(services, turn)
        await send_card(ctx, build(lang), summary=t(lang, summary), lang=lang)
    else:
        await deliver_privately(ctx, turn, services, build, summary=summary)


async def _names(services: Services, dialogue_id: str) -> tuple[dict[str, str], list[str]]:
    """Everyone invited by name, and who takes part apart from absentees (the order invited)."""
    invited = await services.store.invitations.invited(dialogue_id)
    return {i.user_id: i.name for i in invited}, participants((i.user_id, i.answer) for i in invited)


def _view(dialogue_id: str, saved: SavedGrouping, names: dict[str, str], people: list[str], day, note: str | None = None) -> GroupingView:
    change = people_change(saved.grouping, [p for p in people if p not in saved.absent], absent=saved.absent)
    return GroupingView(dialogue_id, saved, names, change, day, note)


async def _current_card(services: Services, dialogue_id: str, saved: SavedGrouping, note_key: str | None = None,
                        page: int = 0, **values: object) -> Callable[[str], dict]:
    names, people = await _names(services, dialogue_id)
    day = await services.store.invitations.get_day(dialogue_id)
    return lambda lang: grouping_card(lang, _view(dialogue_id, saved, names, people, day, t(lang, note_key, **values) if note_key else None),
                                      page=page)


async def show_page(ctx: TurnContext, turn: TurnInfo, services: Services, payload: GroupsPage) -> None:
    """Another page of the grouping card, in place, of the grouping as it is now."""
    lang = await language_of(services, turn)
    found = await dialogue_to_act_on(ctx, turn, services, lang, payload.dialogue_id)
    saved = await services.store.groupings.record(found[0]) if found else None
    if found is None or saved is None:
        if found is not None:
            await say(ctx, lang, "groups.error.not_formed")
        return
    build = await _current_card(services, found[0], saved, page=payload.page)
    await replace_card(ctx, turn, build(lang), summary=t(lang, "groups.summary" + one_kind(saved.grouping)), lang=lang)


async def show_post_page(ctx: TurnContext, turn: TurnInfo, services: Services, payload: GroupsPostPage) -> None:
    """Another page of the channel's post of the groups, in place, for anyone invited to the day or
    in its planning group; it shows the grouping as it is now."""
    lang = await language_of(services, turn)
    store = services.store
    team_id = await store.groupings.team_of(payload.dialogue_id)
    saved = await store.groupings.record(payload.dialogue_id) if team_id else None
    members = [m.user_id for m in await store.planning_group.members(team_id)] if team_id else []
    allowed = saved is not None and (turn.user_id in members or await store.invitations.invitation(payload.dialogue_id, turn.user_id))
    if not allowed:
        await store.audit.record(actor=turn.user_id, action="payload.rejected", subject="grouping:post_page", now=services.clock.now())
        await say(ctx, lang, "groups.error.not_formed")
        return
    names, _ = await _names(services, payload.dialogue_id)
    day = await store.invitations.get_day(payload.dialogue_id)
    card = groups_post_card(lang, dialogue_id=payload.dialogue_id, grouping=saved.grouping, names=names, day=day,
                            replaced=saved.version > 1, page=payload.page)
    await replace_card(ctx, turn, card, summary=t(lang, "groups.title"), lang=lang)


async def show_groups(ctx: TurnContext, turn: TurnInfo, services: Services, payload: GroupsShow) -> None:
    lang = await language_of(services, turn)
    found = await dialogue_to_act_on(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    dialogue_id, _team = found
    saved = await services.store.groupings.record(dialogue_id)
    if saved is None:  # the first time: formed now, seeded by the dialogue id
        _, people = await _names(services, dialogue_id)
        if not people:
            await say(ctx, lang, "groups.error.nobody")
            return
        now = services.clock.now()
        grouping = form_groups(people, seed=reform_seed(dialogue_id, 1), kinds=await services.store.dialogues.kinds(dialogue_id))
        if await services.store.groupings.save(dialogue_id, grouping, absent=(), by=turn.user_id, now=now, expected_version=0):
            await services.store.audit.record(actor=turn.user_id, action="groups.formed", subject=dialogue_id, now=now)
        saved = await services.store.groupings.record(dialogue_id)  # ours, or a simultaneous click's
        assert saved is not None
    await show_card(ctx, turn, services, await _current_card(services, dialogue_id, saved), "groups.summary" + one_kind(saved.grouping))


async def _saved_as_shown(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue_id: str,
                          version: int) -> SavedGrouping | None:
    """The grouping if the card showed its current version; else the card turns into the current
    one (a stale card cannot act) and None."""
    saved = await services.store.groupings.record(dialogue_id)
    if saved is None:
        await say(ctx, lang, "groups.error.not_formed")
        return None
    if saved.version != version:
        build = await _current_card(services, dialogue_id, saved, "groups.error.stale")
        await replace_card(ctx, turn, build(lang), summary=t(lang, "groups.summary" + one_kind(saved.grouping)), lang=lang)
        return None
    return saved


async def form_again(ctx: TurnContext, turn: TurnInfo, services: Services, payload: GroupsForm) -> None:
    lang = await language_of(services, turn)
    found = await dialogue_to_act_on(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    dialogue_id, _team = found
    saved = await _saved_as_shown(ctx, turn, services, lang, dialogue_id, payload.version)
    if saved is None:
        return
    _, people = await _names(services, dialogue_id)
    present = [p for p in people if p not in saved.absent]
    kinds = await services.store.dialogues.kinds(dialogue_id)  # a one-kind day (DTU) has one round
    if saved.first_held:  # the first round happened as it happened: only the second is formed again
        change = people_change(saved.grouping, present, absent=saved.absent)
        grouping = regroup(saved.grouping, absent=set(saved.absent) | set(change.left), arrived=change.joined, first_round_held=True,
                           kinds=kinds)
    else:
        grouping = form_groups(present, seed=reform_seed(dialogue_id, saved.version + 1), kinds=kinds)
    await _save_and_show(ctx, turn, services, lang, dialogue_id, saved, grouping, absent=saved.absent, first_held=saved.first_held)


async def _save_and_show(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue_id: str, saved: SavedGrouping,
                         grouping, *, absent, first_held: bool | None, note_key: str = "groups.regrouped") -> None:
    now = services.clock.now()
    version = await services.store.groupings.save(dialogue_id, grouping, absent=absent, by=turn.user_id, now=now,
                                                  first_held=first_held, expected_version=saved.version)
    current = await services.store.groupings.record(dialogue_id)
    assert current is not None
    if version is None:  # someone else changed them in between
        note_key = "groups.error.stale"
    else:
        await services.store.audit.record(actor=turn.user_id, action="groups.formed", subject=dialogue_id, now=now)
    build = await _current_card(services, dialogue_id, current, note_key)
    await replace_card(ctx, turn, build(lang), summary=t(lang, "groups.summary" + one_kind(current.grouping)), lang=lang)


async def post_groups(ctx: TurnContext, turn: TurnInfo, services: Services, payload: GroupsPost) -> None:
    lang = await language_of(services, turn)
    found = await dialogue_to_act_on(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    dialogue_id, team_id = found
    saved = await _saved_as_shown(ctx, turn, services, lang, dialogue_id, payload.version)
    if saved is None:
        return
    now = services.clock.now()
    workplace = await services.store.workplaces.get(team_id)
    channel = workplace.channel_id if workplace else team_id
    day = await services.store.invitations.get_day(dialogue_id)
    # On the day itself at once, whatever the hour (sweeper.py, anytime_kinds); before it, in working hours.
    due = due_in_the_room(now, day.date if day else None, services.window)
    # Every page a message of its own, counted in the channel's language (the resolver adds a page a longer name needs).
    team_lang = choose_language(shared=True, team=workplace.lang if workplace else None, default=services.settings.default_language)
    names, _ = await _names(services, dialogue_id)
    pages = groups_post_page_count(team_lang, dialogue_id=dialogue_id, grouping=saved.grouping, names=names, day=day,
                                   replaced=saved.version > 1)
    added = await services.store.reminders.add([ReminderPlan(
        groups_posted_key(dialogue_id, saved.version, page), GROUPS_POSTED_KIND, team_id, dialogue_id, page_recipient(channel, page),
        saved.version, due,
    ) for page in range(pages)])
    if not added:
        note, values = "groups.posting.again", {}
    elif due <= now:
        note, values = "groups.posting.now", {}
    else:
        note, values = "groups.posting.later", {"date": due}
    if added:
        await services.store.audit.record(actor=turn.user_id, action="groups.posted", subject=dialogue_id, now=now)
    build = await _current_card(services, dialogue_id, saved, note, **values)
    await replace_card(ctx, turn, build(lang), summary=t(lang, "groups.summary" + one_kind(saved.grouping)), lang=lang)
    if added:
        services.spawn(sweep_soon(services), name=f"groups-posted:{dialogue_id}")


DECLARES = (
    Verb(GroupsShow, show_groups, who=Role.PLANNING_GROUP),
    Verb(GroupsPage, show_page, who=Role.PLANNING_GROUP),
    Verb(GroupsPostPage, show_post_page, who=Role.EMPLOYEE),
    Verb(GroupsForm, form_again, who=Role.PLANNING_GROUP),
    Verb(GroupsPost, post_groups, who=Role.PLANNING_GROUP),
    Command(da=("grupper",), en=("groups",), payload=GroupsShow, who=Role.PLANNING_GROUP, help="help.cmd.groups"),
)
