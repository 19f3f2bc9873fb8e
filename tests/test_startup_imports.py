"""What starting the bot does not load (issue 14: start-up under 2 s): libraries only a rare path
needs are imported there, and a schema already at head does not wake Alembic. Checked in a fresh
interpreter, because this test session has long imported everything."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory

from bot.storage.engine import create_engine
from bot.storage.migrate import alembic_config, head, upgrade

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
import bot.app
loaded = sorted(sys.modules)
import holidays.countries
from bot.process.holidays import Denmark
print(json.dumps({"loaded": loaded, "same_class": holidays.countries.Denmark is Denmark,
                  "countries_later": sum(m.startswith("holidays.countries.") for m in sys.modules)}))
"""


def _probe() -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_importing_the_app_leaves_the_rare_paths_libraries_and_other_countries_unloaded():
    probe = _probe()
    packages = {module.split(".")[0] for module in probe["loaded"]}
    assert "bot.dialogs.bot" in probe["loaded"]  # the probe did import the app
    assert not packages & {"xlsxwriter", "snowballstemmer", "alembic", "mako"}  # exports, sorting, migrations
    countries = [m for m in probe["loaded"] if m.startswith("holidays.countries")]
    assert countries == ["holidays.countries.denmark"]  # not the package's other 250
    # A later import of the whole package finds the bot's Denmark: one class, all countries there.
    assert probe["same_class"] and probe["countries_later"] > 200


def test_the_head_read_from_file_names_is_alembics_head():
    assert head() == ScriptDirectory.from_config(alembic_config()).get_current_head()


async def test_a_schema_at_head_is_left_alone_and_one_behind_is_upgraded(tmp_path, monkeypatch):
    engine = create_engine(f"sqlite:///{tmp_path / 'bot.db'}")
    try:
        await upgrade(engine)
        asked = []
        monkeypatch.setattr(command, "upgrade", lambda _config, revision: asked.append(revision))
        await upgrade(engine)
        assert asked == []
        async with engine.begin() as conn:
            await conn.execute(sa.text("UPDATE alembic_version SET version_num = '0001'"))
        await upgrade(engine)
        assert asked == ["head"]
    finally:
        await engine.dispose()
