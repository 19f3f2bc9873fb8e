"""Drive the Microsoft 365 Agents Playground (a local Teams emulator) from pytest.

``Playground`` starts ``@microsoft/m365agentsplayground`` (pinned in ``tests/e2e/package.json``,
installed into ``tests/e2e/node_modules`` by ``npm ci`` on first use) in a temporary working
directory, speaks as any of its six users, and records every call the bot makes to the
Playground's mock Teams connector::

    async with Playground("http://127.0.0.1:3978/api/messages") as pg:
        await pg.install_in_team()
        await pg.say_in_channel("29:fatima-ali", "start")
        chats = await pg.wait_for(lambda: len(pg.created_conversations()) == 6 and pg.created_conversations())
        card = pg.messages_in(chats["29:lars-sorensen"])[0]
        await pg.submit(chats["29:lars-sorensen"], "29:lars-sorensen", card.id, {"verb": "..."})

Each ``say_*``/``submit``/``install_in_team`` call returns once the bot has answered that turn
(the Playground logs the delivery when the bot's HTTP response arrives), so everything the bot
sent during the turn is already collected; ``wait_for`` is for work the bot does later. Waits
are real time: do not run these tests under looptime's virtual clock.

Quirks of version 0.2.28 (found by reading its bundle and trying it):

- ``-p 0`` picks a free port; ``-p N`` falls back to a random port when N is taken, so the
  port is always read from the ``Listening on N`` line on stdout (its other console output
  goes to ``devTools/m365agentsplayground.log`` in the working directory). The server binds
  all interfaces; there is no option to bind 127.0.0.1 only.
- Without ``TEAMSAPPTESTER_BROWSER=none`` it runs ``xdg-open`` and exits with status 1.
- ``GET /_internal/v1/config`` first waits (up to 15 s, then answers anyway) for the bot
  endpoint to accept connections, and logs "Connecting…/Connected." each time it is called.
  The personal chat id is random per start unless the config file sets it (ours does).
- ``POST /_internal/v1/customActivities`` and ``POST /_conversation/v1/submit`` answer 200
  before the activity reaches the bot (fire and forget); only validation errors come back.
  ``GET /_internal/v1/customActivities/template?conversationId=..&type=..`` builds Teams-shaped
  activities (types install, uninstall, botAdded, botRemoved, userAdded, channelCreated, ...);
  ``install_in_team`` sends its ``install`` then ``botAdded`` templates, the order the
  Playground's own "install" button uses.
- Messages typed through ``/_conversation/v1/conversations/{id}/messages`` reach the bot from
  the current user whatever ``from`` says, with a fresh uuid as activity id (the id in the
  HTTP answer is the Playground's own, not the bot's). Channel messages from other users must
  be raw custom activities with ``serviceUrl`` set, or the bot replies to the real Bot Connector.
- ``/_ws/log/stream`` carries each connector call as ``{"logAction":"appendLog","log":{...}}``:
  ``from`` is ``"User Application"`` for calls by the bot and ``"Microsoft 365 Agents
  Playground"`` for activities delivered to the bot (logged after the bot answered, with the
  bot's HTTP status: a crashing turn shows 500). ``activityName`` is ``createConversation``,
  ``getConversationPagedMembers``, ... or the activity type (``message`` for sends, updates and
  even deletes). Text notes have ``"type":"text"``. Entries logged while no socket is connected
  are replayed to the next socket only, so the harness keeps one socket for the whole run.
- A sent message's id is ``response.body.id``: the send time in epoch milliseconds as a string
  (``-xxxxxxxx`` appended on a clash). An update is a ``message`` entry whose request body has
  an ``id`` (the PUT target), answered 200 rather than 201; it keeps the id.
- ``createConversation`` for the current user returns the personal chat id; for other users a
  new ``<uuid>@test.user`` id each call, so a second call makes a second chat.
- Deleting an activity is not implemented (501 ``DeleteActivityAPINotImplemented``).
- Paged members: page size is clamped to at least 50 (as in Teams), so six people always fit
  on one page and no continuation token is ever returned. The roster includes the current user.
- Card submits (``/_conversation/v1/submit``) do carry the given ``from`` and work in the 1:1
  chats the bot created; the bot gets ``replyToId`` = the card's message id and ``value``.
- botbuilder-python reads ``conversation.tenantId`` from the key ``tenantID``, so
  ``activity.conversation.tenant_id`` is None; use ``channelData.tenant.id``.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import signal
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any, Callable, TypeVar

import aiohttp

from .playground_install import PlaygroundError, ensure_installed, missing_node_tools, require_playground
from .playground_log import BotMessage, CallLog, ConnectorCall

__all__ = ["Playground", "PlaygroundError", "BotTurnError", "BotMessage", "ConnectorCall",
           "ensure_installed", "missing_node_tools", "require_playground", "DEFAULT_CONFIG"]

DEFAULT_CONFIG = Path(__file__).resolve().parent / "playground_config.yml"
CONFIG_NAME = ".m365agentsplayground.yml"
_LISTENING = re.compile(rb"Listening on (\d+)")
T = TypeVar("T")


class BotTurnError(PlaygroundError):
    """The bot answered an activity with an HTTP error (its turn raised)."""


class Playground:
    """The Playground as an async context manager, started against one bot endpoint."""

    def __init__(self, bot_endpoint: str, *, config_file: Path = DEFAULT_CONFIG, port: int = 0,
                 start_timeout: float = 60.0, turn_timeout: float = 20.0) -> None:
        self.bot_endpoint = bot_endpoint
        self.config_file = Path(config_file)
        self.requested_port = port
        self.start_timeout = start_timeout
        self.turn_timeout = turn_timeout
        self.port: int | None = None
        self.log = CallLog()
        self._output = bytearray()
        self._output_changed = asyncio.Event()
        self._process: asyncio.subprocess.Process | None = None
        self._workdir: Path | None = None
        self._session: aiohttp.ClientSession | None = None
        self._tasks: list[asyncio.Task] = []
        self._config: dict[str, Any] | None = None

    @property
    def base_url(self) -> str:
        """The Playground's HTTP root (also the web page a person would open)."""
        return f"http://localhost:{self.port}"

    @property
    def service_url(self) -> str:
        """The mock connector the bot must answer to."""
        return f"{self.base_url}/_connector"

    async def __aenter__(self) -> Playground:
        try:
            await self._start()
        except BaseException:
            await self._stop(failed=True)
            raise
        return self

    async def __aexit__(self, exc_type, exc, tb) -> None:
        await self._stop(failed=exc_type is not None)

    async def _start(self) -> None:
        cli = await asyncio.to_thread(ensure_installed)
        self._workdir = Path(tempfile.mkdtemp(prefix="playground-"))
        shutil.copyfile(self.config_file, self._workdir / CONFIG_NAME)
        env = {**os.environ, "TEAMSAPPTESTER_BROWSER": "none"}
        self._process = await asyncio.create_subprocess_exec(
            "node", str(cli), "start", "-e", self.bot_endpoint, "-c", "msteams", "--dt",
            "-p", str(self.requested_port), cwd=self._workdir, env=env, start_new_session=True,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT)
        self._tasks.append(asyncio.create_task(self._read_output()))
        async with asyncio.timeout(self.start_timeout):
            while (match := _LISTENING.search(self._output)) is None:
                if self._process.returncode is not None:
                    raise PlaygroundError(f"Playground exited with {self._process.returncode}")
                await self._output_changed.wait()
                self._output_changed.clear()
            self.port = int(match.group(1))
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
            # Connect the log socket before anything happens: entries logged with no socket
            # connected are only replayed to the first one.
            socket = await self._session.ws_connect(f"ws://localhost:{self.port}/_ws/log/stream")
            self._tasks.append(asyncio.create_task(self._read_log(socket)))
            await self.config()

    async def _read_output(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        while chunk := await self._process.stdout.read(4096):
            self._output += chunk
            self._output_changed.set()
        await self._process.wait()
        self._output_changed.set()

    async def _read_log(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        async for frame in socket:
            if frame.type is aiohttp.WSMsgType.TEXT:
                self.log.append_frame(frame.data)
        self.log.close()

    async def _stop(self, *, failed: bool) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._session is not None:
            await self._session.close()
        process = self._process
        if process is not None and process.returncode is None:
            with contextlib.suppress(ProcessLookupError):  # it may have just exited by itself
                os.killpg(process.pid, signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), 10)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                await process.wait()
        if failed:
            self._dump_log()
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)

    def _dump_log(self) -> None:
        """Print what the Playground said, for pytest to show beside the failure."""
        out = sys.stderr
        print(f"----- Playground output (port {self.port}) -----", file=out)
        print(self._output.decode(errors="replace")[-20000:], file=out)
        log_file = (self._workdir or Path("/nonexistent")) / "devTools" / "m365agentsplayground.log"
        if log_file.exists():
            print(f"----- {log_file.name} (tail) -----", file=out)
            print(log_file.read_text(errors="replace")[-20000:], file=out)
        print("----- connector calls -----", file=out)
        print(self.log.summary(), file=out)

    # --- the tenant -------------------------------------------------------------------------

    async def config(self) -> dict[str, Any]:
        """GET /_internal/v1/config's ``config``: tenantId, bot, currentUser, users, personalChat, groupChats, teams."""
        async with self._http().get(f"{self.base_url}/_internal/v1/config") as response:
            response.raise_for_status()
            self._config = (await response.json())["config"]
        return self._config

    @property
    def bot(self) -> dict[str, Any]:
        """The bot account (id, name) as the Playground sees it."""
        return self._known_config()["bot"]

    @property
    def current_user(self) -> dict[str, Any]:
        """The user whose personal chat the Playground's page shows."""
        return self._known_config()["currentUser"]

    @property
    def team(self) -> dict[str, Any]:
        """The single team: id, name, aadGroupId, channels (General first, id = team id)."""
        return self._known_config()["teams"][0]

    def user(self, user_id: str) -> dict[str, Any]:
        """One person of the tenant (current user included) by id."""
        config = self._known_config()
        for person in [config["currentUser"], *config["users"]]:
            if person["id"] == user_id:
                return person
        raise KeyError(user_id)

    def channel(self, channel_id: str | None = None) -> dict[str, Any]:
        """A channel of the team by id; General when no id is given."""
        channels = self.team["channels"]
        return channels[0] if channel_id is None else next(c for c in channels if c["id"] == channel_id)

    # --- speaking as users ------------------------------------------------------------------

    async def install_in_team(self) -> None:
        """Add the app to the team as Teams does: installationUpdate, then membersAdded the bot."""
        for kind in ("install", "botAdded"):
            activity = await self._template(self.team["id"], kind)
            await self.send_activity(activity)

    async def say_in_channel(self, user_id: str, text: str, channel_id: str | None = None) -> ConnectorCall:
        """Post ``@bot text`` in a team channel (General by default) as any user; wait for the turn."""
        channel, person, bot = self.channel(channel_id), self.user(user_id), self.bot
        activity = await self._template(channel["id"])
        at = f"<at>{bot['name']}</at>"
        activity.update(
            type="message", text=f"{at} {text}", textFormat="plain",
            **{"from": {"id": person["id"], "name": person["name"], "aadObjectId": person["aadObjectId"]}},
            entities=[{"type": "mention", "text": at, "mentioned": {"id": bot["id"], "name": bot["name"]}}],
            channelData={"tenant": {"id": self._known_config()["tenantId"]},
                         "team": {"id": self.team["id"], "name": self.team["name"],
                                  "aadGroupId": self.team["aadGroupId"]},
                         "channel": {"id": channel["id"], "name": channel["name"]}})
        return await self.send_activity(activity)

    async def submit_in_channel(self, user_id: str, reply_to_id: str, value: dict[str, Any], channel_id: str | None = None) -> ConnectorCall:
        """Press an Action.Submit on a card the bot posted in a channel, as any user.

        ``/_conversation/v1/submit`` refuses cards in channel threads ("Message does not exist
        in the thread"), so this sends the activity Teams would send, as a raw custom activity."""
        channel, person = self.channel(channel_id), self.user(user_id)
        activity = await self._template(channel["id"])
        activity.update(
            type="message", value=value, replyToId=reply_to_id, text="",
            **{"from": {"id": person["id"], "name": person["name"], "aadObjectId": person["aadObjectId"]}},
            channelData={"tenant": {"id": self._known_config()["tenantId"]},
                         "team": {"id": self.team["id"], "name": self.team["name"],
                                  "aadGroupId": self.team["aadGroupId"]},
                         "channel": {"id": channel["id"], "name": channel["name"]}})
        return await self.send_activity(activity)

    async def say_personal(self, text: str) -> ConnectorCall:
        """Type ``text`` in the current user's personal chat with the bot; wait for the turn."""
        chat_id = self._known_config()["personalChat"]["id"]
        body = {"from": {"id": self.current_user["id"]}, "text": text, "textFormat": "plain"}
        return await self._deliver(
            f"{self.base_url}/_conversation/v1/conversations/{chat_id}/messages", body,
            lambda call: call.conversation_id == chat_id and call.request_body.get("text") == text)

    async def submit(self, conversation_id: str, user_id: str, reply_to_id: str,
                     value: dict[str, Any]) -> ConnectorCall:
        """Press an Action.Submit carrying ``value`` on card ``reply_to_id``, as ``user_id``."""
        body = {"conversation": {"id": conversation_id}, "from": {"id": user_id},
                "replyToId": reply_to_id, "value": value}
        return await self._deliver(
            f"{self.base_url}/_conversation/v1/submit", body,
            lambda call: call.conversation_id == conversation_id
            and call.request_body.get("replyToId") == reply_to_id)

    async def send_activity(self, activity: dict[str, Any]) -> ConnectorCall:
        """Deliver a raw activity to the bot (a fresh id is set when missing); wait for the turn."""
        activity.setdefault("id", str(uuid.uuid4()))
        return await self._deliver(f"{self.base_url}/_internal/v1/customActivities", activity,
                                   lambda call: call.message_id == activity["id"])

    async def _template(self, conversation_id: str, kind: str | None = None) -> dict[str, Any]:
        params = {"conversationId": conversation_id, **({"type": kind} if kind else {})}
        async with self._http().get(f"{self.base_url}/_internal/v1/customActivities/template",
                                    params=params) as response:
            response.raise_for_status()
            activity = await response.json()
        activity["id"] = str(uuid.uuid4())  # fresh per activity: delivery is matched by it
        return activity

    async def _deliver(self, url: str, body: dict[str, Any],
                       matches: Callable[[ConnectorCall], bool]) -> ConnectorCall:
        mark = len(self.log.calls)
        async with self._http().post(url, json=body) as response:
            if response.status >= 300:
                raise PlaygroundError(f"POST {url} -> {response.status}: {await response.text()}")
        call = await self.wait_for(
            lambda: next((c for c in self.log.calls[mark:] if c.to_bot and matches(c)), None),
            self.turn_timeout)
        if call.status >= 400:
            raise BotTurnError(f"bot answered {call.status} to {call.activity_name}: {call.response_body}")
        return call

    # --- what the bot did -------------------------------------------------------------------

    def created_conversations(self) -> dict[str, str]:
        """Member id -> conversation id of each 1:1 chat the bot created (latest wins)."""
        return self.log.created_conversations()

    def messages_in(self, conversation_id: str) -> list[BotMessage]:
        """Every message the bot sent or updated in a conversation, oldest first."""
        return self.log.messages_in(conversation_id)

    def current_messages_in(self, conversation_id: str) -> list[BotMessage]:
        """The conversation as a user sees it now: each message once, in its latest version."""
        return self.log.current_messages_in(conversation_id)

    async def wait_for(self, predicate: Callable[[], T], timeout: float | None = None) -> T:
        """Re-check ``predicate`` after each new log entry until it returns a truthy value."""
        try:
            return await self.log.wait_for(predicate, timeout or self.turn_timeout)
        except TimeoutError:
            raise TimeoutError(f"waited {timeout or self.turn_timeout}s in vain; connector calls so far:\n"
                               f"{self.log.summary()}") from None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            raise PlaygroundError("the Playground is not running; use `async with Playground(...)`")
        return self._session

    def _known_config(self) -> dict[str, Any]:
        if self._config is None:
            raise PlaygroundError("config not loaded yet")
        return self._config
