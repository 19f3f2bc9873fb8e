"""The groups of the day's two rounds, one grouping per dialogue (step 7). How groups are formed
and re-formed is bot/process/grouping.py; this keeps the result, who was marked absent, and a
version that counts every save, so a card pressed after someone else changed the groups can be
told apart from a current one."""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ..process.grouping import Grouping, Groups, SavedGrouping, repeated_pairs
from .engine import Repository
from .models import Dialogue, GroupingRow

_T = GroupingRow.__table__
_C = _T.c
_D = Dialogue.__table__


def _groups(text: str) -> Groups:
    return tuple(tuple(str(p) for p in g) for g in json.loads(text))


def _saved(row) -> SavedGrouping:  # noqa: ANN001
    wellbeing, leadership = _groups(row.wellbeing), _groups(row.leadership)
    grouping = Grouping(wellbeing, leadership, repeated_pairs(wellbeing, leadership), row.fewest_possible, row.seed)
    return SavedGrouping(row.dialogue_id, grouping, frozenset(json.loads(row.absent)), row.first_held, row.version,
                         row.formed_by, row.formed_at)


class Groupings(Repository):
    """The grouping of each dialogue."""

    async def record(self, dialogue_id: str) -> SavedGrouping | None:
        """The grouping with its absentees, version and who formed it; None before it is formed."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_T).where(_C.dialogue_id == dialogue_id))).first()
        return _saved(row) if row is not None else None

    async def get(self, dialogue_id: str) -> Grouping | None:
        saved = await self.record(dialogue_id)
        return saved.grouping if saved else None

    async def absent(self, dialogue_id: str) -> set[str]:
        saved = await self.record(dialogue_id)
        return set(saved.absent) if saved else set()

    async def save(self, dialogue_id: str, grouping: Grouping, *, absent: Iterable[str], by: str, now: datetime,
                   first_held: bool | None = None, expected_version: int | None = None) -> int | None:
        """Store ``grouping`` as the dialogue's next version; returns that version.

        With ``expected_version`` (the version a card showed) nothing is stored and None comes
        back if the stored version is another one by now: someone changed the groups meanwhile,
        and a stale card must not undo it. ``first_held`` None keeps what was stored."""
        values = {
            "seed": grouping.seed, "wellbeing": json.dumps([list(g) for g in grouping.wellbeing]),
            "leadership": json.dumps([list(g) for g in grouping.leadership]), "fewest_possible": grouping.fewest_possible,
            "absent": json.dumps(sorted(set(absent))), "formed_by": by, "formed_at": now,
        }
        try:
            async with self.engine.begin() as conn:
                current = (await conn.execute(sa.select(_C.version, _C.first_held).where(_C.dialogue_id == dialogue_id))).first()
                if current is None:
                    if expected_version not in (None, 0):
                        return None
                    await conn.execute(sa.insert(_T).values(dialogue_id=dialogue_id, version=1, first_held=first_held, **values))
                    return 1
                if expected_version is not None and expected_version != current.version:
                    return None
                held = current.first_held if first_held is None else first_held
                # The version in the WHERE makes two simultaneous saves of one version one save.
                done = await conn.execute(sa.update(_T).where(_C.dialogue_id == dialogue_id, _C.version == current.version)
                                          .values(version=current.version + 1, first_held=held, **values))
                return current.version + 1 if done.rowcount == 1 else None
        except IntegrityError:  # a simultaneous first formation won: this one is stale
            return None

    async def team_of(self, dialogue_id: str) -> str | None:
        """The workplace (team id) whose dialogue this is, so a card's dialogue id is checked
        against the sender's rights in that team, never taken on trust."""
        async with self.engine.connect() as conn:
            return (await conn.execute(sa.select(_D.c.team_id).where(_D.c.id == dialogue_id))).scalar_one_or_none()

    async def delete(self, dialogue_id: str) -> None:
        """Forget the grouping (retention: who sat where is personal data once the day is past)."""
        async with self.engine.begin() as conn:
            await conn.execute(sa.delete(_T).where(_C.dialogue_id == dialogue_id))
