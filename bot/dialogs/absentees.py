"""Step 7 on the day: the planning group marks who did not come, and the groups are formed
again (rules: bot/process/grouping.py ``regroup``; the groups' card: grouping.py).

A large day's absentee card goes on pages turned in place. People are named by short keys
(``absentee_keys``), and every button carries what is marked on all pages, so a tick on another
page is never lost and only "Dan grupperne om" regroups. Every turn and save checks the sender's
rights on the dialogue's own team and the grouping version the card showed; a key or id that
was not on the card is refused as forged.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.grouping import GroupsAbsentPage, GroupsAbsentSave, GroupsAbsentShow, absentees_card, name_of, one_kind
from ..process.dialogue import Role
from ..process.grouping import SavedGrouping, absent_after_page, absentee_keys, regroup, seated
from ..process.invitees import sort_key, split_keys
from ..process.run_sheet import run_sheet_for
from ..services import Services
from ..texts import t
from .grouping import _current_card, _names, _save_and_show, _saved_as_shown, dialogue_to_act_on, show_card
from .language import language_of
from .registry import Verb
from .replies import replace_card, say
from .turn import TurnInfo


async def _people(services: Services, dialogue_id: str, saved: SavedGrouping) -> list[tuple[str, str]]:
    """Everyone seated or marked absent, ``(user_id, name)``, in the order a Dane reads a list."""
    names, _ = await _names(services, dialogue_id)
    return sorted(((p, name_of(names, p)) for p in seated(saved.grouping) | saved.absent), key=lambda c: (sort_key(c[1]), c[0]))


def _marked(saved: SavedGrouping, payload: GroupsAbsentSave | GroupsAbsentPage) -> frozenset[str] | None:
    """Who the card marks absent on all its pages, or None when it names someone it never showed.

    A page's ticks come as keys; a card from before the pages sent everyone's Teams ids and no
    ``shown`` (it showed everyone)."""
    everyone = seated(saved.grouping) | saved.absent
    by_key = {key: user for user, key in absentee_keys(everyone).items()}

    def people(value: str | None) -> set[str] | None:
        values = [v.strip() for v in (value or "").split(",") if v.strip()]
        found = {by_key.get(v) or (v if v in everyone else None) for v in values}
        return None if None in found else found  # type: ignore[return-value]

    ticked = people(payload.absent)
    if payload.shown is None:
        return frozenset(ticked) if ticked is not None else None
    shown, marked = people(",".join(split_keys(payload.shown))), people(",".join(split_keys(payload.marked)))
    if ticked is None or shown is None or marked is None or not ticked <= shown:
        return None
    return absent_after_page(marked, shown=shown, ticked=ticked)


async def _forged(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str) -> None:
    await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject="grouping:unknown_person",
                                      now=services.clock.now())
    await say(ctx, lang, "common.payload_rejected")


async def show_absentees(ctx: TurnContext, turn: TurnInfo, services: Services, payload: GroupsAbsentShow) -> None:
    lang = await language_of(services, turn)
    found = await dialogue_to_act_on(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    dialogue_id, _team = found
    saved = await services.store.groupings.record(dialogue_id)
    if saved is None:
        await say(ctx, lang, "groups.error.not_formed")
        return
    people = await _people(services, dialogue_id, saved)
    first_held = saved.first_held
    if first_held is None:  # a default from the clock: the first round has begun once its examples have
        day = await services.store.invitations.get_day(dialogue_id)
        starts = next((s.starts for s in run_sheet_for(day) if s.id == "wellbeing_examples"), None) if day else None
        first_held = starts is not None and services.clock.now() >= starts
    await show_card(ctx, turn, services, lambda lang: absentees_card(
        lang, dialogue_id=dialogue_id, version=saved.version, people=people, absent=saved.absent, first_held=first_held,
        one_round=bool(one_kind(saved.grouping)),
    ), "groups.absent.title")


async def turn_page(ctx: TurnContext, turn: TurnInfo, services: Services, payload: GroupsAbsentPage) -> None:
    """Another page of the absentee card, in place, with this page's ticks kept among the rest."""
    lang = await language_of(services, turn)
    found = await dialogue_to_act_on(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    saved = await _saved_as_shown(ctx, turn, services, lang, found[0], payload.version)
    if saved is None:
        return
    marked = _marked(saved, payload)
    if marked is None:
        await _forged(ctx, turn, services, lang)
        return
    first_held = payload.first_held == "true" if payload.first_held is not None else bool(saved.first_held)
    people = await _people(services, found[0], saved)
    card = absentees_card(lang, dialogue_id=found[0], version=saved.version, people=people, absent=marked, first_held=first_held,
                          page=payload.page, one_round=bool(one_kind(saved.grouping)))
    await replace_card(ctx, turn, card, summary=t(lang, "groups.absent.title"), lang=lang)


async def save_absentees(ctx: TurnContext, turn: TurnInfo, services: Services, payload: GroupsAbsentSave) -> None:
    lang = await language_of(services, turn)
    found = await dialogue_to_act_on(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    dialogue_id, _team = found
    saved = await _saved_as_shown(ctx, turn, services, lang, dialogue_id, payload.version)
    if saved is None:
        return
    chosen = _marked(saved, payload)
    if chosen is None:  # never on the card: forged
        await _forged(ctx, turn, services, lang)
        return
    first_held = payload.first_held == "true" if payload.first_held is not None else bool(saved.first_held)
    if chosen == saved.absent and first_held == bool(saved.first_held):
        build = await _current_card(services, dialogue_id, saved)
        await replace_card(ctx, turn, build(lang), summary=t(lang, "groups.summary" + one_kind(saved.grouping)), lang=lang)
        return
    # Someone unticked comes back as a late arrival; the newly ticked leave their groups.
    grouping = regroup(saved.grouping, absent=chosen, arrived=sorted(saved.absent - chosen), first_round_held=first_held,
                       kinds=await services.store.dialogues.kinds(dialogue_id))
    await _save_and_show(ctx, turn, services, lang, dialogue_id, saved, grouping, absent=chosen, first_held=first_held)


DECLARES = (
    Verb(GroupsAbsentShow, show_absentees, who=Role.PLANNING_GROUP),
    Verb(GroupsAbsentPage, turn_page, who=Role.PLANNING_GROUP),
    Verb(GroupsAbsentSave, save_absentees, who=Role.PLANNING_GROUP),
)
