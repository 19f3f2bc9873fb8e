"""The send-on before 1 December (step 13): what will be sent, the button, the receipt and the run-up reminder."""
from __future__ import annotations

from datetime import date
from typing import ClassVar

from ..process.clock import COPENHAGEN
from ..process.development_plan import DevelopmentPlan
from ..process.follow_up import SentOn, organisation_initiatives
from ..texts import format_date, t
from .elements import Element, card, container, heading, rich, run, subheading, open_url, submit, text, verbatim
from .follow_up import SendOnShow
from .payload import Payload, RoundId


class SendOnConfirm(Payload):
    """"Send videre": send the plan of ``version`` on."""

    VERB: ClassVar[str] = "send_on.send"
    dialogue_id: RoundId
    version: int


def send_on_card(lang: str, plan: DevelopmentPlan, *, deadline: date, sent: SentOn | None = None, sent_by_name: str = "",
                 download_url: str | None = None, link_days: int = 0, notice: str | None = None,
                 committee: tuple[list[Element], list[Element]] | None = None) -> Element:
    """The adopted plan as it will be sent, the initiatives needing the organisation first, with their ask."""
    body: list[Element] = [heading(t(lang, "send_on.title")), text(t(lang, "send_on.intro", date=format_date(lang, deadline))),
                           text(t(lang, "send_on.plan_version", version=plan.version), subtle=True)]
    if notice:
        body.append(text(notice, color="Attention"))
    if committee is not None:  # where it goes (cards/organisation.py send_on_committee_block)
        body += committee[0]
    needing = organisation_initiatives(plan)
    body.append(subheading(t(lang, "send_on.organisation")))
    if needing:
        body.append(text(t(lang, "send_on.organisation.intro")))
        for i in needing:
            items = [verbatim(i.title, bold=True)]
            if i.ask:
                items.append(verbatim(i.ask, prefix=t(lang, "send_on.ask"), prefix_subtle=True))
            body.append(container(items, style="attention", spacing="Small"))
    else:
        body.append(text(t(lang, "send_on.no_organisation"), subtle=True))
    others = [i for i in plan.initiatives if not i.needs_organisation]
    if others:
        body.append(subheading(t(lang, "send_on.others")))
        body += [verbatim(i.title) for i in others]
    actions: list[Element] = []
    if sent is None:
        actions.append(submit(t(lang, "action.send_on.send"), SendOnConfirm, style="positive", dialogue_id=plan.dialogue_id,
                              version=plan.version))
    else:
        sent_line = t(lang, "send_on.sent", date=format_date(lang, sent.sent_at.astimezone(COPENHAGEN).date()),
                      name=sent_by_name or sent.by, version=sent.version)
        # the sender's name as typed in Teams: a TextRun (a TextBlock would render its markdown and <at>)
        body.append(container([rich(run(sent_line, bold=True, color="Good"))], separator=True))
        if download_url:
            body.append(text(t(lang, "send_on.download.note", days=link_days), subtle=True))
            actions.append(open_url(t(lang, "send_on.download"), download_url))
    if committee is not None and sent is not None:
        actions = committee[1] + actions  # "Send ny version" when the plan changed since
    return card(body, actions or None, fallback_text=t(lang, "send_on.title"))


def send_on_reminder_card(lang: str, dialogue_id: str, *, deadline: date, late: bool) -> Element:
    """The run-up reminder to a member of the planning group, with the send-on card one press away."""
    key = "send_on.reminder.late" if late else "send_on.reminder.text"
    body = [heading(t(lang, "send_on.reminder.title"), size="Medium"), text(t(lang, key, date=format_date(lang, deadline)))]
    return card(body, [submit(t(lang, "send_on.title"), SendOnShow, style="positive", dialogue_id=dialogue_id)],
                fallback_text=t(lang, "send_on.reminder.title"))
