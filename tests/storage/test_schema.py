"""The migrations build exactly the tables the models describe, on SQLite and PostgreSQL:
a column added to a model without a migration (or the other way round) fails here."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import bot.storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)


def _differences(connection) -> list:  # noqa: ANN001
    context = MigrationContext.configure(connection, opts={"compare_type": False})
    diffs = compare_metadata(context, SQLModel.metadata)
    # Indexes and constraints the migrations name differently, or that only one dialect keeps,
    # are not what this guards; tables and columns are.
    return [d for d in diffs if isinstance(d, tuple) and d[0] in ("add_table", "remove_table", "add_column", "remove_column")]


async def test_the_migrated_schema_is_the_models(engine) -> None:
    async with engine.connect() as conn:
        assert await conn.run_sync(_differences) == []
