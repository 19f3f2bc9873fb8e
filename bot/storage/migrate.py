"""Create or upgrade the schema with Alembic, on the bot's own async engine."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head() -> str:
    """The newest revision, read from the file names: each migration is named after its revision
    (``0017_dialogue_kinds.py`` is revision "0017"), and they count up one line, without branches."""
    return max(path.name.split("_", 1)[0] for path in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def _current(connection) -> str | None:  # noqa: ANN001
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    # A bot restarting on a schema already at head skips Alembic altogether: importing it and
    # reading every migration script costs a fifth of a second of the start-up, to do nothing.
    if revision == "head":
        async with engine.connect() as connection:
            if await connection.run_sync(_current) == head():
                return
    from alembic import command

    config = alembic_config()

    def _upgrade(connection) -> None:  # noqa: ANN001
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)
