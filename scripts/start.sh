#!/usr/bin/env bash
# Install TalSammen into .venv (first run only) and start it on the embedded SQLite database,
# without authentication, for the local Microsoft 365 Agents Playground.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --upgrade pip
fi
.venv/bin/pip install --quiet -e '.[test]'
export LOCAL_DEVELOPMENT="${LOCAL_DEVELOPMENT:-true}"
exec .venv/bin/python -m bot
