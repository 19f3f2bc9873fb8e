"""The coordination committee's overview (step 13-14): who has sent and who has not, every ask
of the organisation by theme, the nudge to those missing, and the forward to HR (and its post)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import ClassVar, NamedTuple

from pydantic import field_validator

from ..process.clock import COPENHAGEN
from ..process.concept import Concept
from ..process.organisation import COMMENT_MAX, Committee, Forward, Overview
from ..texts import format_date, t
from .elements import (
    MAX_MESSAGE_BYTES, Element, card, container, heading, json_size, open_url, subheading, submit, text, verbatim,
)
from .follow_up import SendOnShow
from .hr_overview import HrShow
from .organisation import OverviewShow, theme_line  # noqa: F401 (OverviewShow: re-exported for the dialog)
from .payload import Payload, capped


class CommitteeRemind(Payload):
    """Remind the missing workplaces' planning groups; the committee is the channel's, never the card's."""

    VERB: ClassVar[str] = "org.remind"


class CommitteeForward(Payload):
    VERB: ClassVar[str] = "org.forward"
    hr_comment: str | None = None

    @field_validator("hr_comment")
    @classmethod
    def _cap(cls, value: str | None) -> str | None:
        return capped(value, COMMENT_MAX * 2)


def _day(lang: str, at: datetime) -> str:
    return format_date(lang, at.astimezone(COPENHAGEN).date())


class Fit(NamedTuple):
    """How much of the overview a card shows; None is all."""

    chars: int | None = None  # of each typed title and ask
    asks: int | None = None  # per theme
    themes: int | None = None
    workplaces: int | None = None  # per list (sent, missing)


# 150 workplaces that each ask for three things at full length take megabytes, and a card holds 40 KB:
# the cards try these in turn until one fits (the spreadsheet holds everything).
FITS = (Fit(), Fit(200), Fit(200, 10, 20, 60), Fit(100, 5, 15, 40), Fit(50, 2, 10, 20))


def _cut(value: str, limit: int | None) -> str:
    return value if limit is None or len(value) <= limit else value[:limit].rstrip() + "…"


def _more(lang: str, shown: int, total: int) -> list[Element]:
    return [text(t(lang, "org.overview.more", count=total - shown), subtle=True, spacing="Small")] if total > shown else []


def overview_body(lang: str, concept: Concept, committee: Committee, view: Overview, fit: Fit = Fit()) -> list[Element]:
    body: list[Element] = [verbatim(committee.name, prefix=t(lang, "org.overview.title"), bold=True)]
    if not view.sent and not view.missing:
        body.append(text(t(lang, "org.overview.none_linked"), subtle=True))
    body.append(subheading(t(lang, "org.overview.sent", count=len(view.sent))))
    for w in view.sent[:fit.workplaces]:
        assert w.latest is not None
        body.append(container([verbatim(w.name, bold=True),
                               text(t(lang, "org.overview.sent_line", date=_day(lang, w.latest.sent_at), version=w.latest.version),
                                    subtle=True, spacing="None")], spacing="Small"))
    body += _more(lang, len(view.sent[:fit.workplaces]), len(view.sent))
    body.append(subheading(t(lang, "org.overview.missing", count=len(view.missing))))
    body += [verbatim(w.name) for w in view.missing[:fit.workplaces]]
    body += _more(lang, len(view.missing[:fit.workplaces]), len(view.missing))
    if not view.missing:
        body.append(text(t(lang, "org.overview.nobody_missing"), color="Good"))
    body.append(subheading(t(lang, "org.overview.by_theme"), separator=True))
    if not view.asks_by_theme:
        body.append(text(t(lang, "org.no_asks"), subtle=True))
    for theme, asks in view.asks_by_theme[:fit.themes]:
        items: list[Element] = [theme_line(lang, concept, theme)]
        for workplace, initiative in asks[:fit.asks]:
            items.append(verbatim(_cut(initiative.title, fit.chars), prefix=f"{workplace}: ", prefix_subtle=True, bold=True,
                                  spacing="Small"))
            if initiative.ask:
                items.append(verbatim(_cut(initiative.ask, fit.chars), prefix=t(lang, "org.ask"), prefix_subtle=True, spacing="None"))
        body.append(container(items + _more(lang, len(asks[:fit.asks]), len(asks)), style="emphasis"))
    body += _more(lang, len(view.asks_by_theme[:fit.themes]), len(view.asks_by_theme))
    if fit != Fit():
        body.append(text(t(lang, "org.overview.shortened"), subtle=True, spacing="Medium"))
    return body


def _fitted(build: Callable[[Fit], Element]) -> Element:
    """The fullest card of ``FITS`` that fits in a message."""
    for fit in FITS:
        built = build(fit)
        if json_size(built) < MAX_MESSAGE_BYTES - 2_000:
            break
    return built


def overview_card(lang: str, concept: Concept, committee: Committee, view: Overview, *, has_hr: bool, can_forward: bool = True,
                  forwards: Sequence[Forward] = (), notice: str | None = None, download_url: str | None = None) -> Element:
    actions: list[Element] = []
    if view.missing:
        actions.append(submit(t(lang, "org.overview.remind"), CommitteeRemind))
    if has_hr and can_forward:
        actions.append(submit(t(lang, "org.overview.forward"), CommitteeForward, style="positive"))
    if download_url:  # the overview as a spreadsheet, a link made out to the viewer (dialogs/exports.py)
        actions.append(open_url(t(lang, "hr.download"), download_url))

    def build(fit: Fit) -> Element:
        body = overview_body(lang, concept, committee, view, fit)
        if notice:
            body.insert(1, text(notice, color="Good", weight="Bolder"))
        for f in forwards[:1]:  # the latest forward
            body.append(text(t(lang, "org.overview.forwarded", date=_day(lang, f.forwarded_at)), subtle=True, separator=True))
        if has_hr and can_forward:
            body.append({"type": "Input.Text", "id": "hr_comment", "label": t(lang, "org.overview.comment"), "isMultiline": True,
                         "maxLength": COMMENT_MAX})
        elif not has_hr:
            body.append(text(t(lang, "org.overview.no_hr"), subtle=True))
        return card(body, actions or None, fallback_text=t(lang, "org.overview.summary"))
    return _fitted(build)


def nudge_card(lang: str, committee_name: str, dialogue_id: str | None) -> Element:
    body = [heading(t(lang, "org.nudge.title"), size="Medium"), verbatim(committee_name, bold=True), text(t(lang, "org.nudge.text"))]
    actions = [submit(t(lang, "send_on.title"), SendOnShow, style="positive", dialogue_id=dialogue_id)] if dialogue_id else None
    return card(body, actions, fallback_text=t(lang, "org.nudge.title"))


def hr_post_card(lang: str, concept: Concept, committee: Committee, view: Overview, forward: Forward, *, by_name: str = "") -> Element:
    """HR's channel gets what the committee collected (as its overview shows it), with the comment."""
    body: list[Element] = [verbatim(committee.name, prefix=t(lang, "org.hr.title"), bold=True),
                           text(t(lang, "org.hr.meta", date=_day(lang, forward.forwarded_at)), subtle=True, spacing="None")]
    if by_name:
        body.append(verbatim(by_name, prefix=t(lang, "org.hr.by"), prefix_subtle=True, subtle=True, spacing="None"))
    if forward.comment:
        body.append(container([verbatim(forward.comment, prefix=t(lang, "org.hr.comment"), prefix_subtle=True)], style="accent"))
    body.append(text(t(lang, "org.hr.counts", sent=len(view.sent), linked=len(view.sent) + len(view.missing)), weight="Bolder"))
    # HR's way on to the overview across all workplaces (bot/cards/hr_overview.py); the handler re-checks HR.
    return _fitted(lambda fit: card(body + overview_body(lang, concept, committee, view, fit)[1:], [submit(t(lang, "hr.open"), HrShow)],
                                    fallback_text=t(lang, "org.hr.summary")))
