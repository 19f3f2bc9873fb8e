"""What happens at the deadline (or when the round is closed early), as queue rows.

One ``closing`` row per round (bot/process/deadline.py) posts the "deadline reached" card to the
team's channel. When it goes out it plans the rest, due at once: the final tally to each member
of the planning group as it is then, and, for every nomination card that went out, an update in
place to its closed form. Planning them at send time rather than at the start means the tally
reaches whoever is in the planning group at the end, and a card sent after the start (someone
invited later) is closed too. Each row is one per round by its key, so a closing sent twice (a
lost answer) plans nothing new.
"""
from __future__ import annotations

from ..cards.deadline import form_closed_card
from ..cards.elements import message_with_card
from ..cards.nomination import nomination_receipt_card
from ..cards.plan import round_closed_card
from ..cards.tally import tally_card
from ..process.clock import COPENHAGEN
from ..process.deadline import CARD_CLOSED_KIND, CLOSING_KIND, EXTENDED_KIND, FINAL_TALLY_KIND, closing_obsolete_reason, plan_after_closing
from ..process.nomination import NOMINATION_KIND
from ..process.invitees import INVITATION_KIND
from ..process.reminders import QueuedReminder
from ..process.tally import tally
from ..texts import t
from .messages import DeliveryResult, OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver


class ClosingResolver(StepResolver):
    """The channel's "deadline reached" card, once per round; plans the final tally and card updates."""

    kind = CLOSING_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        round_ = await self.round_of(reminder)
        now = self.clock.now()
        reason = closing_obsolete_reason(round_, key=reminder.key, now=now)
        if reason is not None:
            return Obsolete(reason)
        workplace = await self.store.workplaces.get(round_.team_id)
        if workplace is None:
            return Obsolete("no_workplace")
        invitees = await self.store.dialogues.invitees(round_.id)
        planning_group = [m.user_id for m in await self.store.planning_group.members(round_.team_id)]
        # Nothing of the round's asking is wanted any more; then what the closing brings.
        await self.store.reminders.drop_pending(round_.id, "round_closed", kinds=(NOMINATION_KIND, EXTENDED_KIND, INVITATION_KIND))
        await self.store.reminders.add(plan_after_closing(
            round_, planning_group=planning_group, cards=[i.user_id for i in invitees if i.card_activity_id], now=now,
        ))
        invited = {i.user_id for i in invitees}
        responded = len(await self.store.nominations.respondents(round_.id) & invited)
        lang = self.team_lang(workplace)
        concept = await self.concept_of(round_)
        closed_early_on = round_.closed_at.astimezone(COPENHAGEN).date() if round_.closed_at else None
        card = round_closed_card(
            lang, concept, deadline=round_.deadline_date, responded=responded, invited=len(invited), closed_early_on=closed_early_on,
        )
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id, service_url=workplace.service_url, conversation_id=workplace.channel_id,
            activity=message_with_card(card, summary=t(lang, "closed.title"), lang=lang),
        )


class FinalTallyResolver(StepResolver):
    """The final tally, privately, to one member of the planning group, in their language."""

    kind = FINAL_TALLY_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        round_ = await self.round_of(reminder)
        if round_ is None:
            return Obsolete("round_missing")
        members = {m.user_id for m in await self.store.planning_group.members(round_.team_id)}
        if reminder.recipient_id not in members:
            return Obsolete("not_planning_group")  # left the group since: the reasons are not for them
        workplace = await self.store.workplaces.get(round_.team_id)
        if workplace is None:
            return Obsolete("no_workplace")
        person = await self.store.people.get(reminder.recipient_id)
        lang = self.person_lang(person)
        concept = await self.concept_of(round_)
        # The same card `optælling` sends (dialogs/tally.show_tally), now that the round is closed.
        records = await self.store.nominations.records(round_.id)
        invited = len(await self.store.dialogues.invitees(round_.id))
        result = tally(concept, records, round_id=round_.id, invited=invited, named_mode=round_.named_mode)
        card = tally_card(lang, concept, result, deadline=round_.deadline_date, is_open=False)
        has_chat = person is not None and bool(person.conversation_id)
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id,
            service_url=(person.service_url if has_chat and person.service_url else workplace.service_url),
            conversation_id=person.conversation_id if has_chat else "", member_id=reminder.recipient_id, bot_id=self.bot_id,
            activity=message_with_card(card, summary=t(lang, "final_tally.summary"), lang=lang),
        )

    async def recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        """Audit the delivered tally as a view (the reasons reached them without their asking,
        as ``optælling`` is audited), and keep the 1:1 chat the dispatcher opened."""
        if result.status == "sent" and reminder.round_id:
            await self.store.audit.record(actor=reminder.recipient_id, action="tally.viewed", subject=reminder.round_id, now=self.clock.now())
        if not result.conversation_id:
            return
        round_ = await self.round_of(reminder)
        workplace = await self.store.workplaces.get(round_.team_id) if round_ else None
        if workplace is not None:
            await self.store.people.remember(
                user_id=reminder.recipient_id, tenant_id=workplace.tenant_id, now=self.clock.now(),
                conversation_id=result.conversation_id, service_url=workplace.service_url,
            )


class CardClosedResolver(StepResolver):
    """Puts a member's nomination card in place as its closed form: the receipt without "Ret",
    or, for one never answered, a card that says the round closed."""

    kind = CARD_CLOSED_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        round_ = await self.round_of(reminder)
        if round_ is None:
            return Obsolete("round_missing")
        if round_.is_open(self.clock.now()):
            return Obsolete("round_open")
        invitee = await self.store.dialogues.invitee(round_.id, reminder.recipient_id)
        if invitee is None or not invitee.card_activity_id:
            return Obsolete("no_card")
        person = await self.store.people.get(reminder.recipient_id)
        if person is None or not person.conversation_id or not person.service_url:
            return Obsolete("no_conversation")
        lang = self.person_lang(person)
        concept = await self.concept_of(round_)
        workplace = await self.store.workplaces.get(round_.team_id)
        name = workplace.name if workplace else ""
        previous = await self.store.nominations.get(round_.id, reminder.recipient_id)
        if previous is not None:
            card = nomination_receipt_card(
                lang, concept, round_id=round_.id, nomination=previous, deadline=round_.deadline_date, can_edit=False,
                named_mode=round_.named_mode, workplace_name=name, saved="shown",
            )
        else:
            closed_early_on = round_.closed_at.astimezone(COPENHAGEN).date() if round_.closed_at else None
            card = form_closed_card(
                lang, concept, deadline=round_.deadline_date, closed_early_on=closed_early_on, contact_name=round_.contact_name,
                workplace_name=name,
            )
        return OutgoingMessage(
            key=reminder.key, tenant_id=person.tenant_id, service_url=person.service_url, conversation_id=person.conversation_id,
            activity=message_with_card(card, summary=concept.dialogue_name(lang), lang=lang), update_activity_id=invitee.card_activity_id,
        )


DECLARES = QueueKinds(
    (ClosingResolver, FinalTallyResolver, CardClosedResolver),
    unlimited=frozenset({CLOSING_KIND, FINAL_TALLY_KIND, CARD_CLOSED_KIND}),  # one per round, so not held to one a day
)
