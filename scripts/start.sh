#!/usr/bin/env bash
# Install TalSammen into .venv (first run only) and start it on the embedded SQLite database,
# without authentication, for the local Microsoft 365 Agents Playground.
set -euo pipefail
source "$(dirname "$0")/venv.sh"
export LOCAL_DEVELOPMENT="${LOCAL_DEVELOPMENT:-true}"
exec .venv/bin/python -m bot
