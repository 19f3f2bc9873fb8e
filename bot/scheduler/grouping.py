"""The groups posted to the team's channel (step 7), decided when the row is sent.

A ``groups_posted:<dialogue>:<version>`` row (``…-<page>`` for the second page on) names the
grouping version the planning group saw when they pressed "Slå op i kanalen"; each page of a
large day is a message of its own, so everyone on it is @mentioned with a notification. If the
groups were changed since (absentees, formed again), that row is obsolete: the newer version has
its own rows when someone posts it, so the channel never shows groups that no longer apply. Names and the day are read at send time.
"""
from __future__ import annotations

from ..cards.elements import message_with_card
from ..cards.grouping import groups_post_card, groups_post_page_count
from ..process.grouping import GROUPS_POSTED_KIND, groups_posted_key, page_channel, page_recipient, parse_groups_posted_key
from ..process.reminders import QueuedReminder, ReminderPlan
from ..texts import t
from .messages import DeliveryResult, OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver


class GroupsPostedResolver(StepResolver):
    """Both rounds' groups, every member @mentioned, once per version, to the team's channel."""

    kind = GROUPS_POSTED_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        parsed = parse_groups_posted_key(reminder.key)
        if parsed is None:
            return Obsolete("bad_key")
        dialogue_id, version, page = parsed
        saved = await self.store.groupings.record(dialogue_id)
        if saved is None:
            return Obsolete("no_grouping")
        if saved.version != version:
            return Obsolete("superseded")
        workplace = await self.store.workplaces.get(reminder.team_id)
        if workplace is None:
            return Obsolete("no_workplace")
        names = {i.user_id: i.name for i in await self.store.invitations.invited(dialogue_id)}
        day = await self.store.invitations.get_day(dialogue_id)
        lang = self.team_lang(workplace)
        layout = {"dialogue_id": dialogue_id, "grouping": saved.grouping, "names": names, "day": day, "replaced": version > 1}
        if page >= groups_post_page_count(lang, **layout):
            return Obsolete("no_such_page")  # the names got shorter since the press: fewer pages
        card = groups_post_card(lang, page=page, turnable=False, **layout)
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id, service_url=workplace.service_url,
            conversation_id=page_channel(reminder.recipient_id) or workplace.channel_id,
            activity=message_with_card(card, summary=t(lang, "groups.title"), lang=lang),
        )

    async def recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        """Once the first page is out, every page of the groups as they are now has its row: the press
        planned the pages it counted, and a name longer since may have added one."""
        parsed = parse_groups_posted_key(reminder.key)
        saved = await self.store.groupings.record(parsed[0]) if parsed and parsed[2] == 0 and result.status == "sent" else None
        workplace = await self.store.workplaces.get(reminder.team_id) if saved else None
        if parsed is None or saved is None or workplace is None or saved.version != parsed[1]:
            return
        names = {i.user_id: i.name for i in await self.store.invitations.invited(parsed[0])}
        day = await self.store.invitations.get_day(parsed[0])
        pages = groups_post_page_count(self.team_lang(workplace), dialogue_id=parsed[0], grouping=saved.grouping, names=names, day=day,
                                       replaced=saved.version > 1)
        await self.store.reminders.add([ReminderPlan(groups_posted_key(parsed[0], parsed[1], n), GROUPS_POSTED_KIND, reminder.team_id, reminder.round_id,
                                                     page_recipient(reminder.recipient_id, n), reminder.sequence, reminder.due_at)
                                        for n in range(1, pages)])


# One per grouping version, so not held to one a day; asked for by someone in the room on the day.
DECLARES = QueueKinds((GroupsPostedResolver,), unlimited=frozenset({GROUPS_POSTED_KIND}), anytime=frozenset({GROUPS_POSTED_KIND}))
