#!/usr/bin/env bash
# Draw the bot's cards for the guides (docs/img/<lang>/<card>.png); see scripts/render_cards.py.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
[ -x "$PYTHON" ] || PYTHON=python3
exec "$PYTHON" scripts/render_cards.py "$@"
