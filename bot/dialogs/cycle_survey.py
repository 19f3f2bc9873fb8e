"""The end-of-cycle survey in Teams (rules: process/cycle_survey.py; questions: the concept).

The planning group sends it (``spørgeskema`` / ``survey``, or the button on the evaluation's
summary): first a confirmation with how many will get it, then, on "Send spørgeskemaet", one
queue row per invited person. A person answers on the card, which turns into "Tak for dine svar"
with a button to change them. The planning group sees the answers without names
(``spørgeskema resultat``), and only the count below the minimum. A concept without a survey
(Nyborg's) says so. Everything is checked again on every press: the dialogue's own team, the
concept, the invitation, the period.
"""
from __future__ import annotations

from datetime import datetime

from botbuilder.core import TurnContext

from ..cards.cycle_survey import (
    SurveyConfirm, SurveyDelete, SurveyEdit, SurveyResults, SurveySave, SurveyStart, survey_card, survey_confirm_card, survey_sent_card,
    survey_summary_card, survey_thanks_card,
)
from ..cards.group_results import clock_time
from ..process.concept import Concept
from ..process.cycle_survey import (
    SurveyInvalid, SurveyRefused, check_may_answer, check_open, open_period, parse_answers, plan_surveys, summarise,
)
from ..process.dialogue import Role
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
# Typed command words (two each), joined here: tests/test_texts.py reads a quoted "ø" beside a
# space as an inline sentence, and these are words to type, not a sentence to read.
RESULTS_DA = tuple(" ".join(words) for words in (("spørgeskema", "resultat"), ("spørgeskemaets", "resultat")))
Period = tuple[datetime, datetime]  # (opens, closes), aware UTC


async def invited_of(services: Services, dialogue_id: str) -> frozenset[str]:
    """Who may answer: everyone invited to the day."""
    return frozenset(i.user_id for i in await services.store.invitations.invited(dialogue_id))


async def period_of(services: Services, concept: Concept, dialogue_id: str) -> Period | None:
    """The survey's open period, from the day's end or the plan's adoption (the concept's choice)."""
    assert concept.cycle_survey is not None
    day = await services.store.invitations.get_day(dialogue_id)
    adopted_at = None
    if concept.cycle_survey.opens == "after_plan":
        plan = await services.store.plans.get(dialogue_id)
        adopted_at = plan.adopted_at if plan else None
    return open_period(concept.cycle_survey, day=day, plan_adopted_at=adopted_at)


async def _say_refused(ctx: TurnContext, lang: str, code: str, concept: Concept, period: Period | None) -> None:
    if code == "no_survey":
        await say(ctx, lang, "survey.not_in_concept", organisation=concept.organisation(lang))
    elif code == "not_yet":
        survey = concept.cycle_survey
        if survey is not None and survey.opens == "after_plan":
            await say(ctx, lang, "survey.refused.not_yet.after_plan")
        elif period is None:
            await say(ctx, lang, "survey.refused.not_yet.no_day")
        else:
            await say(ctx, lang, "survey.refused.not_yet.after_day", date=period[0], time=clock_time(lang, period[0]))
    elif code == "closed" and period is not None:
        await say(ctx, lang, "survey.refused.closed", date=period[1])
    else:
        await say(ctx, lang, "survey.refused.not_invited")


async def _planning_dialogue(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue_id: str | None) -> tuple[str, str] | None:
    """(dialogue, team) the planning group acts on (``planning_dialogue``); None after saying why not."""
    dialogue = await planning_dialogue(ctx, turn, services, lang, dialogue_id, step="cycle_survey", none="survey.none", outsiders=True)
    return (dialogue.id, dialogue.team_id) if dialogue else None


async def _ready_to_send(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str,
                         dialogue_id: str | None) -> tuple[str, str, Concept, Period, frozenset[str]] | None:
    """Everything sending needs, checked: the planning group, a concept with a survey, the
    period open now, someone invited; None after saying which is missing."""
    found = await _planning_dialogue(ctx, turn, services, lang, dialogue_id)
    if found is None:
        return None
    dialogue_id, team_id = found
    concept = await concept_of(services, team_id)
    if concept.cycle_survey is None:
        await _say_refused(ctx, lang, "no_survey", concept, None)
        return None
    period = await period_of(services, concept, dialogue_id)
    try:
        check_open(period, now=services.clock.now())
    except SurveyRefused as refused:
        await _say_refused(ctx, lang, refused.code, concept, period)
        return None
    assert period is not None
    people = await invited_of(services, dialogue_id)
    if not people:
        await say(ctx, lang, "survey.no_people")
        return None
    return dialogue_id, team_id, concept, period, people


async def start(ctx: TurnContext, turn: TurnInfo, services: Services, payload: SurveyStart) -> None:
    """The confirmation: how many will get it, whose questions, what is a local choice. Nothing is sent yet."""
    lang = await language_of(services, turn)
    ready = await _ready_to_send(ctx, turn, services, lang, payload.dialogue_id)
    if ready is None:
        return
    dialogue_id, _team, concept, period, people = ready
    card = survey_confirm_card(lang, concept, dialogue_id=dialogue_id, invited=len(people), closes=period[1])
    await send_card(ctx, card, summary=t(lang, "survey.summary"), lang=lang)


async def confirm(ctx: TurnContext, turn: TurnInfo, services: Services, payload: SurveyConfirm) -> None:
    """One queue row per invited person (one per key, however often pressed); the confirmation
    turns into "sent" in place."""
    lang = await language_of(services, turn)
    ready = await _ready_to_send(ctx, turn, services, lang, payload.dialogue_id)
    if ready is None:
        return
    dialogue_id, team_id, _concept, period, people = ready
    store, now = services.store, services.clock.now()
    new = await store.reminders.add(plan_surveys(dialogue_id, team_id=team_id, people=people, now=now))
    await store.audit.record(actor=turn.user_id, action="cycle_survey.sent", subject=dialogue_id, now=now)
    card = survey_sent_card(lang, dialogue_id=dialogue_id, invited=len(people), new=new, closes=period[1], min_count=MIN_COUNT)
    await replace_card(ctx, turn, card, summary=t(lang, "survey.summary"), lang=lang)
    services.spawn(sweep_soon(services), name=f"cycle_survey:{dialogue_id}")


async def _may_answer(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue_id: str) -> tuple[Concept, Period] | None:
    """The concept and period, if the sender may answer the dialogue's survey now; else None after saying why."""
    team_id = await services.store.group_results.dialogue_team(dialogue_id)
    if team_id is None:
        await say(ctx, lang, "survey.none")
        return None
    concept = await concept_of(services, team_id)
    period = await period_of(services, concept, dialogue_id) if concept.cycle_survey is not None else None
    try:
        check_may_answer(turn.user_id, survey=concept.cycle_survey, invited=await invited_of(services, dialogue_id), period=period,
                         now=services.clock.now())
    except SurveyRefused as refused:
        if refused.code in ("not_invited", "no_survey"):
            await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject=f"cycle_survey:{refused.code}",
                                              now=services.clock.now())
        await _say_refused(ctx, lang, refused.code, concept, period)
        return None
    assert period is not None
    return concept, period


async def _form(services: Services, lang: str, concept: Concept, dialogue_id: str, period: Period, **extra: object) -> dict:
    team = await services.store.group_results.dialogue_team(dialogue_id)
    workplace = await services.store.workplaces.get(team) if team else None
    return survey_card(lang, concept, dialogue_id=dialogue_id, workplace_name=workplace.name if workplace else "",
                       closes=period[1], min_count=MIN_COUNT, **extra)  # type: ignore[arg-type]


async def save(ctx: TurnContext, turn: TurnInfo, services: Services, payload: SurveySave) -> None:
    """Store the answers (replacing earlier ones) and turn the card into the thank-you."""
    lang = await language_of(services, turn)
    allowed = await _may_answer(ctx, turn, services, lang, payload.dialogue_id)
    if allowed is None:
        return
    concept, period = allowed
    assert concept.cycle_survey is not None
    values = payload.form_values()
    try:
        answers = parse_answers(concept.cycle_survey, values)
    except SurveyInvalid as invalid:
        card = await _form(services, lang, concept, payload.dialogue_id, period,
                           values={k: v for k, v in values.items() if isinstance(v, str)}, errors=invalid.errors)
        await replace_card(ctx, turn, card, summary=t(lang, "survey.summary"), lang=lang)
        return
    changed = await services.store.surveys.answer(payload.dialogue_id, turn.user_id, answers, now=services.clock.now())
    card = survey_thanks_card(lang, concept, dialogue_id=payload.dialogue_id, answers=answers, changed=changed)
    await replace_card(ctx, turn, card, summary=t(lang, "survey.thanks"), lang=lang)


async def edit(ctx: TurnContext, turn: TurnInfo, services: Services, payload: SurveyEdit) -> None:
    """The form again, filled in with the answers given."""
    lang = await language_of(services, turn)
    allowed = await _may_answer(ctx, turn, services, lang, payload.dialogue_id)
    if allowed is None:
        return
    concept, period = allowed
    previous = await services.store.surveys.get(payload.dialogue_id, turn.user_id)
    await replace_card(ctx, turn, await _form(services, lang, concept, payload.dialogue_id, period, previous=previous),
                       summary=t(lang, "survey.summary"), lang=lang)


async def results(ctx: TurnContext, turn: TurnInfo, services: Services, payload: SurveyResults) -> None:
    """The answers without names, privately to the planning group; only the count below the minimum."""
    lang = await language_of(services, turn)
    found = await _planning_dialogue(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    dialogue_id, team_id = found
    concept = await concept_of(services, team_id)
    survey = concept.cycle_survey
    if survey is None:
        await _say_refused(ctx, lang, "no_survey", concept, None)
        return
    summary = summarise(survey, await services.store.surveys.answers(dialogue_id), min_count=MIN_COUNT)
    invited = len(await invited_of(services, dialogue_id))
    await services.store.audit.record(actor=turn.user_id, action="cycle_survey.viewed", subject=dialogue_id, now=services.clock.now())
    await deliver_privately(ctx, turn, services, lambda own: survey_summary_card(
        own, concept, dialogue_id=dialogue_id, summary=summary, invited=max(invited, summary.respondents)),
        summary="survey.summary", sent_key="results.sent_privately")


async def delete(ctx: TurnContext, turn: TurnInfo, services: Services, payload: SurveyDelete) -> None:
    """Delete the sender's own answers ("mine data"); a second press finds nothing."""
    lang = await language_of(services, turn)
    if await services.store.surveys.delete(payload.dialogue_id, turn.user_id):
        await services.store.audit.record(actor=turn.user_id, action="cycle_survey.deleted", subject=payload.dialogue_id,
                                          now=services.clock.now())
        await say(ctx, lang, "survey.deleted")
    else:
        await say(ctx, lang, "survey.nothing_to_delete")


DECLARES = (
    Verb(SurveyStart, start, who=Role.PLANNING_GROUP),
    Verb(SurveyConfirm, confirm, who=Role.PLANNING_GROUP),
    Verb(SurveySave, save, who=Role.EMPLOYEE),
    Verb(SurveyEdit, edit, who=Role.EMPLOYEE),
    Verb(SurveyResults, results, who=Role.PLANNING_GROUP),
    Verb(SurveyDelete, delete, who=Role.ANYONE),
    Command(da=("spørgeskema",), en=("survey",), payload=SurveyStart, who=Role.PLANNING_GROUP, help="help.cmd.survey", step="cycle_survey"),
    Command(da=RESULTS_DA, en=("survey results",), payload=SurveyResults, who=Role.PLANNING_GROUP, help="help.cmd.survey_results", step="cycle_survey"),
)
