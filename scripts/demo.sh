#!/usr/bin/env bash
# Try TalSammen in one minute: the bot in demo mode (DEMO=true, local development only) on a
# fresh SQLite database, and the Microsoft 365 Agents Playground against it. Open the address
# printed, add the app to the team "Hjemmeplejen Nord" (you are Mette Holm, its planning group):
# the workplace is filled with a year of sample answers (bot/demo.py) and a card in General says
# what to type (`@TalSammen optælling`, `plan`, `opfølgning` …). Ctrl+C stops both.
# Needs Python 3.11+ and Node.js 20+ with npm. DEMO_DATABASE keeps the demo's database at a path
# of your choice; TEST_CLOCK_START moves the demo's clock (the sample year moves with it).
set -euo pipefail
source "$(dirname "$0")/venv.sh"  # cd to the repository, .venv made and the project installed on first use
port="${PORT:-3978}"
database="${DEMO_DATABASE:-$(mktemp -d "${TMPDIR:-/tmp}/talsammen-demo.XXXXXX")/demo.db}"
export LOCAL_DEVELOPMENT=true DEMO=true PORT="$port" DATABASE_URL="sqlite+aiosqlite:///$database"
echo "TalSammen demo: database $database"
.venv/bin/python -m bot &
bot=$!
trap 'kill "$bot" 2>/dev/null || true; wait "$bot" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$bot" 2>/dev/null || { echo "demo.sh: the bot did not start (see above)" >&2; exit 1; }
  sleep 1
done
BOT_ENDPOINT="http://127.0.0.1:$port/api/messages" ./scripts/playground.sh "$@"
