"""The container and the deployment guide.

Where a Docker daemon answers, the image is built and compose.yaml validated (slow: minutes).
Everywhere, the Dockerfile, compose.yaml and .dockerignore are read and checked for what
matters in production: a pinned base image, a non-root user, the port the app listens on,
a health check on the app's real /health, PostgreSQL before the bot, no secret baked in; and
docs/deployment.md lists every setting the bot reads, with its real default.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.settings import Settings
from bot.storage.engine import async_url

ROOT = Path(__file__).resolve().parent.parent
SECRET_WORDS = ("PASSWORD", "SECRET", "TOKEN", "KEY")


# --- reading the files -----------------------------------------------------------------------

def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order; continuation lines joined, comments dropped."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    logical, current = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        logical.append(current + line)
        current = ""
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "") for line in logical]


def instructions(name: str) -> list[str]:
    return [args for instruction, args in dockerfile() if instruction == name]


def _scalar(text: str):  # noqa: ANN202
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        return [_scalar(item) for item in _split_flow(text[1:-1])]
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _split_flow(text: str) -> list[str]:
    items, current, quote = [], "", ""
    for char in text:
        if quote:
            current += char
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote, current = char, current + char
        elif char == ",":
            items.append(current)
            current = ""
        else:
            current += char
    if current.strip():
        items.append(current)
    return [item.strip() for item in items]


def mini_yaml(text: str):  # noqa: ANN201
    """The block subset of YAML that compose.yaml is written in (mappings, lists of scalars,
    flow lists, quoted scalars, full-line comments). PyYAML is used instead when installed."""
    lines = [(len(raw) - len(raw.lstrip(" ")), raw.strip()) for raw in text.splitlines()
             if raw.strip() and not raw.strip().startswith("#")]

    def block(index: int, indent: int):  # noqa: ANN202
        if lines[index][1].startswith("- "):
            items = []
            while index < len(lines) and lines[index][0] == indent and lines[index][1].startswith("- "):
                items.append(_scalar(lines[index][1][2:]))
                index += 1
            return items, index
        mapping = {}
        while index < len(lines) and lines[index][0] == indent:
            key, _, rest = lines[index][1].partition(":")
            index += 1
            if rest.strip():
                mapping[key.strip()] = _scalar(rest)
            elif index < len(lines) and lines[index][0] > indent:
                mapping[key.strip()], index = block(index, lines[index][0])
            else:
                mapping[key.strip()] = None
        return mapping, index

    parsed, end = block(0, 0)
    assert end == len(lines), f"compose.yaml line {end}: outside the subset this reader knows"
    return parsed


def compose() -> dict:
    text = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    try:
        import yaml
    except ImportError:
        return mini_yaml(text)
    parsed = yaml.safe_load(text)
    assert mini_yaml(text) == parsed  # the reader agrees with PyYAML where both exist
    return parsed


# --- the Dockerfile --------------------------------------------------------------------------

def test_base_image_is_python_3_11_slim_pinned_to_a_version():
    [base] = instructions("FROM")
    image, _, tag = base.partition(":")
    assert image == "python"
    assert re.fullmatch(r"3\.11\.\d+-slim(-\w+)?", tag), f"pin the patch version, not {tag!r}"


def test_the_app_runs_as_a_user_that_is_not_root():
    users = instructions("USER")
    assert users and users[-1] not in ("root", "0", "0:0")
    order = [name for name, _ in dockerfile()]
    assert order.index("USER") < order.index("CMD")


def test_it_listens_on_all_interfaces_on_the_exposed_port_and_starts_like_start_sh():
    env = " ".join(instructions("ENV"))
    assert "HOST=0.0.0.0" in env
    port = re.search(r"PORT=(\d+)", env).group(1)
    assert instructions("EXPOSE") == [port] == [str(Settings.model_fields["port"].default)]
    assert instructions("CMD") == ['["python", "-m", "bot"]']  # scripts/start.sh: python -m bot
    assert "python -m bot" in (ROOT / "scripts" / "start.sh").read_text(encoding="utf-8")
    assert any("pip install" in run for run in instructions("RUN"))


def test_the_health_check_asks_the_apps_real_health_endpoint():
    [check] = instructions("HEALTHCHECK")
    assert "/health" in check and "--interval" in check
    from bot.app import create_app

    app = create_app(Settings(_env_file=None, local_development=True))
    assert "/health" in {route.resource.canonical for route in app.router.routes() if route.method == "GET"}


def test_no_secret_and_no_local_development_is_baked_into_the_image():
    for name in ("ENV", "ARG", "LABEL"):
        for args in instructions(name):
            for word in SECRET_WORDS:
                assert word not in args.upper(), f"{name} {args}"
            assert "LOCAL_DEVELOPMENT" not in args.upper()
    copied = " ".join(instructions("COPY") + instructions("ADD"))
    assert ".env" not in copied
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    for needed in (".env", ".venv", ".git", "*.db", "tests"):
        assert needed in ignored


def test_pip_install_dot_carries_every_file_the_app_reads_at_run_time():
    """The image runs from site-packages: a concept, the privacy notice or a migration missing
    from package-data would start a container that cannot serve."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["bot"]
    development_only = {"process/dialogue.mmd", "storage/migrations/script.py.mako"}
    for path in (ROOT / "bot").rglob("*"):
        relative = path.relative_to(ROOT / "bot").as_posix()
        if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in relative or relative in development_only:
            continue
        assert any(fnmatch(relative, pattern) for pattern in patterns), f"bot/{relative} is not in package-data"


# --- compose.yaml ----------------------------------------------------------------------------

def test_compose_runs_postgresql_first_and_the_bot_on_it():
    services = compose()["services"]
    assert set(services) == {"db", "bot"}
    db, bot = services["db"], services["bot"]
    assert re.fullmatch(r"postgres:\d+\.\d+.*", db["image"])
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert any(volume.endswith(":/var/lib/postgresql/data") for volume in db["volumes"])
    assert bot["build"] == "."
    assert bot["depends_on"] == {"db": {"condition": "service_healthy"}}
    assert "/health" in " ".join(bot["healthcheck"]["test"])
    assert bot["ports"] == ["127.0.0.1:3978:3978"]


def test_compose_points_the_bot_at_the_db_service_with_authentication_on():
    env = compose()["services"]["bot"]["environment"]
    url = env["DATABASE_URL"].replace("${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}", "pw")
    assert async_url(url) == "postgresql+asyncpg://talsammen:pw@db:5432/talsammen"
    assert env["MICROSOFT_APP_TYPE"] == "SingleTenant"
    assert env["LOCAL_DEVELOPMENT"] == "${LOCAL_DEVELOPMENT:-false}"
    for name in ("MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID"):
        assert env[name] == f"${{{name}:-}}"
    known = {name.upper() for name in Settings.model_fields}
    assert set(env) <= known, set(env) - known


def test_compose_holds_no_secret_only_references_to_the_environment():
    services = compose()["services"]
    for service in services.values():
        for name, value in service["environment"].items():
            if any(word in name for word in SECRET_WORDS):
                assert re.fullmatch(r"\$\{\w+(:[-?][^}]*)?\}", value), f"{name} must come from the environment"
    db_password = services["db"]["environment"]["POSTGRES_PASSWORD"]
    assert db_password.startswith("${POSTGRES_PASSWORD:?")
    assert "${POSTGRES_PASSWORD:?" in services["bot"]["environment"]["DATABASE_URL"]


def test_the_mini_yaml_reader_reads_what_it_claims():
    text = 'a:\n  b: "x: y"\n  c: [\"CMD\", \"p, q\"]\n  d:\n    - 1:2\n# note\ne:\n'
    assert mini_yaml(text) == {"a": {"b": "x: y", "c": ["CMD", "p, q"], "d": ["1:2"]}, "e": None}


# --- the deployment guide --------------------------------------------------------------------

GUIDES = ("deployment.md", "deployment.da.md")  # the English guide and its Danish translation


def settings_table(guide: str = "deployment.md") -> dict[str, tuple[str, str]]:
    text = (ROOT / "docs" / guide).read_text(encoding="utf-8")
    section = re.split(r"\n## (?:\d+\. )?(?:Settings|Indstillinger)\n", text, maxsplit=1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = re.match(r"\|\s*`([A-Z_]+)`\s*\|([^|]*)\|([^|]*)\|", line)
        if match:
            rows[match.group(1)] = (match.group(2).strip(), match.group(3).strip())
    return rows


def shown_default(value: object) -> str:
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    if value in ("", None):
        return "–"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value}`"


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guide_lists_every_setting_with_its_real_default_and_nothing_else(guide):
    rows = settings_table(guide)
    fields = {name.upper(): field.default for name, field in Settings.model_fields.items()}
    assert set(rows) == set(fields), f"missing {set(fields) - set(rows)}, unknown {set(rows) - set(fields)}"
    for name, default in fields.items():
        assert rows[name][0] == shown_default(default), f"{name}: the guide says {rows[name][0]}, the code {default!r}"
        assert rows[name][1], f"{name} has no meaning in the guide"


def test_the_readme_points_to_the_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    deployment = readme.split("\n## Deployment", 1)[1].split("\n## ", 1)[0]
    assert "docs/deployment.md" in deployment


# --- the real build, where Docker runs -------------------------------------------------------

def docker_daemon() -> str | None:
    """Why Docker cannot be used here, or None when it can."""
    if shutil.which("docker") is None:
        return "no docker command on this machine: the Dockerfile and compose.yaml are linted instead"
    info = subprocess.run(["docker", "info"], capture_output=True, text=True, timeout=60)
    if info.returncode != 0:
        return "no Docker daemon answers (`docker info` failed): the Dockerfile and compose.yaml are linted instead"
    return None


@pytest.mark.timeout(1800)
def test_slow_the_image_builds_and_compose_validates(tmp_path):
    reason = docker_daemon()
    if reason:
        pytest.skip(reason)
    build = subprocess.run(["docker", "build", "--tag", "talsammen-bot:test", str(ROOT)], capture_output=True, text=True, timeout=1700)
    assert build.returncode == 0, build.stderr[-4000:]
    user = subprocess.run(["docker", "run", "--rm", "--entrypoint", "id", "talsammen-bot:test", "-u"], capture_output=True, text=True, timeout=120)
    assert user.stdout.strip() not in ("", "0")
    imports = subprocess.run(
        ["docker", "run", "--rm", "talsammen-bot:test", "python", "-c",
         "import bot.app, bot.concepts as c; c.load_concept('nyborg'); c.load_concept('dtu')"],
        capture_output=True, text=True, timeout=120,
    )
    assert imports.returncode == 0, imports.stderr[-2000:]
    config = subprocess.run(
        ["docker", "compose", "--file", str(ROOT / "compose.yaml"), "config", "--quiet"],
        capture_output=True, text=True, timeout=120, env={"POSTGRES_PASSWORD": "only-for-this-check", "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )
    assert config.returncode == 0, config.stderr
