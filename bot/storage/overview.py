"""Counts across workplaces, for an organisation-wide overview, and the tally's reads on one connection.

Themes are counted by one rule, ``count_themes`` in bot/process/tally.py: each nomination once
per kind, own proposals under the own-proposal id. ``theme_counts_by_workplace`` applies it to
the live nominations and adds the counts retention kept; ``theme_counts`` is the same rule
written as one SQL GROUP BY, so that counting a whole organisation costs the database one
statement and never a Python loop over its rows (tests/test_queries.py holds the two to each
other).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from .engine import Repository
from ..process.overview import OrganisationCounts, WorkplaceCounts, organisation_theme_counts
from ..process.concept import Kind
from ..process.nomination import NominationInput, Round
from ..process.tally import NominationRecord, TallyInputs, count_themes, round_to_report
from .dialogue import round_from_row
from .models import Nomination, NominationRound, RoundMember, ThemeCount
from .nomination import nomination_from_row

_N = Nomination.__table__.c
_R = NominationRound.__table__.c
_M = RoundMember.__table__.c
_TC = ThemeCount.__table__.c


class Overview(Repository):
    """Read-only queries across all workplaces."""

    async def theme_counts_by_workplace(self, *, opened_since: datetime | None = None) -> dict[str, WorkplaceCounts]:
        """Counts per theme for every workplace, from live nominations and from anonymised rounds."""
        out: dict[str, WorkplaceCounts] = {}
        rounds = sa.select(NominationRound.__table__)
        if opened_since is not None:
            rounds = rounds.where(_R.opened_at >= opened_since)
        async with self.engine.connect() as conn:
            round_rows = {r.id: r for r in (await conn.execute(rounds)).all()}
            if not round_rows:
                return out
            ids = list(round_rows)
            live: dict[str, list[NominationInput]] = defaultdict(list)
            for n in (await conn.execute(sa.select(Nomination.__table__).where(_N.round_id.in_(ids)))).all():
                live[round_rows[n.round_id].team_id].append(nomination_from_row(n))
            kept = (await conn.execute(sa.select(ThemeCount.__table__).where(_TC.round_id.in_(ids)))).all()
        for team_id, nominations in live.items():
            entry = out.setdefault(team_id, WorkplaceCounts())
            entry.respondents += len(nominations)
            entry.themes.update(count_themes(nominations))
        for c in kept:
            out.setdefault(c.team_id, WorkplaceCounts()).themes[(c.kind, c.theme_id)] += c.count
        for r in round_rows.values():
            if r.anonymised_at is not None and r.respondent_count:
                out.setdefault(r.team_id, WorkplaceCounts()).respondents += r.respondent_count
        return out

    async def organisation_counts(self, *, min_group_size: int, opened_since: datetime | None = None) -> OrganisationCounts:
        """Theme counts across all workplaces, small workplaces merged or left out (see aggregates)."""
        return organisation_theme_counts(await self.theme_counts_by_workplace(opened_since=opened_since), min_group_size=min_group_size)

    async def theme_counts(self, *, opened_from: datetime | None = None, opened_before: datetime | None = None) -> dict[Kind, dict[str, int]]:
        """``count_themes`` over every live nomination of every workplace, as one SQL statement.

        Only rounds opened in ``[opened_from, opened_before)`` count (a cycle), or all rounds
        when neither is given. Own proposals count together under the concept's own-proposal
        id, as the rule says: the statement groups by the theme id columns, never by title.
        """
        window = []
        if opened_from is not None:
            window.append(_R.opened_at >= opened_from)
        if opened_before is not None:
            window.append(_R.opened_at < opened_before)

        def per_theme(kind: Kind, column: sa.Column) -> sa.Select:
            query = sa.select(sa.literal(kind.value).label("kind"), column.label("theme"), sa.func.count().label("n"))
            if window:
                query = query.select_from(Nomination.__table__.join(NominationRound.__table__, _R.id == _N.round_id)).where(*window)
            return query.group_by(column)

        statement = sa.union_all(per_theme(Kind.WELLBEING, _N.wellbeing_theme), per_theme(Kind.LEADERSHIP, _N.leadership_theme))
        counts: dict[Kind, dict[str, int]] = {kind: {} for kind in Kind}
        async with self.engine.connect() as conn:
            for kind, theme, n in (await conn.execute(statement)).all():
                counts[Kind(kind)][theme] = n
        return counts

    async def latest_tally_inputs(self, team_id: str) -> TallyInputs | None:
        """The workplace's latest round, its nominations with names, and how many were invited.

        Three statements on one connection: the same answer as ``Dialogues.latest_round`` +
        ``Nominations.records`` + ``Dialogues.invitees``, which open a connection each.
        """
        return await self.reported_tally_inputs([team_id])

    async def reported_tally_inputs(self, team_ids: Iterable[str]) -> TallyInputs | None:
        """``latest_tally_inputs`` of the round a planning-group member sees: the one
        ``process.tally.round_to_report`` picks among the latest rounds of ``team_ids`` (in a
        team's channel that team, in a 1:1 chat every team whose planning group they are in).
        All on one connection."""
        async with self.engine.connect() as conn:
            latest = [(await conn.execute(_LATEST_ROUND, {"team_id": team_id})).first() for team_id in team_ids]
            round_ = round_to_report(round_from_row(row) for row in latest if row is not None)
            return await _tally_inputs(conn, round_) if round_ else None

    async def round_tally_inputs(self, round_id: str) -> TallyInputs | None:
        """The same for one round (a page of reasons names it); None if there is no such round."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(_ROUND, {"round_id": round_id})).first()
            return await _tally_inputs(conn, round_from_row(row)) if row else None


_LATEST_ROUND = sa.select(NominationRound.__table__).where(_R.team_id == sa.bindparam("team_id")).order_by(_R.opened_at.desc()).limit(1)
_ROUND = sa.select(NominationRound.__table__).where(_R.id == sa.bindparam("round_id"))
_RECORDS = (
    sa.select(Nomination.__table__, _M.name.label("member_name"))
    .select_from(Nomination.__table__.outerjoin(RoundMember.__table__, sa.and_(_M.round_id == _N.round_id, _M.user_id == _N.user_id)))
    .where(_N.round_id == sa.bindparam("round_id"))
)
_INVITED = sa.select(sa.func.count()).select_from(RoundMember.__table__).where(_M.round_id == sa.bindparam("round_id"))


async def _tally_inputs(conn: AsyncConnection, round_: Round) -> TallyInputs:
    nominations = (await conn.execute(_RECORDS, {"round_id": round_.id})).all()
    invited = (await conn.execute(_INVITED, {"round_id": round_.id})).scalar_one()
    records = [NominationRecord(n.user_id, n.member_name or "", nomination_from_row(n), n.submitted_at, n.entered_by) for n in nominations]
    return TallyInputs(round_, records, invited)
