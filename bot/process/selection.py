"""Step 4 of the guide (Planlægningsgruppen udvælger temaer): the planning group chooses the themes.

The planning group picks one well-being and one leadership theme for the day, and says briefly
why, because step 5 tells the employees "hvorfor netop disse temaer er valgt". A chosen theme
is one that was nominated (an own proposal included, under its own title), any theme of the
catalogue, or a new own proposal with a title the group writes. The tally ranks what was
nominated; the guide's considerations (``CONSIDERATIONS``) sit beside it, because "det er
nærliggende at vælge det tema, som flest medarbejdere ønsker", but not binding.

The rules, written down:

* Who. Any member of the planning group chooses, and any other member may see and change the
  choice; the latest choice stands (the guide gives the choice to the group, not to one person).
* When. Once nominations are closed (the tally is final), until the themes are announced
  (step 5). After that a change would contradict what employees were told, so it is refused.
  A workplace that runs no nomination round (DTU sets its themes itself) passes
  ``nominations_open=False``.
* What. Exactly one theme of each kind; an own proposal needs a title (one line); each kind
  needs a reason (``clean_text``, the concept's reason limit). Every field's problem is
  reported at once, in the nomination step's ``FieldError`` shape.
* Twice. A choice identical to the stored one is a double click: nothing new to store.
* Which dialogue. A concept with dialogue kinds (DTU: the well-being dialogue and the leadership
  dialogue, two concepts with one method) lets the planning group run one of them, or both as one
  day; the choice is made with the themes and changes until they are announced. The kind not
  run has no theme (``None``). Nyborg's day always holds both.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

from .concept import Concept, Kind, Localized, PerKind
from .nomination import FieldError
from .tally import KindTally, Tally, ThemeCount
from .text import TextRejected, clean_text, fold_title

# Card input ids, shared with bot/cards so the form and its parser cannot drift apart.
FIELD_THEME = "{kind}_theme"
FIELD_OWN_TITLE = "{kind}_own_title"
FIELD_REASON = "{kind}_reason"
NOMINATED_OWN_PREFIX = "own:"  # the tally's key of a nominated own proposal: "own:" + folded title


def field_name(template: str, kind: Kind) -> str:
    return template.format(kind=kind.value)


BOTH: tuple[Kind, ...] = tuple(Kind)
KIND_CHOICES = ("wellbeing", "leadership", "both")  # what the planning group may run (a DTU-like concept)


def kinds_from(value: str | None) -> tuple[Kind, ...]:
    """The kinds a stored or chosen value names: one kind, or both (None, "both")."""
    return (Kind(value),) if value in (Kind.WELLBEING.value, Kind.LEADERSHIP.value) else BOTH


def kinds_value(kinds: tuple[Kind, ...]) -> str | None:
    """What is stored for ``kinds``: the one kind's name, None for both (every dialogue before the choice existed)."""
    return kinds[0].value if len(kinds) == 1 else None


def chooses_kind(concept: Concept) -> bool:
    """Whether the planning group chooses which dialogue runs: only a concept with dialogue kinds."""
    return concept.dialogue_kinds is not None


@dataclass(frozen=True)
class Consideration:
    """One of the guide's questions for choosing a theme (section 4), in its own words.

    ``from_tally`` names the considerations the bot can point at from the nominations: the card
    shows the themes it returns (``tally_pointers``); the rest only the planning group knows.
    """

    id: str
    question: Localized
    from_tally: bool = False


# The guide's words (section 4); the English is ours. These are guide content like the theme
# catalogue, quoted beside the tally, so they live with the rule and not in a wording pass.
CONSIDERATIONS: tuple[Consideration, ...] = (
    Consideration("most_nominated", Localized(
        da="Det er nærliggende at vælge det tema, som flest medarbejdere ønsker at få fokus på.",
        en="The natural choice is the theme most employees want to focus on."), from_tally=True),
    Consideration("fills_most_in_inputs", Localized(
        da="Hvilket tema fylder mest i de inputs, vi har fået fra medarbejderne?",
        en="Which theme fills most in the input we have received from the employees?"), from_tally=True),
    Consideration("heard_in_daily_work", Localized(
        da="Hvilket tema hører vi mest om i dagligdagen?",
        en="Which theme do we hear most about in daily work?")),
    Consideration("apv_kom", Localized(
        da="Hvilket tema fylder i andre sammenhænge fx APV eller fra jeres KOM (MUS)?",
        en="Which theme matters in other contexts, e.g. the workplace assessment (APV) or your KOM (MUS)?")),
    Consideration("best_dialogue", Localized(
        da="Hvilket tema vil kunne skabe den bedste dialog som starten på en god udviklingsproces?",
        en="Which theme could create the best dialogue as the start of a good development process?")),
    Consideration("leader_theme", Localized(
        da="Har lederen et særligt tema i tankerne, der kan styrke trivsel og ledelse?",
        en="Does the leader have a particular theme in mind that can strengthen well-being and leadership?")),
)


def tally_pointers(kind_tally: KindTally) -> dict[str, tuple[ThemeCount, ...]]:
    """The themes the tally points at for each ``from_tally`` consideration (ties give several).

    "Most nominated" is the highest count. "Fills most in the inputs" is read as the most
    written in the reasons (characters of both answers): a local reading of the guide's
    question, shown as a pointer, never as the answer. Empty when nothing was nominated.
    """
    nominated = [t for t in kind_tally.themes if t.count > 0]
    if not nominated:
        return {"most_nominated": (), "fills_most_in_inputs": ()}

    def written(t: ThemeCount) -> int:
        return sum(len(r.why_me) + len(r.core_task) for r in t.reasons)

    top_count = max(t.count for t in nominated)
    top_written = max(written(t) for t in nominated)
    return {
        "most_nominated": tuple(t for t in nominated if t.count == top_count),
        "fills_most_in_inputs": tuple(t for t in nominated if written(t) == top_written and top_written > 0),
    }


@dataclass(frozen=True)
class ChosenTheme:
    kind: Kind
    theme_id: str  # a catalogue theme id, or the concept's own-proposal id
    own_title: str | None  # the title of an own proposal (nominated or new)
    reason: str
    nominations: int = 0  # how many nominated it (0: chosen without nominations)


@dataclass(frozen=True)
class SelectionInput(PerKind["ChosenTheme | None"]):
    """The planning group's choice: one theme of each kind the day runs, each with why (the kind
    not run, None)."""

    @property
    def kinds(self) -> tuple[Kind, ...]:
        return tuple(kind for kind in Kind if self.choice(kind) is not None)


@dataclass(frozen=True)
class Selection:
    """The themes chosen for a workplace's dialogue, by whom, and whether employees were told."""

    dialogue_id: str
    themes: SelectionInput
    chosen_by: str
    chosen_at: datetime
    announced_at: datetime | None = None


class SelectionInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors


class SelectionRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # not_planning_group | nominations_open | announced


def check_may_select(sender: str, *, planning_group: Collection[str], nominations_open: bool,
                     current: Selection | None) -> None:
    """A planning-group member may choose or change the themes after nominations, until announced."""
    if sender not in planning_group:
        raise SelectionRefused("not_planning_group")
    if nominations_open:
        raise SelectionRefused("nominations_open")
    if current is not None and current.announced_at is not None:
        raise SelectionRefused("announced")


def theme_choices(concept: Concept, kind: Kind, tally: Tally | None) -> list[tuple[str, str | Localized, int]]:
    """What the card offers for ``kind``: (value, title, nominations), nominated first in tally
    order, then the rest of the catalogue, then a new own proposal. The parser accepts exactly these."""
    catalogue = concept.catalogue(kind)
    out: list[tuple[str, str | Localized, int]] = []
    seen: set[str] = set()
    if tally is not None:
        for t in tally.kinds[kind].themes:
            nominated_own = t.is_own and t.theme_id.startswith(NOMINATED_OWN_PREFIX)
            if t.count > 0 and (nominated_own or catalogue.find(t.theme_id) is not None):
                out.append((t.theme_id, t.title, t.count))
                seen.add(t.theme_id)
    out += [(t.id, t.title, 0) for t in catalogue.themes if t.id not in seen]
    out.append((catalogue.own_proposal.id, catalogue.own_proposal.title, 0))
    return out


def parse_selection(concept: Concept, tally: Tally | None, values: Mapping[str, object], *,
                    kinds: tuple[Kind, ...] = BOTH) -> SelectionInput:
    """Card values into a selection of ``kinds``' themes, or SelectionInvalid with every field's problem at once."""
    errors: list[FieldError] = []
    chosen: dict[Kind, ChosenTheme] = {}
    for kind in kinds:
        catalogue = concept.catalogue(kind)
        offered = {value: (title, count) for value, title, count in theme_choices(concept, kind, tally)}
        theme_field = field_name(FIELD_THEME, kind)
        value = values.get(theme_field)
        theme_id, own_title, count = None, None, 0
        if value in (None, ""):
            errors.append(FieldError(theme_field, "required"))
        elif not isinstance(value, str) or value not in offered:
            errors.append(FieldError(theme_field, "unknown_choice"))
        elif value.startswith(NOMINATED_OWN_PREFIX):
            title, count = offered[value]
            theme_id, own_title = catalogue.own_proposal.id, str(title)
        else:
            theme_id, count = value, offered[value][1]
            if value == catalogue.own_proposal.id:
                own_title = _clean(values, field_name(FIELD_OWN_TITLE, kind), concept.limits.own_title_max_chars,
                                   errors, single_line=True)
                count = _nominations_of_title(tally, kind, own_title)
        reason = _clean(values, field_name(FIELD_REASON, kind), concept.limits.reason_max_chars, errors)
        if theme_id is not None and reason is not None and not any(e.field.startswith(kind.value) for e in errors):
            chosen[kind] = ChosenTheme(kind, theme_id, own_title, reason, count)
    if errors:
        raise SelectionInvalid(errors)
    return SelectionInput(chosen.get(Kind.WELLBEING), chosen.get(Kind.LEADERSHIP))


def _nominations_of_title(tally: Tally | None, kind: Kind, title: str | None) -> int:
    """A new own proposal whose title matches a nominated one counts that one's nominations."""
    if tally is None or not title:
        return 0
    key = NOMINATED_OWN_PREFIX + fold_title(title)
    return next((t.count for t in tally.kinds[kind].themes if t.theme_id == key), 0)


def _clean(values: Mapping[str, object], name: str, limit: int, errors: list[FieldError], *,
           single_line: bool = False) -> str | None:
    raw = values.get(name, "")
    try:
        return clean_text(raw if raw is not None else "", max_chars=limit, single_line=single_line)  # type: ignore[arg-type]
    except TextRejected as rejected:
        errors.append(FieldError(name, rejected.code, rejected.limit))
        return None


def is_unchanged(current: Selection | None, new: SelectionInput) -> bool:
    """The same choice sent again (a double click, a redelivered activity) changes nothing."""
    return current is not None and current.themes == new


def choose(current: Selection | None, new: SelectionInput, *, dialogue_id: str, sender: str, now: datetime) -> Selection:
    """The selection after ``sender`` chose ``new``; the unchanged one when nothing changed."""
    if current is not None and is_unchanged(current, new):
        return current
    return Selection(dialogue_id, new, sender, now)


def announce(selection: Selection, *, now: datetime) -> Selection:
    """Mark the themes as told to the employees (step 5); announcing twice keeps the first moment."""
    if selection.announced_at is not None:
        return selection
    return Selection(selection.dialogue_id, selection.themes, selection.chosen_by, selection.chosen_at, now)
