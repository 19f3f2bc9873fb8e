"""``python -m bot``: load settings, build the app, serve it."""
from __future__ import annotations

import gc
import logging
import sys


def main() -> int:
    # Importing the app makes some 200,000 long-lived objects (SQLAlchemy, pydantic, botbuilder,
    # the models), and the cyclic collector would scan them over and over while they are being
    # made: about a quarter of the start-up's CPU. So it stays off until the app is ready, and what
    # exists then is frozen, as it lives as long as the process: later collections skip it.
    gc.disable()
    from aiohttp import web

    from .app import create_app
    from .settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"TalSammen cannot start: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app(settings)
    app.on_startup.append(_collect_from_now_on)  # after the app's own start-up (migrations, scheduler)
    # The app logs where it listens and what to open next once it is ready (app.startup_summary);
    # aiohttp's own "======== Running on … ========" banner would only repeat it.
    web.run_app(app, host=settings.host, port=settings.port, print=None)
    return 0


async def _collect_from_now_on(_app: object) -> None:
    gc.freeze()
    gc.enable()


if __name__ == "__main__":
    sys.exit(main())
