"""One person's end-of-cycle survey card, decided when it is sent.

A ``cycle_survey`` row names the dialogue (its ``round_id``) and the person; at send time the
workplace's concept must still have a survey, the person must still be invited to the day, not
have answered already, and the survey must be open (``survey_obsolete_reason``). Where the bot
has no 1:1 chat with the person yet, the dispatcher opens one.
"""
from __future__ import annotations

from ..cards.cycle_survey import survey_card
from ..process.cycle_survey import CYCLE_SURVEY_KIND, open_period, survey_obsolete_reason
from ..process.overview import DEFAULT_MIN_GROUP_SIZE
from ..process.reminders import QueuedReminder
from .messages import DeliveryResult, OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver


class CycleSurveyResolver(StepResolver):
    """The organisation's question guide to one invited person, in their language."""

    kind = CYCLE_SURVEY_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        dialogue_id, user_id = reminder.round_id, reminder.recipient_id
        if not dialogue_id:
            return Obsolete("dialogue_missing")
        workplace = await self.workplace_of(dialogue_id)
        if workplace is None:
            return Obsolete("no_workplace")
        concept = self.workplace_concept(workplace)
        survey = concept.cycle_survey
        period = None
        if survey is not None:
            adopted_at = None
            if survey.opens == "after_plan":
                plan = await self.store.plans.get(dialogue_id)
                adopted_at = plan.adopted_at if plan else None
            period = open_period(survey, day=await self.store.invitations.get_day(dialogue_id), plan_adopted_at=adopted_at)
        invited = {i.user_id for i in await self.store.invitations.invited(dialogue_id)}
        answered = await self.store.surveys.get(dialogue_id, user_id) is not None
        reason = survey_obsolete_reason(survey=survey, invited=user_id in invited, answered=answered, period=period, now=self.clock.now())
        if reason is not None:
            return Obsolete(reason)
        assert period is not None
        return await self.card_to_member(reminder, workplace, lambda lang: survey_card(
            lang, concept, dialogue_id=dialogue_id, workplace_name=workplace.name, closes=period[1], min_count=DEFAULT_MIN_GROUP_SIZE),
            "survey.summary")

    async def recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        await self.remember_chat(reminder, result)


DECLARES = QueueKinds((CycleSurveyResolver,), unlimited=frozenset({CYCLE_SURVEY_KIND}))  # one per key, so not held to one a day
