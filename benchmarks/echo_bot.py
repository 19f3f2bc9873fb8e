"""The SDK's floor: a minimal botbuilder echo bot on aiohttp, run as ``python -m benchmarks.echo_bot``.

It is a bot built the stock way: botbuilder's CloudAdapter, replies through msrest (`requests`
in asyncio's default thread pool). It answers a card submission the way TalSammen does, by updating the card in place
(``update_activity``: one PUT to the Bot Connector); a plain message gets a reply. With
``ECHO_STOCK_MSREST=1`` it runs the SDK as shipped; otherwise it applies the msrest speed-up
TalSammen used before its replies left msrest (the best a stock bot can be tuned to, with a
wider thread pool from benchmarks/launch.py).
Settings: ``PORT``, ``HOST``.
"""
from __future__ import annotations

import logging
import os

from aiohttp import web
from botbuilder.core import ActivityHandler, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity


def _speed_up_msrest() -> None:
    """msrest's retry policy tests ~1,000 codes against a 500-element list for every connector
    it builds (twice per turn); a frozenset makes that membership test O(1). See PLATFORM.md.
    TalSammen applied it too while its replies went through msrest; now they do not."""
    from msrest.universal_http import requests as msrest_requests

    policy = msrest_requests.ClientRetryPolicy
    if not isinstance(policy.safe_codes, frozenset):
        policy.safe_codes = frozenset(policy.safe_codes)


class _Config:
    # No app id: the local-development mode TalSammen runs in for the benchmark too.
    APP_ID = ""
    APP_PASSWORD = ""
    APP_TENANTID = ""
    APP_TYPE = "MultiTenant"


class EchoBot(ActivityHandler):
    """Says back what it got; the only outbound call is the reply (or the card update)."""

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        incoming = turn_context.activity
        reply = Activity(type="message", text=f"echo: {incoming.text or ''}", text_format="plain")
        if incoming.reply_to_id:
            reply.id = incoming.reply_to_id
            reply.conversation = incoming.conversation
            await turn_context.update_activity(reply)
        else:
            await turn_context.send_activity(reply)


def create_echo_app(*, stock_msrest: bool = False) -> web.Application:
    """The echo bot's aiohttp app: POST /api/messages and GET /health."""
    if not stock_msrest:
        _speed_up_msrest()
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(_Config()))
    bot = EchoBot()

    async def messages(request: web.Request) -> web.StreamResponse:
        return await adapter.process(request, bot)

    async def health(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/health", health)
    return app


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    app = create_echo_app(stock_msrest=os.environ.get("ECHO_STOCK_MSREST") == "1")
    web.run_app(app, host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "3979")), print=None)


if __name__ == "__main__":
    main()
