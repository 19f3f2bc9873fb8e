"""Install the pinned Microsoft 365 Agents Playground for the end-to-end tests, or say why not.

The version is pinned in tests/e2e/package.json and package-lock.json; ``npm ci`` installs it
into tests/e2e/node_modules (gitignored) the first time, so a clean clone needs only Node.js.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

E2E_DIR = Path(__file__).resolve().parent
CLI = E2E_DIR / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"


class PlaygroundError(RuntimeError):
    """The Playground could not be installed, started or driven."""


def missing_node_tools() -> str | None:
    """Why the Playground cannot run here (node or npm absent), or None when it can."""
    missing = [tool for tool in ("node", "npm") if shutil.which(tool) is None]
    return f"{' and '.join(missing)} not found on PATH" if missing else None


def ensure_installed() -> Path:
    """Install the pinned Playground into tests/e2e/node_modules if absent; return its cli.js."""
    if CLI.exists():
        return CLI
    command = ["npm", "ci" if (E2E_DIR / "package-lock.json").exists() else "install",
               "--no-audit", "--no-fund"]
    result = subprocess.run(command, cwd=E2E_DIR, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not CLI.exists():
        raise PlaygroundError(f"{' '.join(command)} failed in {E2E_DIR}:\n{result.stdout}{result.stderr}")
    return CLI


def require_playground() -> None:
    """Skip the calling test when the Playground cannot run here, or fail when
    TALSAMMEN_REQUIRE_PLAYGROUND=1 (CI) says it must."""
    reason = missing_node_tools()
    if reason is None:
        try:
            ensure_installed()
        except (PlaygroundError, OSError, subprocess.TimeoutExpired) as error:
            reason = f"could not install the Playground: {error}"
    if reason is None:
        return
    if os.environ.get("TALSAMMEN_REQUIRE_PLAYGROUND") == "1":
        pytest.fail(f"TALSAMMEN_REQUIRE_PLAYGROUND=1 but {reason}")
    pytest.skip(f"Microsoft 365 Agents Playground unavailable: {reason} "
                "(install Node.js 20+ with npm; set TALSAMMEN_REQUIRE_PLAYGROUND=1 to make this fail)")
