"""What the nomination step's queue rows say, decided when they are sent, not when they were planned.

A row only names the round, the person and (in its key) the deadline it was planned for;
everything else (has the person answered? is the round still open? is the person still
invited? where is their chat? which language?) is read fresh at send time, so a message
planned two weeks ago never tells someone to do what they already did.

Kinds here: the deadline reminder, the invitation (the nomination card itself), the channel's
"round started" card, and the announcement of a new deadline. The deadline's own rows are in
``deadline.py``.
"""
from __future__ import annotations

from ..cards.deadline import announcement_card
from ..cards.elements import message_with_card
from ..cards.nomination import nomination_card, nomination_receipt_card
from ..cards.plan import round_started_card
from ..cards.status import reminder_card
from ..texts import t
from ..process.deadline import EXTENDED_KIND, announcement_obsolete_reason
from ..process.nomination import NOMINATION_KIND, nomination_obsolete_reason
from ..process.paper_form import may_enter_paper_forms
from ..process.invitees import INVITATION_KIND, ROUND_STARTED_KIND, invitation_obsolete_reason
from ..process.reminders import QueuedReminder
from .messages import DeliveryResult, OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver, delivery_of


class NominationReminderResolver(StepResolver):
    """Turns a due ``nomination_deadline`` reminder into a card message, or says why not."""

    kind = NOMINATION_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        """The reminder card for the person, in their language; Obsolete when it must not go out."""
        if reminder.kind != NOMINATION_KIND:
            return Obsolete("unknown_kind")
        round_ = await self.round_of(reminder)
        now = self.clock.now()
        reason = nomination_obsolete_reason(round_, now=now, has_nominated=False, key=reminder.key)
        if reason is None:
            nominated = await self.store.nominations.get(round_.id, reminder.recipient_id) is not None
            reason = nomination_obsolete_reason(round_, now=now, has_nominated=nominated, key=reminder.key)
        if reason is not None:
            return Obsolete(reason)
        if await self.store.dialogues.invitee(round_.id, reminder.recipient_id) is None:
            return Obsolete("not_invited")  # left out of the round since the reminder was planned
        person = await self.store.people.get(reminder.recipient_id)
        lang = self.person_lang(person)
        concept = await self.concept_of(round_)
        title = "reminder.title.first" if reminder.sequence <= 1 else "reminder.title.later"
        workplace = await self.store.workplaces.get(round_.team_id)
        card = reminder_card(lang, concept, round_id=round_.id, deadline=round_.deadline_date, reminder_number=reminder.sequence,
                             workplace_name=workplace.name if workplace else "")
        return self.to_person(reminder, person, card, t(lang, title), lang)


class InvitationResolver(StepResolver):
    """The nomination card itself, built at send time; its delivery is kept on the invitee's row."""

    kind = INVITATION_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        round_ = await self.round_of(reminder)
        invited = round_ is not None and await self.store.dialogues.invitee(round_.id, reminder.recipient_id) is not None
        reason = invitation_obsolete_reason(round_, now=self.clock.now(), invited=invited)
        if reason is not None:
            return Obsolete(reason)
        workplace = await self.store.workplaces.get(round_.team_id)
        if workplace is None:
            return Obsolete("no_workplace")
        person = await self.store.people.get(reminder.recipient_id)
        lang = self.person_lang(person)
        concept = await self.concept_of(round_)
        planning_group = [m.user_id for m in await self.store.planning_group.members(round_.team_id)]
        paper_forms = may_enter_paper_forms(round_, reminder.recipient_id, planning_group)
        previous = await self.store.nominations.get(round_.id, reminder.recipient_id)
        if previous is not None:  # answered before the card came (a paper form, "mine temaer"): the receipt
            card = nomination_receipt_card(
                lang, concept, round_id=round_.id, nomination=previous, deadline=round_.deadline_date, can_edit=True,
                named_mode=round_.named_mode, workplace_name=workplace.name, saved="shown", paper_forms=paper_forms,
            )
        else:
            card = nomination_card(
                lang, concept, round_id=round_.id, deadline=round_.deadline_date, contact_name=round_.contact_name,
                named_mode=round_.named_mode, workplace_name=workplace.name, paper_forms=paper_forms,
            )
        return self.to_member(reminder, workplace, person, card, concept.dialogue_name(lang), lang)

    async def recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        """How the card fared, on the invitee's row (the status card reads it), and the new chat."""
        round_ = await self.round_of(reminder)
        if round_ is None:
            return
        if result.conversation_id:
            workplace = await self.store.workplaces.get(round_.team_id)
            if workplace is not None:
                await self.store.people.remember(
                    user_id=reminder.recipient_id, tenant_id=workplace.tenant_id, now=self.clock.now(),
                    conversation_id=result.conversation_id, service_url=workplace.service_url,
                )
        await self.store.dialogues.record_card_delivery(
            round_.id, reminder.recipient_id, delivery=delivery_of(result), activity_id=result.activity_id, reason=result.reason,
        )


class RoundStartedResolver(StepResolver):
    """The channel's "round started" card, once per round; the row's recipient is the channel conversation."""

    kind = ROUND_STARTED_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        round_ = await self.round_of(reminder)
        if round_ is None:
            return Obsolete("round_missing")
        if not round_.is_open(self.clock.now()):
            return Obsolete("round_closed")  # the closing card says it all now
        workplace = await self.store.workplaces.get(round_.team_id)
        if workplace is None:
            return Obsolete("no_workplace")
        lang = self.team_lang(workplace)
        concept = await self.concept_of(round_)
        invited = len(await self.store.dialogues.invitees(round_.id))
        # Invitations may still be going out as this is posted, so the card counts those invited
        # and says the form is on its way; who could not be reached is the status card's to tell.
        card = round_started_card(
            lang, concept, deadline=round_.deadline_date, contact_name=round_.contact_name, named_mode=round_.named_mode,
            invited=invited, unreachable=0, round_id=round_.id, sending=True,
        )
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id, service_url=workplace.service_url,
            conversation_id=reminder.recipient_id or workplace.channel_id, activity=message_with_card(card, summary=concept.dialogue_name(lang), lang=lang),
        )


class AnnouncementResolver(StepResolver):
    """"The deadline has moved" to someone who has not answered, with the way to their card."""

    kind = EXTENDED_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        round_ = await self.round_of(reminder)
        nominated = round_ is not None and await self.store.nominations.get(round_.id, reminder.recipient_id) is not None
        reason = announcement_obsolete_reason(round_, key=reminder.key, now=self.clock.now(), has_nominated=nominated)
        if reason is not None:
            return Obsolete(reason)
        person = await self.store.people.get(reminder.recipient_id)
        lang = self.person_lang(person)
        concept = await self.concept_of(round_)
        workplace = await self.store.workplaces.get(round_.team_id)
        card = announcement_card(lang, concept, round_id=round_.id, deadline=round_.deadline_date, workplace_name=workplace.name if workplace else "")
        return self.to_person(reminder, person, card, t(lang, "announcement.title"), lang)


DECLARES = QueueKinds(
    (NominationReminderResolver, InvitationResolver, RoundStartedResolver, AnnouncementResolver),
    unlimited=frozenset({INVITATION_KIND, ROUND_STARTED_KIND, EXTENDED_KIND}),  # one per round or per deadline, so not held to one a day
)
