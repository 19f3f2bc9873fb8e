"""Across the organisation, decided when sent: a plan's version to its committee's channel, the
nudge to a missing workplace's planning group, and a committee's forward to HR's channel.

* ``sent_to_committee`` names the dialogue (``round_id``) and the version (``sequence``); the
  card is built from the stored snapshot, so it shows what was sent, to the committee it was
  sent to, even if the workplace has moved since.
* ``committee_nudge`` asks again at send time: not if the workplace has sent to its committee
  meanwhile, is no longer linked, or the person left the planning group.
* ``hr_forward`` carries the forward's id and HR's committee id in its key; the post shows the
  committee's overview as it is when it goes out, with the comment.
"""
from __future__ import annotations

from ..cards.committee_overview import hr_post_card, nudge_card
from ..cards.elements import message_with_card
from ..cards.organisation import submission_card
from ..process.organisation import (
    COMMITTEE_NUDGE_KIND, HR_FORWARD_KIND, SENT_TO_COMMITTEE_KIND, UNLIMITED_KINDS, forward_of_key, nudge_obsolete_reason, overview,
)
from ..process.reminders import QueuedReminder
from ..texts import t
from .messages import DeliveryResult, OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver


class SentToCommitteeResolver(StepResolver):
    kind = SENT_TO_COMMITTEE_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        org = self.store.organisation
        submission = await org.submission(reminder.round_id, reminder.sequence) if reminder.round_id else None
        if submission is None:
            return Obsolete("no_submission")
        committee = await org.committee(submission.committee_id)
        channel = await self.store.workplaces.get(committee.team_id) if committee else None
        if channel is None:
            return Obsolete("no_committee_channel")
        lang = self.team_lang(channel)
        person = await self.store.people.get(submission.sent_by)
        card = submission_card(lang, self.concept_loader(channel.concept or self.default_concept), submission,
                               sent_by_name=person.name if person and person.name else "")
        return OutgoingMessage(key=reminder.key, tenant_id=channel.tenant_id, service_url=channel.service_url,
                               conversation_id=channel.channel_id,
                               activity=message_with_card(card, summary=t(lang, "org.sent.summary"), lang=lang))


class CommitteeNudgeResolver(StepResolver):
    kind = COMMITTEE_NUDGE_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        org = self.store.organisation
        workplace = await self.store.workplaces.get(reminder.team_id)
        if workplace is None or not reminder.round_id:
            return Obsolete("no_workplace")
        committee = await org.committee_of_workplace(reminder.team_id)
        sent = committee is not None and any(s.committee_id == committee.id for s in await org.history(reminder.round_id))
        members = {m.user_id for m in await self.store.planning_group.members(reminder.team_id)}
        reason = nudge_obsolete_reason(sent=sent, linked=committee is not None, in_group=reminder.recipient_id in members)
        if reason is not None:
            return Obsolete(reason)
        assert committee is not None
        person = await self.store.people.get(reminder.recipient_id)
        lang = self.person_lang(person)
        has_chat = person is not None and bool(person.conversation_id)
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id,
            service_url=(person.service_url if has_chat and person and person.service_url else workplace.service_url),
            conversation_id=person.conversation_id if has_chat and person else "", member_id=reminder.recipient_id, bot_id=self.bot_id,
            activity=message_with_card(nudge_card(lang, committee.name, reminder.round_id), summary=t(lang, "org.nudge.summary"),
                                       lang=lang))

    async def recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        """Keep the 1:1 chat the dispatcher opened, so the next message finds it."""
        workplace = await self.store.workplaces.get(reminder.team_id)
        if result.conversation_id and workplace is not None:
            await self.store.people.remember(user_id=reminder.recipient_id, tenant_id=workplace.tenant_id, now=self.clock.now(),
                                             conversation_id=result.conversation_id, service_url=workplace.service_url)


class HrForwardResolver(StepResolver):
    kind = HR_FORWARD_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        org = self.store.organisation
        parsed = forward_of_key(reminder.key)
        done = await org.get_forward(parsed[0]) if parsed else None
        if parsed is None or done is None:
            return Obsolete("no_forward")
        committee, hr = await org.committee(done.committee_id), await org.committee(parsed[1])
        channel = await self.store.workplaces.get(hr.team_id) if hr else None
        if committee is None or channel is None:
            return Obsolete("no_hr_channel")
        names = {w.team_id: w.name for w in await org.workplaces()}
        view = overview(committee.id, await org.links(), names, await org.submissions(committee.id))
        lang = self.team_lang(channel)
        person = await self.store.people.get(done.forwarded_by)
        card = hr_post_card(lang, self.concept_loader(channel.concept or self.default_concept), committee, view, done,
                            by_name=person.name if person and person.name else "")
        return OutgoingMessage(key=reminder.key, tenant_id=channel.tenant_id, service_url=channel.service_url,
                               conversation_id=channel.channel_id,
                               activity=message_with_card(card, summary=t(lang, "org.hr.summary"), lang=lang))


# Posts to committees' and HR's channels (not held to one a day) and nudges to planning groups (held).
DECLARES = QueueKinds((SentToCommitteeResolver, CommitteeNudgeResolver, HrForwardResolver), unlimited=UNLIMITED_KINDS)
