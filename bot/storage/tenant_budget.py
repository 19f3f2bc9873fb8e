"""Teams' per-tenant request budget as one database row per tenant, shared by every instance.

The row holds the moment the next request into the tenant may leave (``next_at``, epoch
seconds). Reserving ``n`` requests is one upsert that moves it on by ``n × spacing`` and
returns where the reserved run starts; PostgreSQL locks the row for the statement, so
instances reserving at once get disjoint slots, one after the other. This is the "generic
cell rate algorithm" with no burst allowance: slots ``spacing`` apart keep every window of
Teams' 50 per second whoever sends them.

Whose clock: on PostgreSQL the database's, the one clock every instance shares, so two machines
whose clocks disagree still interleave correctly. It is read with ``clock_timestamp()`` once the
row is locked, not ``statement_timestamp()``: a statement that queued behind another
instance's for the row would otherwise measure its wait from a moment already past and
send late by the time it queued (seen as a burst over the limit when an instance was killed
holding the row). A caller
may pass ``now`` instead (SQLite, whose processes share one machine's clock; tests with a
virtual clock).
"""
from __future__ import annotations

import sqlalchemy as sa

from .engine import Repository

_PG = sa.text(
    """
    INSERT INTO tenant_budget (tenant_id, next_at)
    VALUES (:tenant, COALESCE(:now, extract(epoch FROM clock_timestamp())) + :delay + :run)
    ON CONFLICT (tenant_id) DO UPDATE SET next_at = GREATEST(
        tenant_budget.next_at, COALESCE(:now, extract(epoch FROM clock_timestamp())) + :delay
    ) + :run
    RETURNING next_at - :run, COALESCE(:now, extract(epoch FROM clock_timestamp()))
    """
)
_SQLITE = sa.text(
    """
    INSERT INTO tenant_budget (tenant_id, next_at) VALUES (:tenant, :now + :delay + :run)
    ON CONFLICT (tenant_id) DO UPDATE SET next_at = max(tenant_budget.next_at, :now + :delay) + :run
    RETURNING next_at - :run, :now
    """
)
_HOLD = sa.text(
    "UPDATE tenant_budget SET next_at = {greatest}(next_at, {now} + :seconds) WHERE tenant_id = :tenant"
)


class TenantBudgets(Repository):
    """Reserves send slots in a tenant's shared budget."""

    async def reserve(
        self, tenant_id: str, *, count: int = 1, spacing: float, delay: float = 0.0, now: float | None = None
    ) -> tuple[float, float]:
        """Reserve ``count`` slots ``spacing`` apart, none before ``now + delay``.

        Returns (start of the first slot, the ``now`` it was measured against), both on the
        budget's clock; the caller waits ``start - now`` on its own clock.
        """
        if count < 1 or spacing <= 0 or delay < 0:
            raise ValueError("count must be at least 1, spacing positive and delay not negative")
        if self.dialect != "postgresql" and now is None:
            raise ValueError("SQLite has no shared clock here: pass now")
        params = {"tenant": tenant_id, "now": now, "delay": delay, "run": count * spacing}
        stmt = _PG if self.dialect == "postgresql" else _SQLITE
        if self.dialect == "postgresql":
            stmt = stmt.bindparams(sa.bindparam("now", type_=sa.Float(precision=53)))
        async with self.engine.begin() as conn:
            start, measured = (await conn.execute(stmt, params)).one()
        return float(start), float(measured)

    async def hold_back(self, tenant_id: str, seconds: float, *, now: float | None = None) -> None:
        """No slot before ``now + seconds`` (Teams answered the tenant 429 with Retry-After)."""
        if self.dialect == "postgresql":
            clock = ":now" if now is not None else "extract(epoch FROM clock_timestamp())"
            stmt = sa.text(_HOLD.text.format(greatest="GREATEST", now=clock))
        else:
            if now is None:
                raise ValueError("SQLite has no shared clock here: pass now")
            stmt = sa.text(_HOLD.text.format(greatest="max", now=":now"))
        async with self.engine.begin() as conn:
            await conn.execute(stmt, {"tenant": tenant_id, "seconds": seconds, "now": now})
