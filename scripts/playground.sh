#!/usr/bin/env bash
# Start the Microsoft 365 Agents Playground (Microsoft's local Teams emulator, pinned in
# tests/e2e/package.json) against the bot on 127.0.0.1:3978, with the mock tenant of
# tests/e2e/playground_config.yml: a team "Hjemmeplejen Nord" and six people, you being
# Mette Holm. Start the bot first (scripts/start.sh), then open the URL this prints.
# BOT_ENDPOINT and PLAYGROUND_PORT override the defaults; extra arguments go to the Playground.
# Needs Node.js 20+ with npm; the first run installs the Playground into tests/e2e/node_modules.
set -euo pipefail
e2e="$(cd "$(dirname "$0")/../tests/e2e" && pwd)"
endpoint="${BOT_ENDPOINT:-http://127.0.0.1:3978/api/messages}"
port="${PLAYGROUND_PORT:-56150}"
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "playground.sh: $tool not found; install Node.js 20+ with npm" >&2; exit 1; }
done
cli="$e2e/node_modules/@microsoft/m365agentsplayground/cli.js"
if [ ! -f "$cli" ]; then
  (cd "$e2e" && npm ci --no-audit --no-fund)
fi
# The Playground reads .m365agentsplayground.yml from, and writes devTools/ logs to, its
# working directory: give it one of its own.
workdir="$(mktemp -d "${TMPDIR:-/tmp}/talsammen-playground.XXXXXX")"
cp "$e2e/playground_config.yml" "$workdir/.m365agentsplayground.yml"
echo "Playground: http://localhost:$port (falls back to another port if taken; see 'Listening on')"
echo "Bot endpoint: $endpoint   Log: $workdir/devTools/m365agentsplayground.log"
cd "$workdir"
# Without TEAMSAPPTESTER_BROWSER=none it runs xdg-open and exits when that fails; --dt: no telemetry.
TEAMSAPPTESTER_BROWSER=none exec node "$cli" start -e "$endpoint" -c msteams --dt -p "$port" "$@"
