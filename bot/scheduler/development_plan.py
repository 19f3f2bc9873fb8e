"""The adopted development plan posted to the team's channel (step 11), decided when it is sent.

A ``plan_announced`` row names the dialogue (its ``round_id``), the channel and the version (its
``sequence``). The version is read from the plan's history at send time, so the post says what
was adopted (or shared); a row overtaken by a later shared version is dropped.
"""
from __future__ import annotations

from ..cards.development_plan import plan_post_card
from ..cards.elements import message_with_card
from ..process.development_plan import PLAN_ANNOUNCED_KIND, announcement_obsolete_reason
from ..process.reminders import QueuedReminder
from ..texts import t
from .messages import OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver


class PlanAnnouncedResolver(StepResolver):
    """Which initiatives were chosen and why, with "Set og forstået", in the team's language."""

    kind = PLAN_ANNOUNCED_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        dialogue_id, version = reminder.round_id, reminder.sequence
        if not dialogue_id:
            return Obsolete("dialogue_missing")
        team_id = await self.store.plans.dialogue_team(dialogue_id)
        workplace = await self.store.workplaces.get(team_id) if team_id else None
        if workplace is None:
            return Obsolete("no_workplace")
        plan = await self.store.plans.get(dialogue_id)
        reason = announcement_obsolete_reason(plan, version)
        if reason is not None:
            return Obsolete(reason)
        assert plan is not None
        shown = next((p for p in await self.store.plans.history(dialogue_id) if p.version == version), None)
        if shown is None:
            return Obsolete("no_version")
        lang = self.team_lang(workplace)
        card = plan_post_card(lang, plan=shown, changed=version != plan.adopted_version)
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id, service_url=workplace.service_url,
            conversation_id=reminder.recipient_id or workplace.channel_id,
            activity=message_with_card(card, summary=t(lang, "devplan.post.title"), lang=lang),
        )


DECLARES = QueueKinds((PlanAnnouncedResolver,), unlimited=frozenset({PLAN_ANNOUNCED_KIND}))  # one per plan version
