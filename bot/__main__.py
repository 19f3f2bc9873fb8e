"""``python -m bot``: load settings, build the app, serve it."""
from __future__ import annotations

import logging
import sys

from aiohttp import web

from .app import create_app
from .settings import SettingsError, load_settings


def main() -> int:
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"TalSammen cannot start: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # The app logs where it listens and what to open next once it is ready (app.startup_summary);
    # aiohttp's own "======== Running on … ========" banner would only repeat it.
    web.run_app(create_app(settings), host=settings.host, port=settings.port, print=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
