"""The editor of one initiative's action plan (handleplan, step 10), in the guide's template's order:
initiative, why, actions, timeline and milestones, follow-up, owner, communication, IGLO, and
whether it needs support from the organisation. The groups' desired actions are offered to copy."""
from __future__ import annotations

from bot.process.development_plan import (
    ACTION_MAX_CHARS, FIELD_ACTIONS, FIELD_ASK, FIELD_COMMUNICATION, FIELD_COPY, FIELD_FOLLOW_UP, FIELD_NEEDS_ORGANISATION,
    FIELD_OWNER, FIELD_TITLE, FIELD_WHY, LABEL_MAX_CHARS, MAX_ACTIONS, TEXT_MAX_CHARS, TITLE_MAX_CHARS, FieldError, Initiative,
    Level, Phase, iglo_field, milestone_fields,
)

from ..texts import has_text, t
from .development_plan import InitiativeSave, PlanShow
from .elements import MAX_MESSAGE_BYTES, Element, card, container, heading, json_size, subheading, submit, text, verbatim

# The groups' desired actions offered to copy are labels only (the server copies the stored text by
# number): shortened, longest first, when 60 of them beside a full action plan would not fit; at
# the last resort (every field full) left out with a note, as the actions can still be typed.
COPY_LABEL_LIMITS = (None, 150, 80, 40, 20, 0)


def initiative_values(initiative: Initiative | None) -> dict[str, str]:
    """The editor's inputs filled from a stored initiative."""
    if initiative is None:
        return {}
    values = {FIELD_TITLE: initiative.title, FIELD_WHY: initiative.why, FIELD_ACTIONS: "\n".join(initiative.actions),
              FIELD_FOLLOW_UP: initiative.follow_up, FIELD_OWNER: initiative.owner_id or "",
              FIELD_COMMUNICATION: initiative.communication,
              FIELD_NEEDS_ORGANISATION: "true" if initiative.needs_organisation else "false", FIELD_ASK: initiative.ask}
    for m in initiative.milestones:
        label, due = milestone_fields(m.phase)
        values[label], values[due] = m.label, m.due.isoformat()
    for level, value in initiative.iglo:
        values[iglo_field(level)] = value
    return values


def error_text(lang: str, error: FieldError) -> str:
    key = f"devplan.error.{error.code}"
    return t(lang, key if has_text(lang, key) else "devplan.error.other", limit=error.limit or "")


def _input(lang: str, name: str, label: str, values: dict[str, str], errors: list[FieldError], *, limit: int,
           multiline: bool = True, required: bool = False) -> list[Element]:
    field: Element = {"type": "Input.Text", "id": name, "label": label, "maxLength": limit, "isMultiline": multiline}
    if required:
        field.update(isRequired=True, errorMessage=t(lang, "devplan.error.required"))
    if values.get(name):
        field["value"] = values[name]
    return [field] + [text(error_text(lang, e), color="Attention", spacing="Small") for e in errors if e.field == name]


def initiative_card(lang: str, *, dialogue_id: str, version: int | None, initiative_id: str | None, values: dict[str, str],
                    members: list[tuple[str, str]], desired_actions: list[str], errors: list[FieldError] | None = None,
                    topic_title: str | None = None) -> Element:
    """The action plan of one initiative to fill in (``values``: stored or just sent, with ``errors``).

    ``members`` are (user id, name) of the team's people (the owner is chosen among them);
    ``desired_actions`` the groups' desired actions, offered by number (the server copies the text)."""
    errors = errors or []
    body: list[Element] = [heading(t(lang, "devplan.edit.title")), text(t(lang, "devplan.edit.intro"), spacing="Small")]
    if topic_title:
        body.append(verbatim(topic_title, prefix=t(lang, "devplan.from_topic"), prefix_subtle=True))
    if errors:
        body.append(container([text(t(lang, "devplan.errors.title"), weight="Bolder", color="Attention")], style="attention"))
    body += _input(lang, FIELD_TITLE, t(lang, "devplan.field.title"), values, errors, limit=TITLE_MAX_CHARS, multiline=False,
                   required=True)
    body += _input(lang, FIELD_WHY, t(lang, "devplan.field.why"), values, errors, limit=TEXT_MAX_CHARS)
    body.append(subheading(t(lang, "devplan.actions"), separator=True))
    body += _input(lang, FIELD_ACTIONS, t(lang, "devplan.field.actions"), values, errors,
                   limit=MAX_ACTIONS * (ACTION_MAX_CHARS + 1))
    copy_at = len(body)
    body.append(subheading(t(lang, "devplan.milestones"), separator=True))
    for phase in Phase:
        label_field, due_field = milestone_fields(phase)
        name = t(lang, f"devplan.phase.{phase.value}")
        body += _input(lang, label_field, t(lang, "devplan.field.milestone_label", phase=name), values, errors,
                       limit=LABEL_MAX_CHARS, multiline=False)
        due: Element = {"type": "Input.Date", "id": due_field, "label": t(lang, "devplan.field.milestone_due", phase=name)}
        if values.get(due_field):
            due["value"] = values[due_field][:10]
        body.append(due)
        body += [text(error_text(lang, e), color="Attention", spacing="Small") for e in errors if e.field == due_field]
    body.append(subheading(t(lang, "devplan.field.follow_up"), separator=True))
    body += _input(lang, FIELD_FOLLOW_UP, t(lang, "devplan.field.follow_up"), values, errors, limit=TEXT_MAX_CHARS)
    owner: Element = {"type": "Input.ChoiceSet", "id": FIELD_OWNER, "label": t(lang, "devplan.field.owner"), "style": "compact",
                      "choices": [{"title": name, "value": user_id} for user_id, name in members]}
    if values.get(FIELD_OWNER) in {u for u, _ in members}:
        owner["value"] = values[FIELD_OWNER]
    body.append(owner)
    body += [text(error_text(lang, e), color="Attention", spacing="Small") for e in errors if e.field == FIELD_OWNER]
    body += _input(lang, FIELD_COMMUNICATION, t(lang, "devplan.field.communication"), values, errors, limit=TEXT_MAX_CHARS)
    body.append(subheading(t(lang, "devplan.iglo"), separator=True))
    for level in Level:
        body += _input(lang, iglo_field(level), t(lang, "devplan.field.iglo", level=t(lang, f"devplan.level.{level.value}")),
                       values, errors, limit=TEXT_MAX_CHARS)
    body.append({"type": "Input.Toggle", "id": FIELD_NEEDS_ORGANISATION, "title": t(lang, "devplan.field.needs_organisation"),
                 "value": "true" if values.get(FIELD_NEEDS_ORGANISATION) == "true" else "false", "valueOn": "true", "valueOff": "false"})
    body += _input(lang, FIELD_ASK, t(lang, "devplan.field.ask"), values, errors, limit=TEXT_MAX_CHARS)
    data = {"dialogue_id": dialogue_id, "version": version, "initiative_id": initiative_id}
    actions = [submit(t(lang, "devplan.button.save"), InitiativeSave, style="positive", **{k: v for k, v in data.items() if v is not None}),
               submit(t(lang, "devplan.button.back"), PlanShow, dialogue_id=dialogue_id)]
    for limit in COPY_LABEL_LIMITS:
        built = card(body[:copy_at] + _copy_choices(lang, desired_actions, limit) + body[copy_at:], actions)
        if json_size(built) < MAX_MESSAGE_BYTES - 2_000:
            break
    return built


def _copy_choices(lang: str, desired_actions: list[str], limit: int | None) -> list[Element]:
    if not desired_actions:
        return []
    if limit == 0:
        return [text(t(lang, "devplan.copy_left_out"), subtle=True, spacing="Small")]
    cut = [a if limit is None or len(a) <= limit else a[:limit].rstrip() + "…" for a in desired_actions]
    return [{"type": "Input.ChoiceSet", "id": FIELD_COPY, "label": t(lang, "devplan.field.copy"), "isMultiSelect": True,
             "style": "expanded", "choices": [{"title": a, "value": f"a{n}"} for n, a in enumerate(cut, start=1)]}]
