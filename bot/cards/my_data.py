"""``mine data`` / ``my data``: everything stored about the person, its export, and deletion.

Names, team names, reasons and the export itself are shown through TextRuns only (never a
FactSet or TextBlock, which Teams reads as markdown), so they appear exactly as stored.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from pydantic import Field

from bot.process.clock import local_date
from bot.process.concept import Concept, Kind
from bot.process.my_data import PersonalData, StoredForwardComment, StoredNomination
from bot.process.status import MAYBE_DELIVERED

from .elements import Element, MAX_MESSAGE_BYTES, card, container, heading, json_size, open_url, rich, run, subheading, submit, text, verbatim
from .themes import theme_title_block
from ..texts import format_date, t
from .payload import Payload, RoundId
from .everyday_example import my_notes_section
from .evaluation import my_evaluations_section
from .cycle_survey import my_surveys_section
from .immediate_follow_up import my_immediate_section
from .leader_loop import my_leader_section


class DataShow(Payload):
    """Everything stored about the sender."""

    VERB: ClassVar[str] = "data.show"


class DataExport(Payload):
    """The same as JSON, shown verbatim."""

    VERB: ClassVar[str] = "data.export"


class NominationDelete(Payload):
    """Ask before deleting the sender's nomination in an open round."""

    VERB: ClassVar[str] = "nomination.delete"
    round_id: RoundId


class NominationDeleteConfirm(Payload):
    """Yes, delete it."""

    VERB: ClassVar[str] = "nomination.delete.confirm"
    round_id: RoundId


class ForwardCommentDelete(Payload):
    """Delete the comment one wrote when forwarding to HR (the forward itself stays)."""

    VERB: ClassVar[str] = "forward.comment.delete"
    forward_id: int = Field(ge=1, le=2**62)

# Nominations shown with their full text; older ones are listed by theme (the export has all).
FULL_NOMINATIONS = 3
MAX_LIST_ROWS = 30
# Bytes of JSON per export card, leaving room for the card around it under MAX_MESSAGE_BYTES.
EXPORT_CHUNK_BYTES = 30_000
# What a card's delivery may be, each said in words (maybe delivered: Teams may have it, no answer said so).
_DELIVERIES = ("sent", "pending", "unreachable", "failed", MAYBE_DELIVERED)


def _labelled(label: str, value: str) -> Element:
    return rich(run(label + " ", bold=True), run(value), spacing="Small")


def my_data_card(lang: str, concept: Concept, data: PersonalData, *, privacy_url: str | None = None) -> Element:
    """The person's profile, roles, rounds, nominations (with delete buttons while open), reminders.

    The newest nominations are shown with their reasons as long as the message stays under
    the size limit; the others by theme only (the export holds everything).
    """
    for full in range(FULL_NOMINATIONS, -1, -1):
        result = _my_data_card(lang, concept, data, privacy_url=privacy_url, full_nominations=full)
        if json_size(result) < MAX_MESSAGE_BYTES - 2_000:
            break
    return result


def _my_data_card(lang: str, concept: Concept, data: PersonalData, *, privacy_url: str | None, full_nominations: int) -> Element:
    body: list[Element] = [heading(t(lang, "data.title")), text(t(lang, "data.intro"), spacing="Small")]
    p = data.profile
    profile: list[Element] = [subheading(t(lang, "data.profile"), separator=True)]
    if p is None:
        profile.append(text(t(lang, "data.none"), subtle=True))
    else:
        profile += [
            _labelled(t(lang, "data.name"), p.name or "–"),
            _labelled(t(lang, "data.language"), p.lang or t(lang, "data.language.unset")),
            _labelled(t(lang, "data.user_id"), p.user_id),
            _labelled(t(lang, "data.aad_object_id"), p.aad_object_id or "–"),
            _labelled(t(lang, "data.updated"), format_date(lang, p.updated_at.date())),
        ]
    body.append(container(profile))
    body.append(_section(lang, "data.planning_groups", [_labelled("•", m.team_name or m.team_id) for m in data.memberships]))
    body.append(_section(lang, "data.rounds", [
        _labelled("•", t(lang, "data.round.line", workplace=i.team_name or "–", deadline=format_date(lang, i.deadline),
                         delivery=t(lang, f"data.delivery.{i.delivery}" if i.delivery in _DELIVERIES else "data.delivery.other")))
        for i in data.invitations
    ]))
    nominations: list[Element] = []
    actions: list[Element] = []
    for index, n in enumerate(data.nominations):
        nominations.append(_nomination(lang, concept, n, full=index < full_nominations))
        if n.is_open:
            actions.append(submit(t(lang, "action.nomination.delete", workplace=n.team_name or "")[:60].strip(), NominationDelete, style="destructive", round_id=n.round_id))
    body.append(_section(lang, "data.nominations", nominations))
    if data.example_notes:  # step 6: the private notes for the everyday examples, and a way to delete them
        notes, note_actions = my_notes_section(lang, data.example_notes)
        body.append(_section(lang, "data.example_notes", notes))
        actions += note_actions
    if data.evaluations:  # step 8: the person's own evaluation answers (shown to others only without a name)
        answers, answer_actions = my_evaluations_section(lang, data.evaluations)
        body.append(_section(lang, "data.evaluations", answers))
        actions += answer_actions
    if data.surveys:  # the end-of-cycle survey: the person's own answers (shown to others only without a name)
        survey_rows, survey_actions = my_surveys_section(lang, concept, data.surveys)
        body.append(_section(lang, "data.surveys", survey_rows))
        actions += survey_actions
    if data.leader_loops:  # the leader's own development plan and feedback (private unless shared or posted)
        loop_rows, loop_actions = my_leader_section(lang, data.leader_loops)
        body.append(_section(lang, "data.leader_loops", loop_rows))
        actions += loop_actions
    if data.immediate_answers:  # step 9: the person's own answers (shown to others only without a name)
        immediate_rows, immediate_actions = my_immediate_section(lang, data.immediate_answers)
        body.append(_section(lang, "data.immediate_answers", immediate_rows))
        actions += immediate_actions
    if data.hr_comments:  # the comments written when the coordination committee forwarded to HR
        comment_rows, comment_actions = my_forward_comments_section(lang, data.hr_comments)
        body.append(_section(lang, "data.hr_comments", comment_rows))
        actions += comment_actions
    body.append(_section(lang, "data.reminders", [
        _labelled("•", t(lang, "data.reminder.line", date=format_date(lang, r.due_at.date()), status=r.status)) for r in data.reminders
    ]))
    body.append(container([
        subheading(t(lang, "data.audit"), separator=True),
        text(t(lang, "data.audit.count", count=len(data.audit)), spacing="Small"),
        text(t(lang, "data.rights"), subtle=True, spacing="Medium"),
    ]))
    actions.insert(0, submit(t(lang, "action.data.export"), DataExport))
    if privacy_url:
        actions.append(open_url(t(lang, "action.privacy"), privacy_url))
    return card(body, actions)


def my_forward_comments_section(lang: str, comments: Sequence[StoredForwardComment]) -> tuple[list[Element], list[Element]]:
    """The person's forwards to HR with the comment they wrote, and a delete button for each comment still there."""
    rows: list[Element] = []
    actions: list[Element] = []
    for c in comments:
        items: list[Element] = [verbatim(c.committee_name or "–", prefix=format_date(lang, local_date(c.forwarded_at)) + " · ",
                                         prefix_subtle=True, spacing="Small")]
        items.append(verbatim(c.comment, spacing="None") if c.comment else text(t(lang, "data.hr_comment.none"), subtle=True, spacing="None"))
        rows.append(container(items, spacing="Medium"))
        if c.comment:
            label = t(lang, "action.hr_comment.delete", date=format_date(lang, local_date(c.forwarded_at)))
            actions.append(submit(label, ForwardCommentDelete, style="destructive", forward_id=c.forward_id))
    return rows, actions


def _section(lang: str, title_key: str, rows: list[Element]) -> Element:
    items: list[Element] = [subheading(t(lang, title_key), separator=True)]
    items += rows[:MAX_LIST_ROWS] or [text(t(lang, "data.none"), subtle=True)]
    if len(rows) > MAX_LIST_ROWS:
        items.append(text(t(lang, "data.more", count=len(rows) - MAX_LIST_ROWS), subtle=True))
    return container(items)


def _nomination(lang: str, concept: Concept, n: StoredNomination, *, full: bool) -> Element:
    items: list[Element] = [
        _labelled(t(lang, "data.nomination.round"), t(lang, "data.nomination.round.value", workplace=n.team_name or "–", deadline=format_date(lang, n.deadline))),
    ]
    for kind in Kind:
        choice = n.nomination.choice(kind)
        items.append(theme_title_block(lang, concept, choice))
        if full:
            items += [verbatim(choice.why_me, spacing="None"), verbatim(choice.core_task, spacing="Small")]
    if n.entered_by:  # typed in by the contact person from the person's paper form
        items.append(text(t(lang, "data.nomination.paper"), subtle=True, spacing="Small"))
    items.append(text(t(lang, "data.nomination.open" if n.is_open else "data.nomination.closed"), subtle=True, spacing="Small"))
    return container(items, spacing="Medium")


def delete_confirm_card(lang: str, *, round_id: str, workplace: str) -> Element:
    """Are you sure? Deleting cannot be undone, but a new nomination can be sent while open."""
    body = [
        heading(t(lang, "delete.title"), size="Medium"),
        _labelled(t(lang, "data.nomination.round"), workplace or "–"),
        text(t(lang, "delete.text"), spacing="Small"),
    ]
    return card(body, [
        submit(t(lang, "action.delete.confirm"), NominationDeleteConfirm, style="destructive", round_id=round_id),
        submit(t(lang, "action.delete.cancel"), DataShow),
    ])


def data_export_cards(lang: str, json_text: str) -> list[Element]:
    """The export shown verbatim, one monospace TextRun per line, split so each message fits."""
    chunks: list[list[str]] = [[]]
    size = 0
    for line in json_text.split("\n"):
        cost = json_size(line) + 60  # the line's TextRun and RichTextBlock around it
        if chunks[-1] and size + cost > EXPORT_CHUNK_BYTES:
            chunks.append([])
            size = 0
        while json_size(line) + 60 > EXPORT_CHUNK_BYTES:  # a single huge line (cannot happen with indent=1 and capped fields)
            head, line = line[:2_000], line[2_000:]
            chunks[-1].append(head)
            chunks.append([])
        chunks[-1].append(line)
        size += cost
    out = []
    for index, lines in enumerate(chunks, start=1):
        body: list[Element] = [
            heading(t(lang, "export.title", part=index, parts=len(chunks)), size="Medium"),
            text(t(lang, "export.intro"), subtle=True, spacing="Small"),
        ]
        body += [{"type": "RichTextBlock", "spacing": "None", "inlines": [{"type": "TextRun", "text": line or " ", "fontType": "Monospace"}]} for line in lines]
        out.append(card(body))
    return out
