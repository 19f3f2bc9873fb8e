"""Preparing the everyday examples (step 6): an employee's private notes and ready mark.

The employee's card shows both chosen themes with Bilag 1's description, the guide's hints, a
private note per theme and the ready toggle; from the day's date on, ``notes_card`` shows the
notes back read-only (the run-sheet's owner may show it too). The planning group's card holds
counts only, never notes or names. What a person wrote is shown through TextRuns (``verbatim``).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import time
from typing import ClassVar

from pydantic import field_validator

from bot.process.concept import Concept, Kind
from bot.process.everyday_example import (
    DEFAULT_DAYS_BEFORE,
    FIELD_NOTE,
    NOTE_MAX_CHARS,
    ExampleNotes,
    Preparation,
    Readiness,
)
from bot.process.invitation import DialogueDay
from bot.process.my_data import StoredExampleNotes
from bot.process.nomination import FieldError
from bot.process.selection import ChosenTheme, SelectionInput

from ..texts import format_date, t
from .elements import Element, card, container, facts, heading, rich, run, subheading, submit, text, verbatim
from .form_errors import error_message
from .payload import Payload, RoundId, capped
from .themes import workplace_line

HARD_NOTE_LIMIT = 2 * NOTE_MAX_CHARS  # beyond this no card of ours could have sent it (payload.py)


class PrepareShow(Payload):
    """Open one's own preparation card (typed ``forbered`` / ``prepare``, or the invitation's button)."""

    VERB: ClassVar[str] = "example.show"
    dialogue_id: RoundId | None = None


class _WithNotes(Payload):
    dialogue_id: RoundId
    wellbeing_note: str | None = None
    leadership_note: str | None = None

    @field_validator("wellbeing_note", "leadership_note")
    @classmethod
    def _cap(cls, value: str | None) -> str | None:
        return capped(value, HARD_NOTE_LIMIT)

    def note_values(self) -> dict[str, str | None]:
        """The card's note inputs by input id, for ``parse_notes``."""
        return {FIELD_NOTE.format(kind=kind.value): getattr(self, FIELD_NOTE.format(kind=kind.value)) for kind in Kind}


class PrepareSave(_WithNotes):
    """Save the private notes."""

    VERB: ClassVar[str] = "example.save"


class PrepareReady(_WithNotes):
    """"Jeg er klar" (ready=True) or "not ready after all"; the notes typed so far are saved with it."""

    VERB: ClassVar[str] = "example.ready"
    ready: bool


class PreparationShow(Payload):
    """The planning group asks how far the preparation has come (counts only)."""

    VERB: ClassVar[str] = "preparation.show"


class ExampleNotesDelete(Payload):
    """"Mine data": ask before deleting one's notes for a dialogue."""

    VERB: ClassVar[str] = "example.delete"
    dialogue_id: RoundId


class ExampleNotesDeleteConfirm(Payload):
    """Yes, delete them."""

    VERB: ClassVar[str] = "example.delete.confirm"
    dialogue_id: RoundId


def clock_time(lang: str, start: time) -> str:
    """'08.00' as Danes write it, '08:00' in English."""
    return f"{start:%H.%M}" if lang == "da" else f"{start:%H:%M}"


def day_line(lang: str, day: DialogueDay) -> Element:
    return text(t(lang, "example.day", date=format_date(lang, day.date), time=clock_time(lang, day.start)), weight="Bolder",
                spacing="Small")


def theme_block(lang: str, concept: Concept, chosen: ChosenTheme, *, describe: bool = True) -> list[Element]:
    """The chosen theme under its kind's label: the catalogue's title and description, or the own
    proposal's title (the planning group's words, verbatim)."""
    catalogue = concept.catalogue(chosen.kind)
    out: list[Element] = [subheading(catalogue.label(lang), separator=True)]
    if chosen.theme_id == catalogue.own_proposal.id:
        out.append(rich(run(catalogue.own_proposal.title(lang) + ": ", bold=True), run(chosen.own_title or "", bold=True), spacing="Small"))
        return out
    theme = catalogue.find(chosen.theme_id)
    if theme is None:  # removed from the concept since it was chosen
        out.append(verbatim(chosen.theme_id, bold=True, spacing="Small"))
        return out
    out.append(text(theme.title(lang), weight="Bolder", spacing="Small"))
    if describe:
        out.append(text(theme.description(lang), subtle=True, spacing="Small"))
    return out


def preparation_card(
    lang: str, concept: Concept, *, dialogue_id: str, themes: SelectionInput, preparation: Preparation,
    day: DialogueDay | None = None, workplace_name: str = "", values: Mapping[str, str] | None = None,
    errors: Sequence[FieldError] = (), saved: str | None = None,
) -> Element:
    """The employee's own card: both themes, the guide's hints, a private note per theme, the
    ready toggle. ``values`` refills a refused form; ``saved`` is "saved" or "unchanged"."""
    body: list[Element] = [heading(t(lang, "example.title"))]
    if workplace_name:
        body.append(workplace_line(lang, concept, workplace_name))
    if day is not None:
        body.append(day_line(lang, day))
    body += [text(t(lang, "example.intro"), spacing="Small"), text(t(lang, "example.hint"), spacing="Small"),
             text(t(lang, "example.forward"), subtle=True, spacing="Small")]
    for kind in themes.kinds:  # one on a one-kind day (DTU)
        name = FIELD_NOTE.format(kind=kind.value)
        body += theme_block(lang, concept, themes.choice(kind))
        filled = values.get(name) if values is not None else preparation.notes.note(kind)
        note: Element = {
            "type": "Input.Text", "id": name, "label": t(lang, f"example.note.label.{kind.value}"), "isMultiline": True,
            "maxLength": NOTE_MAX_CHARS, "placeholder": t(lang, "example.note.placeholder"),
            "errorMessage": t(lang, "nomination.error.too_long", limit=NOTE_MAX_CHARS),
        }
        if filled:
            note["value"] = filled
        body.append(note)
        body += [text(error_message(lang, e), color="Attention", spacing="Small") for e in errors if e.field == name]
    body.append(text(t(lang, "example.private"), subtle=True, spacing="Medium"))
    if saved:
        body.append(text(t(lang, "example.saved" if saved == "saved" else "example.unchanged"), color="Good", weight="Bolder"))
    body.append(text(t(lang, "example.status.ready" if preparation.ready else "example.status.not_ready"),
                     color="Good" if preparation.ready else None, spacing="Small"))
    actions = [submit(t(lang, "action.example.save"), PrepareSave, dialogue_id=dialogue_id)]
    if preparation.ready:
        actions.append(submit(t(lang, "action.example.not_ready"), PrepareReady, dialogue_id=dialogue_id, ready=False))
    else:
        actions.append(submit(t(lang, "action.example.ready"), PrepareReady, style="positive", dialogue_id=dialogue_id, ready=True))
    return card(body, actions)


def notes_card(lang: str, concept: Concept, *, themes: SelectionInput, notes: ExampleNotes, day: DialogueDay | None = None,
               workplace_name: str = "", today: bool = True) -> Element:
    """The person's notes shown back, read-only: "Dine noter til i dag" on the day (``today``)."""
    body: list[Element] = [heading(t(lang, "example.notes.title.today" if today else "example.notes.title.later"))]
    if workplace_name:
        body.append(workplace_line(lang, concept, workplace_name))
    if day is not None and not today:
        body.append(day_line(lang, day))
    body.append(text(t(lang, "example.notes.tip"), subtle=True, spacing="Small"))
    for kind in themes.kinds:
        body += theme_block(lang, concept, themes.choice(kind), describe=False)
        written = notes.note(kind)
        body.append(verbatim(written, spacing="Small") if written else text(t(lang, "example.notes.none"), subtle=True, spacing="Small"))
    body.append(text(t(lang, "example.notes.private"), subtle=True, spacing="Medium"))
    return card(body)


def example_reminder_card(lang: str, concept: Concept, *, dialogue_id: str, themes: SelectionInput, day: DialogueDay,
                          workplace_name: str = "") -> Element:
    """"Husk at forberede dit eksempel fra hverdagen": the day, both themes, the way to the card."""
    body: list[Element] = [heading(t(lang, "example.reminder.title"))]
    if workplace_name:
        body.append(workplace_line(lang, concept, workplace_name))
    reminder = "example.reminder.text" if len(themes.kinds) > 1 else "example.reminder.text.one_kind"
    body.append(text(t(lang, reminder, date=format_date(lang, day.date)), spacing="Small"))
    for kind in themes.kinds:
        body += theme_block(lang, concept, themes.choice(kind), describe=False)
    body.append(text(t(lang, "example.reminder.ready"), subtle=True, spacing="Medium"))
    return card(body, [submit(t(lang, "action.example.open"), PrepareShow, style="positive", dialogue_id=dialogue_id)])


def readiness_card(lang: str, readiness: Readiness, *, workplace_name: str = "", concept: Concept | None = None,
                   day: DialogueDay | None = None, days_before: tuple[int, ...] = DEFAULT_DAYS_BEFORE) -> Element:
    """The planning group's view: how many are invited, coming, cannot come, ready. Counts only."""
    r = readiness
    body: list[Element] = [heading(t(lang, "preparation.title"))]
    if workplace_name and concept is not None:
        body.append(workplace_line(lang, concept, workplace_name))
    if day is not None:
        body.append(day_line(lang, day))
    body += [
        facts([
            (t(lang, "preparation.invited"), str(r.invited)),
            (t(lang, "preparation.coming"), str(r.coming)),
            (t(lang, "preparation.cannot_come"), str(r.cannot_come)),
            (t(lang, "preparation.not_answered"), str(r.invited - r.coming - r.cannot_come)),
            (t(lang, "preparation.ready"), t(lang, "preparation.ready.value", ready=r.ready, invited=r.invited)),
        ]),
        text(t(lang, "preparation.private"), subtle=True, spacing="Small"),
        text(t(lang, "preparation.support"), spacing="Medium"),
    ]
    if len(days_before) == 2:
        body.append(text(t(lang, "preparation.reminders", first=days_before[0], second=days_before[1]), subtle=True, spacing="Small"))
    return card(body)


def readiness_line(lang: str, readiness: Readiness) -> tuple[str, str]:
    """The status card's one line (a FactSet pair): counts only."""
    r = readiness
    return t(lang, "status.preparation"), t(lang, "status.preparation.value", ready=r.ready, invited=r.invited, coming=r.coming,
                                            cannot_come=r.cannot_come)


def my_notes_section(lang: str, stored: Sequence[StoredExampleNotes]) -> tuple[list[Element], list[Element]]:
    """"Mine data": the person's notes per dialogue, verbatim, and a delete button for each."""
    rows: list[Element] = []
    actions: list[Element] = []
    for n in stored:
        items: list[Element] = [rich(run("•", bold=True), run(" " + (n.team_name or "–"), bold=True), spacing="Small")]
        for kind, written in ((Kind.WELLBEING, n.wellbeing), (Kind.LEADERSHIP, n.leadership)):
            if written:
                items.append(verbatim(written, prefix=t(lang, f"example.note.label.{kind.value}") + ": ", prefix_subtle=True, spacing="Small"))
        if n.ready_at is not None:
            items.append(text(t(lang, "data.example_notes.ready", date=n.ready_at), subtle=True, spacing="Small"))
        rows.append(container(items, spacing="Small"))
        actions.append(submit(t(lang, "action.example.delete", workplace=n.team_name or "")[:60].strip(), ExampleNotesDelete,
                              style="destructive", dialogue_id=n.dialogue_id))
    return rows, actions


def notes_delete_confirm_card(lang: str, *, dialogue_id: str, workplace: str) -> Element:
    """Are you sure? The notes and the ready mark go; new notes can be written while invited."""
    from .my_data import DataShow  # the card "Fortryd" goes back to (imported here: my_data imports this module)

    body = [
        heading(t(lang, "example.delete.title"), size="Medium"),
        verbatim(workplace or "–", bold=True, spacing="Small"),
        text(t(lang, "example.delete.text"), spacing="Small"),
    ]
    return card(body, [
        submit(t(lang, "action.example.delete.confirm"), ExampleNotesDeleteConfirm, style="destructive", dialogue_id=dialogue_id),
        submit(t(lang, "action.example.delete.cancel"), DataShow),
    ])
