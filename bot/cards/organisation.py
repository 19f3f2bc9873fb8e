"""Across the organisation (steps 13-14): registering a committee, linking workplaces, what a
committee's channel gets when a workplace sends on, and the send-on card's line about it.

Names of teams, committees and people, and everything a planning group wrote, are shown
verbatim (TextRuns), never formatted into a template."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, ClassVar, Literal

from pydantic import Field, field_validator

from ..process.clock import COPENHAGEN
from ..process.concept import Concept, Kind
from ..process.organisation import KIND_COMMITTEE, KIND_HR, NAME_MAX, Committee, Submission, SubmittedTheme
from ..process.workplace import Workplace
from ..texts import format_date, t
from .elements import MAX_MESSAGE_BYTES, Element, card, container, heading, json_size, subheading, submit, text, verbatim
from .payload import Payload, capped

LINK_PAGE = 20  # workplaces per link card (one ChoiceSet each)
NONE = "none"  # the ChoiceSet value for "no committee"
TeamId = Annotated[str, Field(max_length=200)]
ChoiceValue = Annotated[str, Field(max_length=80)]


class AdminManage(Payload):
    """``admin`` / ``admin tilføj @navn`` / ``admin fjern @navn``: the people come from the mentions."""

    VERB: ClassVar[str] = "org.admin"
    action: Literal["add", "remove"] | None = None


class OverviewShow(Payload):
    """The committee's overview (``overblik``); the committee is the channel's team."""

    VERB: ClassVar[str] = "org.overview"


class CommitteeShow(Payload):
    VERB: ClassVar[str] = "org.committee.show"


class CommitteeRegister(Payload):
    """Register the team the card was pressed in (never a team named by the card)."""

    VERB: ClassVar[str] = "org.committee.register"
    committee_name: str | None = None
    committee_kind: Literal["committee", "hr"] | None = None

    @field_validator("committee_name")
    @classmethod
    def _cap(cls, value: str | None) -> str | None:
        return capped(value, NAME_MAX * 2)


class LinkShow(Payload):
    VERB: ClassVar[str] = "org.link.show"
    page: int = Field(default=0, ge=0, le=1000)


class LinkSave(Payload):
    """One page of the link card: ``team_n`` (the button's data) and ``link_n`` (its ChoiceSet);
    both are checked against the stored workplaces and committees."""

    VERB: ClassVar[str] = "org.link.save"
    page: int = Field(default=0, ge=0, le=1000)
    team_1: TeamId | None = None
    team_2: TeamId | None = None
    team_3: TeamId | None = None
    team_4: TeamId | None = None
    team_5: TeamId | None = None
    team_6: TeamId | None = None
    team_7: TeamId | None = None
    team_8: TeamId | None = None
    team_9: TeamId | None = None
    team_10: TeamId | None = None
    team_11: TeamId | None = None
    team_12: TeamId | None = None
    team_13: TeamId | None = None
    team_14: TeamId | None = None
    team_15: TeamId | None = None
    team_16: TeamId | None = None
    team_17: TeamId | None = None
    team_18: TeamId | None = None
    team_19: TeamId | None = None
    team_20: TeamId | None = None
    link_1: ChoiceValue | None = None
    link_2: ChoiceValue | None = None
    link_3: ChoiceValue | None = None
    link_4: ChoiceValue | None = None
    link_5: ChoiceValue | None = None
    link_6: ChoiceValue | None = None
    link_7: ChoiceValue | None = None
    link_8: ChoiceValue | None = None
    link_9: ChoiceValue | None = None
    link_10: ChoiceValue | None = None
    link_11: ChoiceValue | None = None
    link_12: ChoiceValue | None = None
    link_13: ChoiceValue | None = None
    link_14: ChoiceValue | None = None
    link_15: ChoiceValue | None = None
    link_16: ChoiceValue | None = None
    link_17: ChoiceValue | None = None
    link_18: ChoiceValue | None = None
    link_19: ChoiceValue | None = None
    link_20: ChoiceValue | None = None

    def pairs(self) -> list[tuple[str, str | None]]:
        """(team id, committee id or None) for each slot the card filled."""
        out = []
        for n in range(1, LINK_PAGE + 1):
            team = getattr(self, f"team_{n}")
            if team:
                value = getattr(self, f"link_{n}")
                out.append((team, None if not value or value == NONE else value))
        return out


def kind_text(lang: str, kind: str) -> str:
    return t(lang, f"org.kind.{kind if kind in (KIND_COMMITTEE, KIND_HR) else KIND_COMMITTEE}")


def committee_card(lang: str, *, current: Committee | None = None, team_name: str = "", notice: str | None = None) -> Element:
    """Register this team as a coordination committee or HR (the name defaults to the team's)."""
    body: list[Element] = [heading(t(lang, "org.committee.title")), text(t(lang, "org.committee.intro"))]
    if notice:
        body.append(text(notice, color="Attention"))
    body.append({"type": "Input.Text", "id": "committee_name", "label": t(lang, "org.committee.name"), "maxLength": NAME_MAX,
                 "isRequired": True, "errorMessage": t(lang, "org.committee.name_required"),
                 "placeholder": t(lang, "org.committee.name.placeholder"), "value": current.name if current else team_name[:NAME_MAX]})
    body.append({"type": "Input.ChoiceSet", "id": "committee_kind", "label": t(lang, "org.committee.kind"), "style": "expanded",
                 "value": current.kind if current else KIND_COMMITTEE,
                 "choices": [{"title": kind_text(lang, k), "value": k} for k in (KIND_COMMITTEE, KIND_HR)]})
    return card(body, [submit(t(lang, "org.committee.save"), CommitteeRegister, style="positive")],
                fallback_text=t(lang, "org.committee.title"))


def committee_saved_card(lang: str, committee: Committee) -> Element:
    body = [heading(t(lang, "org.committee.title")), verbatim(committee.name, bold=True),
            text(kind_text(lang, committee.kind), color="Good", weight="Bolder")]
    actions = [submit(t(lang, "org.overview.open"), OverviewShow, style="positive")] if committee.kind == KIND_COMMITTEE else []
    actions += [submit(t(lang, "org.link.open"), LinkShow), submit(t(lang, "org.committee.edit"), CommitteeShow)]
    return card(body, actions, fallback_text=t(lang, "org.committee.title"))


def link_card(lang: str, workplaces: Sequence[Workplace], committees: Sequence[Committee], links: Mapping[str, str], *,
              page: int = 0, notice: str | None = None) -> Element:
    """Each workplace with a ChoiceSet of the coordination committees (HR is not one to send to)."""
    body: list[Element] = [heading(t(lang, "org.link.title")), text(t(lang, "org.link.intro"))]
    if notice:
        body.append(text(notice, color="Good", weight="Bolder"))
    targets = [c for c in committees if c.kind == KIND_COMMITTEE]
    if not targets:
        body.append(text(t(lang, "org.link.no_committees"), color="Attention"))
        return card(body, fallback_text=t(lang, "org.link.title"))
    choices = [{"title": t(lang, "org.link.none"), "value": NONE}] + [{"title": c.name, "value": c.id} for c in targets]
    # Every workplace carries every committee as a choice: with many committees fewer fit in a message.
    size = max(1, min(LINK_PAGE, (MAX_MESSAGE_BYTES - 8_000) // (json_size(choices) + 800)))
    page = min(page, max(0, len(workplaces) - 1) // size)  # past the end (a committee added since): the last page
    shown = list(workplaces[page * size:(page + 1) * size])
    if not shown:
        body.append(text(t(lang, "org.link.no_workplaces"), subtle=True))
        return card(body, fallback_text=t(lang, "org.link.title"))
    data: dict[str, object] = {"page": page}
    for n, w in enumerate(shown, start=1):
        current = links.get(w.team_id)
        items: list[Element] = [verbatim(w.name or w.team_id, bold=True)]
        if current is None:
            items.append(text(t(lang, "org.link.unlinked"), color="Attention", subtle=True, spacing="None"))
        # A label is plain text that Teams renders as markdown: the team's name stands above, in a TextRun.
        items.append({"type": "Input.ChoiceSet", "id": f"link_{n}", "label": t(lang, "org.kind.committee"), "style": "compact",
                      "value": current if current in {c.id for c in targets} else NONE, "choices": choices})
        body.append(container(items, separator=n > 1))
        data[f"team_{n}"] = w.team_id
    actions = [submit(t(lang, "org.link.button"), LinkSave, style="positive", **data), submit(t(lang, "org.admin.summary"), AdminManage)]
    if len(workplaces) > (page + 1) * size:
        actions.append(submit("→", LinkShow, page=page + 1))
    return card(body, actions, fallback_text=t(lang, "org.link.title"))


def theme_line(lang: str, concept: Concept, theme: SubmittedTheme) -> Element:
    return verbatim(theme_title(lang, concept, theme), prefix=t(lang, f"org.theme.{theme.kind}") if theme.kind in
                    (Kind.WELLBEING.value, Kind.LEADERSHIP.value) else None, prefix_subtle=True, bold=True, spacing="Small")


def theme_title(lang: str, concept: Concept, theme: SubmittedTheme) -> str:
    if theme.own_title:
        return theme.own_title
    try:
        found = concept.catalogue(Kind(theme.kind)).find(theme.theme_id)
    except (ValueError, KeyError):
        found = None
    return found.title(lang) if found else theme.theme_id


def submission_card(lang: str, concept: Concept, submission: Submission, *, sent_by_name: str = "") -> Element:
    """What the committee's channel gets: the workplace, its themes, the initiatives that need the
    organisation highlighted with their ask, the other initiatives, and for a re-send what changed."""
    s = submission
    body: list[Element] = [verbatim(s.workplace_name or s.team_id, prefix=t(lang, "org.sent.from"), bold=True)]
    body.append(text(t(lang, "org.sent.meta", date=format_date(lang, s.sent_at.astimezone(COPENHAGEN).date()), version=s.version),
                     subtle=True, spacing="None"))
    if sent_by_name:
        body.append(verbatim(sent_by_name, prefix=t(lang, "org.sent.by"), prefix_subtle=True, subtle=True, spacing="None"))
    if s.changes is not None:
        items: list[Element] = [text(t(lang, "org.sent.new_version"), weight="Bolder", color="Accent")]
        for part in ("added", "removed", "changed"):
            for title in getattr(s.changes, part):
                items.append(verbatim(title, prefix=t(lang, f"org.changes.{part}"), prefix_subtle=True, spacing="Small"))
        if s.changes.empty:
            items.append(text(t(lang, "org.changes.none"), subtle=True, spacing="Small"))
        body.append(container(items, style="accent"))
    if s.themes:
        body.append(subheading(t(lang, "org.themes")))
        body += [theme_line(lang, concept, th) for th in s.themes]
    body.append(subheading(t(lang, "org.asks")))
    if s.asks:
        for i in s.asks:
            items = [verbatim(i.title, bold=True)]
            if i.ask:
                items.append(verbatim(i.ask, prefix=t(lang, "org.ask"), prefix_subtle=True, spacing="Small"))
            if i.organisation:
                items.append(verbatim(i.organisation, prefix=t(lang, "org.iglo.organisation"), prefix_subtle=True, spacing="Small"))
            body.append(container(items, style="attention", spacing="Small"))
    else:
        body.append(text(t(lang, "org.no_asks"), subtle=True))
    others = [i for i in s.initiatives if not i.needs_organisation]
    if others:
        body.append(subheading(t(lang, "org.initiatives")))
        body += [verbatim(i.title) for i in others]
    return card(body, fallback_text=t(lang, "org.sent.summary"))


def send_on_committee_block(lang: str, committee: Committee | None, latest: Submission | None, *, plan_version: int,
                            sent: bool, dialogue_id: str) -> tuple[list[Element], list[Element]]:
    """The send-on card's lines about the committee (body, actions): where it goes, or that the
    workplace is not linked; what it got last; "Send ny version" when the plan changed since."""
    from .send_on import SendOnConfirm  # the send-on card's own button; imported here to avoid a cycle

    if committee is None:
        return [text(t(lang, "org.send_on.unlinked"), color="Attention")], []
    body: list[Element] = [verbatim(committee.name, prefix=t(lang, "org.send_on.to"), prefix_subtle=True, bold=True)]
    actions: list[Element] = []
    if latest is not None:
        body.append(text(t(lang, "org.send_on.versions", date=format_date(lang, latest.sent_at.astimezone(COPENHAGEN).date()),
                           version=latest.version), subtle=True, spacing="Small"))
    if sent and (latest is None or latest.committee_id != committee.id or latest.plan_version != plan_version):
        body.append(text(t(lang, "org.send_on.changed"), color="Attention", spacing="Small"))
        actions.append(submit(t(lang, "org.send_on.resend"), SendOnConfirm, style="positive", dialogue_id=dialogue_id,
                              version=plan_version))
    return body, actions
