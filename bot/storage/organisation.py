"""``store.organisation``: administrators, coordination committees and HR, which committee each
workplace sends to, every version sent, and the forwards to HR (rules: process/organisation.py).

What a planning group sent stays as it was sent (JSON snapshots), and with the committee it was
sent to, even when the workplace is later linked to another committee.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ..process.organisation import (
    KIND_HR, Committee, Forward, Submission, changes_from_json, changes_to_json, committee_id_for, initiatives_from_json,
    initiatives_to_json, themes_from_json, themes_to_json,
)
from ..process.workplace import Workplace
from .engine import Repository
from .models import AdministratorRow, CommitteeLink, CommitteeRow, CommitteeSubmission, HrForward
from .models import Workplace as WorkplaceRow
from .workplace import workplace_from

_A = AdministratorRow.__table__
_C = CommitteeRow.__table__
_L = CommitteeLink.__table__
_S = CommitteeSubmission.__table__
_F = HrForward.__table__
_W = WorkplaceRow.__table__


def _committee(row) -> Committee:  # noqa: ANN001
    return Committee(row.id, row.team_id, row.name, row.kind, row.created_by, row.created_at)


def _submission(row, names: dict[str, str]) -> Submission:  # noqa: ANN001
    return Submission(committee_id=row.committee_id, team_id=row.team_id, dialogue_id=row.dialogue_id, version=row.version,
                      sent_at=row.sent_at, sent_by=row.sent_by, plan_version=row.plan_version,
                      initiatives=initiatives_from_json(json.loads(row.plan)), themes=themes_from_json(json.loads(row.themes)),
                      changes=changes_from_json(json.loads(row.changes) if row.changes else None),
                      workplace_name=names.get(row.team_id, ""))


class Organisation(Repository):
    # -- administrators ------------------------------------------------------------------------------
    async def administrators(self) -> list[str]:
        async with self.engine.connect() as conn:
            return [r.user_id for r in (await conn.execute(sa.select(_A.c.user_id).order_by(_A.c.granted_at))).all()]

    async def is_administrator(self, user_id: str) -> bool:
        async with self.engine.connect() as conn:
            return (await conn.execute(sa.select(_A.c.user_id).where(_A.c.user_id == user_id))).first() is not None

    async def seed_administrators(self, user_ids: Iterable[str], *, now: datetime) -> int:
        """The ``ADMINISTRATORS`` setting's people, added only while there is no administrator yet:
        the setting names the first ones; from then on the bot's grants and revocations rule."""
        if await self.administrators():
            return 0
        added = 0
        for user_id in user_ids:
            added += await self.grant(user_id, by="setting", now=now)
        return added

    async def grant(self, user_id: str, *, by: str, now: datetime) -> bool:
        stmt = self.conflict_insert(_A).values(user_id=user_id, granted_by=by, granted_at=now).on_conflict_do_nothing()
        async with self.engine.begin() as conn:
            return ((await conn.execute(stmt)).rowcount or 0) > 0

    async def revoke(self, user_id: str) -> bool:
        """Remove one administrator, never the last, even with two removals at once: PostgreSQL
        locks the rows it counts; SQLite counts inside the one DELETE (its writer lock)."""
        async with self.engine.begin() as conn:
            if self.dialect == "postgresql":
                ids = [r.user_id for r in (await conn.execute(sa.select(_A.c.user_id).with_for_update())).all()]
                if len(ids) <= 1 or user_id not in ids:
                    return False
                return ((await conn.execute(sa.delete(_A).where(_A.c.user_id == user_id))).rowcount or 0) > 0
            others = sa.select(sa.func.count()).select_from(_A).scalar_subquery()
            return ((await conn.execute(sa.delete(_A).where(_A.c.user_id == user_id, others > 1))).rowcount or 0) > 0

    # -- committees and links ----------------------------------------------------------------------------
    async def register(self, team_id: str, name: str, kind: str, *, by: str, now: datetime) -> Committee:
        """Register the team as a committee (or HR); registering again renames it / changes its kind."""
        cid = committee_id_for(team_id)
        values = dict(name=name, kind=kind)
        stmt = self.conflict_insert(_C).values(id=cid, team_id=team_id, created_by=by, created_at=now, **values)
        async with self.engine.begin() as conn:
            await conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=values))
            row = (await conn.execute(sa.select(_C).where(_C.c.id == cid))).one()
        return _committee(row)

    async def committees(self) -> list[Committee]:
        async with self.engine.connect() as conn:
            return [_committee(r) for r in (await conn.execute(sa.select(_C).order_by(_C.c.kind, _C.c.name))).all()]

    async def committee(self, committee_id: str) -> Committee | None:
        return next((c for c in await self.committees() if c.id == committee_id), None)

    async def committee_of_team(self, team_id: str) -> Committee | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_C).where(_C.c.team_id == team_id))).first()
        return _committee(row) if row else None

    async def hr_teams(self) -> list[str]:
        async with self.engine.connect() as conn:
            return [r.team_id for r in (await conn.execute(sa.select(_C.c.team_id).where(_C.c.kind == KIND_HR))).all()]

    async def link(self, team_id: str, committee_id: str | None, *, by: str, now: datetime) -> bool:
        """Link the workplace to a committee (None: unlink). False when unchanged."""
        async with self.engine.begin() as conn:
            current = (await conn.execute(sa.select(_L.c.committee_id).where(_L.c.team_id == team_id))).scalar_one_or_none()
            if current == committee_id:
                return False
            if committee_id is None:
                await conn.execute(sa.delete(_L).where(_L.c.team_id == team_id))
                return True
            values = dict(committee_id=committee_id, linked_by=by, linked_at=now)
            stmt = self.conflict_insert(_L).values(team_id=team_id, **values)
            await conn.execute(stmt.on_conflict_do_update(index_elements=["team_id"], set_=values))
        return True

    async def links(self) -> dict[str, str]:
        async with self.engine.connect() as conn:
            return {r.team_id: r.committee_id for r in (await conn.execute(sa.select(_L))).all()}

    async def committee_of_workplace(self, team_id: str) -> Committee | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_C).join(_L, _L.c.committee_id == _C.c.id).where(_L.c.team_id == team_id))).first()
        return _committee(row) if row else None

    async def workplaces(self) -> list[Workplace]:
        """Every workplace that is not itself a committee or HR, by name."""
        async with self.engine.connect() as conn:
            rows = (await conn.execute(sa.select(_W).where(_W.c.id.not_in(sa.select(_C.c.team_id))).order_by(_W.c.name))).all()
        return [workplace_from(r._mapping) for r in rows]

    async def _names(self) -> dict[str, str]:
        async with self.engine.connect() as conn:
            return {r.id: r.name for r in (await conn.execute(sa.select(_W.c.id, _W.c.name))).all()}

    # -- what was sent ---------------------------------------------------------------------------------
    async def next_version(self, dialogue_id: str) -> int:
        async with self.engine.connect() as conn:
            top = (await conn.execute(sa.select(sa.func.max(_S.c.version)).where(_S.c.dialogue_id == dialogue_id))).scalar()
        return (top or 0) + 1

    async def submit(self, submission: Submission) -> bool:
        """Store a version; False when that version exists already (a second press, another instance)."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(sa.insert(_S).values(
                    dialogue_id=submission.dialogue_id, version=submission.version, committee_id=submission.committee_id,
                    team_id=submission.team_id, sent_at=submission.sent_at, sent_by=submission.sent_by,
                    plan_version=submission.plan_version, plan=json.dumps(initiatives_to_json(submission.initiatives)),
                    themes=json.dumps(themes_to_json(submission.themes)), changes=(
                        json.dumps(changes_to_json(submission.changes)) if submission.changes is not None else None)))
        except IntegrityError:
            return False
        return True

    async def history(self, dialogue_id: str) -> list[Submission]:
        """Every version the dialogue sent, oldest first."""
        names = await self._names()
        async with self.engine.connect() as conn:
            rows = (await conn.execute(sa.select(_S).where(_S.c.dialogue_id == dialogue_id).order_by(_S.c.version))).all()
        return [_submission(r, names) for r in rows]

    async def submission(self, dialogue_id: str, version: int) -> Submission | None:
        return next((s for s in await self.history(dialogue_id) if s.version == version), None)

    async def submissions(self, committee_id: str | None = None) -> list[Submission]:
        """The latest version each workplace sent (to ``committee_id``, when given), newest first."""
        names = await self._names()
        query = sa.select(_S)
        if committee_id is not None:
            query = query.where(_S.c.committee_id == committee_id)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query.order_by(_S.c.sent_at.desc(), _S.c.version.desc()))).all()
        latest: dict[tuple[str, str], Submission] = {}
        for r in rows:
            key = (r.committee_id, r.team_id)
            if key not in latest or r.version > latest[key].version:
                latest[key] = _submission(r, names)
        out = list(latest.values())
        if committee_id is None:  # one per workplace: the very latest, wherever it went
            per_team: dict[str, Submission] = {}
            for s in out:
                if s.team_id not in per_team or s.sent_at > per_team[s.team_id].sent_at:
                    per_team[s.team_id] = s
            out = list(per_team.values())
        return sorted(out, key=lambda s: s.sent_at, reverse=True)

    # -- forwards to HR ----------------------------------------------------------------------------------
    async def forward(self, committee_id: str, *, by: str, comment: str, now: datetime) -> Forward:
        async with self.engine.begin() as conn:
            result = await conn.execute(sa.insert(_F).values(committee_id=committee_id, forwarded_by=by, forwarded_at=now,
                                                             comment=comment).returning(_F.c.id))
            fid = result.scalar_one()
        return Forward(fid, committee_id, by, now, comment)

    async def forwards(self, committee_id: str | None = None) -> list[Forward]:
        query = sa.select(_F).order_by(_F.c.forwarded_at.desc(), _F.c.id.desc())
        if committee_id is not None:
            query = query.where(_F.c.committee_id == committee_id)
        async with self.engine.connect() as conn:
            return [Forward(r.id, r.committee_id, r.forwarded_by, r.forwarded_at, r.comment) for r in (await conn.execute(query)).all()]

    async def get_forward(self, forward_id: int) -> Forward | None:
        async with self.engine.connect() as conn:
            r = (await conn.execute(sa.select(_F).where(_F.c.id == forward_id))).first()
        return Forward(r.id, r.committee_id, r.forwarded_by, r.forwarded_at, r.comment) if r else None

    # -- personal data -----------------------------------------------------------------------------------
    async def comments_of(self, user_id: str) -> list[Forward]:
        """The comments a person wrote when forwarding to HR ("mine data")."""
        async with self.engine.connect() as conn:
            rows = (await conn.execute(sa.select(_F).where(_F.c.forwarded_by == user_id))).all()
        return [Forward(r.id, r.committee_id, r.forwarded_by, r.forwarded_at, r.comment) for r in rows]

    async def forget_person(self, user_id: str) -> int:
        """Erase the person's comments and their administrator grant (what they sent stays, without words of theirs)."""
        async with self.engine.begin() as conn:
            n = (await conn.execute(sa.update(_F).where(_F.c.forwarded_by == user_id, _F.c.comment != "").values(comment=""))).rowcount or 0
        return n + int(await self.revoke(user_id))  # never the last administrator
