"""The planning group's choice of the day's themes (step 4), one per dialogue.

Who may choose, and whether a choice changes anything, are the rules of
bot/process/selection.py; this module keeps the one rule the database must enforce: once the
themes are announced (step 5) nothing changes them. Both writes are a single statement with
that guard in it, so a change racing the announcement, or two announcements racing each other
in two processes, leave one consistent answer.
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from ..process.concept import Kind
from ..process.dialogue import Dialogue
from ..process.selection import ChosenTheme, Selection, SelectionInput
from .dialogue import dialogue_from_row
from .engine import Repository
from .models import Dialogue as DialogueRow, NominationRound, ThemeSelection

_S = ThemeSelection.__table__
_D = DialogueRow.__table__
_R = NominationRound.__table__


# The kind a one-kind dialogue does not run (process/selection.py) has no theme: kept as an empty
# theme id and reason, which no chosen theme can have (ids and reasons are never empty).
_NOT_RUN = ChosenTheme(Kind.WELLBEING, "", None, "", 0)


def _columns(selection: Selection) -> dict[str, object]:
    out: dict[str, object] = {"chosen_by": selection.chosen_by, "chosen_at": selection.chosen_at}
    for kind in Kind:
        chosen = selection.themes.choice(kind) or _NOT_RUN
        out[f"{kind.value}_theme_id"] = chosen.theme_id
        out[f"{kind.value}_own_title"] = chosen.own_title
        out[f"{kind.value}_reason"] = chosen.reason
        out[f"{kind.value}_nominations"] = chosen.nominations
    return out


def _selection(row) -> Selection:  # noqa: ANN001 (a Core row)
    def chosen(kind: Kind) -> ChosenTheme | None:
        p = kind.value
        if not getattr(row, f"{p}_theme_id"):
            return None
        return ChosenTheme(kind, getattr(row, f"{p}_theme_id"), getattr(row, f"{p}_own_title"), getattr(row, f"{p}_reason"),
                           getattr(row, f"{p}_nominations"))

    return Selection(row.dialogue_id, SelectionInput(chosen(Kind.WELLBEING), chosen(Kind.LEADERSHIP)), row.chosen_by,
                     row.chosen_at, row.announced_at)


class Selections(Repository):
    """The chosen themes by dialogue."""

    async def get(self, dialogue_id: str) -> Selection | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_S).where(_S.c.dialogue_id == dialogue_id))).first()
        return _selection(row) if row else None

    async def save(self, selection: Selection) -> Selection | None:
        """Store or replace the dialogue's choice; None, storing nothing, once it is announced.

        One upsert whose update is guarded by ``announced_at IS NULL``: a change and the
        announcement can never interleave, whichever process each runs in."""
        values = _columns(selection)
        stmt = (
            self.conflict_insert(_S).values(dialogue_id=selection.dialogue_id, announced_at=None, **values)
            .on_conflict_do_update(index_elements=[_S.c.dialogue_id], set_=values, where=_S.c.announced_at.is_(None))
            .returning(*_S.columns)
        )
        async with self.engine.begin() as conn:
            row = (await conn.execute(stmt)).first()
        return _selection(row) if row else None

    async def mark_announced(self, dialogue_id: str, now: datetime) -> Selection | None:
        """Fix the choice as told to the employees: the announced selection for the first caller;
        None when nothing is chosen yet or it was announced already (by this caller or another)."""
        stmt = (
            sa.update(_S).where(_S.c.dialogue_id == dialogue_id, _S.c.announced_at.is_(None))
            .values(announced_at=now).returning(*_S.columns)
        )
        async with self.engine.begin() as conn:
            row = (await conn.execute(stmt)).first()
        return _selection(row) if row else None

    async def dialogue(self, dialogue_id: str) -> Dialogue | None:
        """The dialogue a card names, with its latest round; None for an id we never issued."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_D).where(_D.c.id == dialogue_id))).first()
            if row is None:
                return None
            latest = (await conn.execute(
                sa.select(_R).where(_R.c.dialogue_id == row.id).order_by(_R.c.opened_at.desc()).limit(1)
            )).first()
        return dialogue_from_row(row, latest)

    async def of_person(self, user_id: str) -> list[tuple[str, str, Selection]]:
        """(dialogue id, team id, selection) of every choice ``user_id`` made last, for "mine data"."""
        query = (sa.select(_S, _D.c.team_id).join(_D, _D.c.id == _S.c.dialogue_id)
                 .where(_S.c.chosen_by == user_id).order_by(_S.c.chosen_at.desc()))
        async with self.engine.connect() as conn:
            return [(row.dialogue_id, row.team_id, _selection(row)) for row in (await conn.execute(query)).all()]
