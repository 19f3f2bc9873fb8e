"""Step 8 in Teams: the short evaluation at the close of the day (rules: process/evaluation.py).

The planning group sends it (``evaluering`` / ``evaluation``, or the run-sheet's button) once the
close has begun: each attendee's card is a queue row. An attendee answers on the card, which
turns into "Tak for din evaluering" with a button to change the answer. The planning group sees
the answers without names (``evaluering resultat``), and only the count below the minimum.
Everything is checked again on every press: the dialogue's own team, attendance, the period.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.evaluation import (
    EvaluationDelete, EvaluationEdit, EvaluationResults, EvaluationSave, EvaluationStart, evaluation_card, evaluation_started_card,
    evaluation_summary_card, evaluation_thanks_card,
)
from ..cards.group_results import clock_time
from ..process.dialogue import Role
from ..process.calendar import due_in_the_room
from ..process.evaluation import (
    EvaluationInvalid, EvaluationRefused, attendees, check_may_evaluate, open_period, parse_evaluation, plan_evaluations, summarise,
)
from ..process.invitation import DialogueDay
from ..process.overview import DEFAULT_MIN_GROUP_SIZE
from ..scheduler.runner import sweep_soon
from ..services import Services
from ..texts import t
from .context import planning_dialogue
from .invitation import concept_of
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say, send_card
from .turn import TurnInfo

MIN_COUNT = DEFAULT_MIN_GROUP_SIZE


async def attendees_of(services: Services, dialogue_id: str) -> frozenset[str]:
    """Who took part: the day's grouping, else those who said they were coming."""
    grouping = await services.store.groupings.get(dialogue_id)
    return attendees(grouping, await services.store.invitations.answers(dialogue_id))


async def _planning_dialogue(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue_id: str | None) -> tuple[str, str] | None:
    """(dialogue, team) the planning group acts on (``planning_dialogue``); None after saying why not."""
    dialogue = await planning_dialogue(ctx, turn, services, lang, dialogue_id, step="evaluation", none="evaluation.none", outsiders=True)
    return (dialogue.id, dialogue.team_id) if dialogue else None


async def _say_refused(ctx: TurnContext, lang: str, code: str, day: DialogueDay) -> None:
    opens, closes = open_period(day)
    await say(ctx, lang, f"evaluation.refused.{code}", date=opens if code == "not_yet" else closes, time=clock_time(lang, opens))


async def start(ctx: TurnContext, turn: TurnInfo, services: Services, payload: EvaluationStart) -> None:
    """Send the evaluation card to each attendee, once each, from the start of the close."""
    lang = await language_of(services, turn)
    found = await _planning_dialogue(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    dialogue_id, team_id = found
    store, now = services.store, services.clock.now()
    day = await store.invitations.get_day(dialogue_id)
    if day is None:
        await say(ctx, lang, "evaluation.no_day")
        return
    opens, closes = open_period(day)
    if now < opens or now >= closes:
        await _say_refused(ctx, lang, "not_yet" if now < opens else "closed", day)
        return
    people = await attendees_of(services, dialogue_id)
    if not people:
        await say(ctx, lang, "evaluation.no_attendees")
        return
    # At the close of the day at once, whatever the hour; a late start, in working hours.
    due = due_in_the_room(now, day.date, services.window)
    new = await store.reminders.add(plan_evaluations(dialogue_id, team_id=team_id, attendees=people, now=due))
    await store.audit.record(actor=turn.user_id, action="evaluation.started", subject=dialogue_id, now=now)
    card = evaluation_started_card(lang, dialogue_id=dialogue_id, attendees=len(people), new=new, min_count=MIN_COUNT)
    await send_card(ctx, card, summary=t(lang, "evaluation.summary"), lang=lang)
    services.spawn(sweep_soon(services), name=f"evaluation:{dialogue_id}")


async def _may_answer(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue_id: str) -> DialogueDay | None:
    """The day, if the sender may answer the dialogue's evaluation now; else None after saying why."""
    day = await services.store.invitations.get_day(dialogue_id)
    if day is None:
        await say(ctx, lang, "evaluation.no_day")
        return None
    try:
        check_may_evaluate(turn.user_id, attendees=await attendees_of(services, dialogue_id), day=day, now=services.clock.now())
    except EvaluationRefused as refused:
        if refused.code == "not_attendee":
            await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject="evaluation:not_attendee",
                                              now=services.clock.now())
        await _say_refused(ctx, lang, refused.code, day)
        return None
    return day


async def _form(services: Services, lang: str, dialogue_id: str, day: DialogueDay, **extra: object) -> dict:
    team = await services.store.group_results.dialogue_team(dialogue_id)
    workplace = await services.store.workplaces.get(team) if team else None
    return evaluation_card(lang, services.concept, dialogue_id=dialogue_id, workplace_name=workplace.name if workplace else "",
                           closes=open_period(day)[1], min_count=MIN_COUNT, **extra)  # type: ignore[arg-type]


async def save(ctx: TurnContext, turn: TurnInfo, services: Services, payload: EvaluationSave) -> None:
    """Store the answer (replacing an earlier one) and turn the card into the thank-you."""
    lang = await language_of(services, turn)
    day = await _may_answer(ctx, turn, services, lang, payload.dialogue_id)
    if day is None:
        return
    values = payload.form_values()
    try:
        answer = parse_evaluation(values)
    except EvaluationInvalid as invalid:
        card = await _form(services, lang, payload.dialogue_id, day, values={k: v for k, v in values.items() if isinstance(v, str)},
                           errors=invalid.errors)
        await replace_card(ctx, turn, card, summary=t(lang, "evaluation.summary"), lang=lang)
        return
    changed = await services.store.evaluations.answer(payload.dialogue_id, turn.user_id, answer, now=services.clock.now())
    card = evaluation_thanks_card(lang, dialogue_id=payload.dialogue_id, answer=answer, changed=changed)
    await replace_card(ctx, turn, card, summary=t(lang, "evaluation.thanks"), lang=lang)


async def edit(ctx: TurnContext, turn: TurnInfo, services: Services, payload: EvaluationEdit) -> None:
    """The form again, filled in with the answer given."""
    lang = await language_of(services, turn)
    day = await _may_answer(ctx, turn, services, lang, payload.dialogue_id)
    if day is None:
        return
    previous = await services.store.evaluations.get(payload.dialogue_id, turn.user_id)
    await replace_card(ctx, turn, await _form(services, lang, payload.dialogue_id, day, previous=previous),
                       summary=t(lang, "evaluation.summary"), lang=lang)


async def results(ctx: TurnContext, turn: TurnInfo, services: Services, payload: EvaluationResults) -> None:
    """The answers without names, privately to the planning group; only the count below the minimum."""
    lang = await language_of(services, turn)
    found = await _planning_dialogue(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    dialogue_id, team_id = found
    summary = summarise(await services.store.evaluations.answers(dialogue_id), min_count=MIN_COUNT)
    invited = len(await attendees_of(services, dialogue_id))
    survey = (await concept_of(services, team_id)).cycle_survey is not None  # DTU's end-of-cycle survey comes next
    await services.store.audit.record(actor=turn.user_id, action="evaluation.viewed", subject=dialogue_id, now=services.clock.now())
    await deliver_privately(ctx, turn, services, lambda own: evaluation_summary_card(
        own, dialogue_id=dialogue_id, summary=summary, attendees=max(invited, summary.respondents), survey=survey),
        summary="evaluation.summary", sent_key="results.sent_privately")


async def delete(ctx: TurnContext, turn: TurnInfo, services: Services, payload: EvaluationDelete) -> None:
    """Delete the sender's own answer ("mine data"); a second press finds nothing."""
    lang = await language_of(services, turn)
    if await services.store.evaluations.delete(payload.dialogue_id, turn.user_id):
        await services.store.audit.record(actor=turn.user_id, action="evaluation.deleted", subject=payload.dialogue_id,
                                          now=services.clock.now())
        await say(ctx, lang, "evaluation.deleted")
    else:
        await say(ctx, lang, "evaluation.nothing_to_delete")


DECLARES = (
    Verb(EvaluationStart, start, who=Role.PLANNING_GROUP),
    Verb(EvaluationSave, save, who=Role.EMPLOYEE),
    Verb(EvaluationEdit, edit, who=Role.EMPLOYEE),
    Verb(EvaluationResults, results, who=Role.PLANNING_GROUP),
    Verb(EvaluationDelete, delete, who=Role.ANYONE),
    Command(da=("evaluering",), en=("evaluation",), payload=EvaluationStart, who=Role.PLANNING_GROUP, help="help.cmd.evaluation"),
    Command(da=("evaluering resultat", "evalueringens resultat"), en=("evaluation results",), payload=EvaluationResults,
            who=Role.PLANNING_GROUP, help="help.cmd.evaluation_results"),
)
