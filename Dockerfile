# TalSammen as a container: the aiohttp app on 0.0.0.0:3978, as scripts/start.sh starts it
# (`python -m bot`), but with authentication on (no LOCAL_DEVELOPMENT) and no secrets inside:
# MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID and DATABASE_URL come from
# the environment at run time (compose.yaml, App Service settings). docs/deployment.md explains.
FROM python:3.11.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Install from a scratch copy and remove it, so the app runs from site-packages only.
COPY pyproject.toml README.md /src/
COPY bot /src/bot
RUN pip install /src \
    && rm -rf /src \
    && useradd --system --uid 10001 --user-group --home-dir /app --create-home --shell /usr/sbin/nologin talsammen

# The working directory is the bot's own: an embedded SQLite file (DATABASE_URL's default) or a
# .env file would live here. Production uses PostgreSQL.
WORKDIR /app
USER talsammen

ENV HOST=0.0.0.0 \
    PORT=3978
EXPOSE 3978

# GET /health answers 200 when the app is up and its database answers, 503 otherwise.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '3978') + '/health', timeout=4)"]

CMD ["python", "-m", "bot"]
