"""``store.hr_overview``: what HR's overview reads, for one cycle, in three statements (no tables of its own).

The latest version each workplace sent in the cycle (one dialogue per workplace and cycle, so the
latest per dialogue is the latest per workplace), when each of those plans was adopted, and every
status recorded for their initiatives. Grouping and counting are the process layer's
(bot/process/hr_overview.py); the statements only select, so 1,500 workplaces cost three reads.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from ..process.follow_up import Status, StatusEntry
from ..process.organisation import Submission
from .engine import Repository
from .models import CommitteeSubmission, DevelopmentPlanRow, Dialogue, InitiativeStatus
from .organisation import _submission  # the one decoder of a stored snapshot, shared with store.organisation

_S = CommitteeSubmission.__table__
_D = Dialogue.__table__
_P = DevelopmentPlanRow.__table__
_I = InitiativeStatus.__table__


@dataclass(frozen=True)
class HrInputs:
    submissions: list[Submission]
    adopted: dict[str, datetime]  # dialogue id -> when its plan was adopted
    statuses: dict[str, list[StatusEntry]] = field(default_factory=dict)  # dialogue id -> statuses, oldest first


class HrOverviewQueries(Repository):
    async def inputs(self, cycle: int) -> HrInputs:
        """Everything the overview of ``cycle`` needs."""
        latest = (sa.select(_S.c.dialogue_id, sa.func.max(_S.c.version).label("version"))
                  .join(_D, _D.c.id == _S.c.dialogue_id).where(_D.c.cycle == cycle).group_by(_S.c.dialogue_id).subquery())
        sent = sa.select(_S).join(latest, sa.and_(latest.c.dialogue_id == _S.c.dialogue_id, latest.c.version == _S.c.version))
        in_cycle = sa.select(latest.c.dialogue_id)
        adopted = sa.select(_P.c.dialogue_id, _P.c.adopted_at).where(_P.c.dialogue_id.in_(in_cycle), _P.c.adopted_at.is_not(None))
        statuses = sa.select(_I).where(_I.c.dialogue_id.in_(in_cycle)).order_by(_I.c.at, _I.c.id)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(sent)).all()
            adopted_rows = (await conn.execute(adopted)).all()
            status_rows = (await conn.execute(statuses)).all()
        by_dialogue: dict[str, list[StatusEntry]] = defaultdict(list)
        for r in status_rows:
            by_dialogue[r.dialogue_id].append(StatusEntry(r.dialogue_id, r.initiative_id, Status(r.status), "", r.by, r.at))
        return HrInputs([_submission(r, {}) for r in rows], {r.dialogue_id: r.adopted_at for r in adopted_rows}, dict(by_dialogue))

    async def latest_cycle(self) -> int | None:
        """The newest cycle any workplace sent on in (HR's overview shows it unless asked for another)."""
        query = sa.select(sa.func.max(_D.c.cycle)).select_from(_S.join(_D, _D.c.id == _S.c.dialogue_id))
        async with self.engine.connect() as conn:
            return (await conn.execute(query)).scalar()
