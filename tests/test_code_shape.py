"""The shape the code keeps (issue 8): small modules, a pure process layer, a verb written once.

Each check reads the source itself (``ast``, not a text search a comment could fool) and names
every offender, so a failure says which file to change.
"""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import bot
from bot.dialogs.router import REGISTRY

BOT = Path(bot.__file__).resolve().parent
MAX_LINES = 300
MIGRATIONS = BOT / "storage" / "migrations"
PROCESS = BOT / "process"

# The process layer is plain Python: no Teams SDK, no web server, no database, and none of the bot's
# layers that bring them (or read files: the concept loader) in by the back door.
FORBIDDEN_PACKAGES = ("botbuilder", "aiohttp", "sqlalchemy", "sqlmodel")
FORBIDDEN_LAYERS = ("bot.storage", "bot.dialogs", "bot.teams", "bot.scheduler", "bot.concepts", "bot.app", "bot.services")
# Ways to read (or write) a file: a call of any of these names (``open(…)``, ``io.open``, ``path.read_text()``,
# ``resources.files(…)``, ``os.listdir`` …), or an import of a module that exists to reach files. ``io``
# and ``os`` alone are no file access (``io.BytesIO`` builds a workbook in memory).
FILE_CALLS = frozenset({"open", "read_text", "read_bytes", "write_text", "write_bytes", "open_text", "open_binary",
                        "read_binary", "files", "as_file", "iterdir", "glob", "rglob", "listdir", "scandir", "walk",
                        "loadtxt", "fromfile"})
FILE_MODULES = ("importlib.resources", "importlib_resources", "pkgutil", "shutil", "glob", "pathlib", "tempfile",
                "fileinput")


def modules(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def name(path: Path) -> str:
    return str(path.relative_to(BOT.parent))


def _is(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def imported_modules(module: ast.Module, package: str = "bot.process") -> list[str]:
    """Every module an ``import`` or ``from … import`` names, wherever it stands (inside a function
    or ``TYPE_CHECKING`` too), relative ones made absolute from ``package``."""
    found: list[str] = []
    for node in ast.walk(module):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            source = ".".join(base + ([node.module] if node.module else []))
            found += [source] + [f"{source}.{alias.name}" for alias in node.names]
        elif (isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))
              and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) in ("import_module", "__import__")
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append(node.args[0].value)
    return found


def file_calls(module: ast.Module) -> list[tuple[int, str]]:
    """Calls that read or write files: ``open(…)``, ``path.read_text()``, ``resources.files(…)`` …"""
    found = []
    for node in ast.walk(module):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if called in FILE_CALLS:
                found.append((node.lineno, called))
    return found


# -- (a) no module over 300 lines ---------------------------------------------------------------
def test_no_module_in_bot_is_over_300_lines() -> None:
    too_long = {name(p): n for p in modules(BOT) if MIGRATIONS not in p.parents
                for n in [len(p.read_text(encoding="utf-8").splitlines())] if n > MAX_LINES}
    assert not too_long, f"modules over {MAX_LINES} lines (split them by what they are): {too_long}"


# -- (b) bot/process is pure ----------------------------------------------------------------------
def test_process_imports_no_sdk_web_server_or_database() -> None:
    offenders = {f"{name(p)}: {m}" for p in modules(PROCESS) for m in imported_modules(tree(p))
                 if any(_is(m, package) for package in FORBIDDEN_PACKAGES + FORBIDDEN_LAYERS)}
    assert not offenders, f"bot/process/ must not import {', '.join(FORBIDDEN_PACKAGES + FORBIDDEN_LAYERS)}: {sorted(offenders)}"


def test_process_reads_no_files() -> None:
    offenders = [f"{name(p)}:{line} calls {called}()" for p in modules(PROCESS) for line, called in file_calls(tree(p))]
    offenders += [f"{name(p)} imports {m}" for p in modules(PROCESS) for m in imported_modules(tree(p))
                  if any(_is(m, file_module) for file_module in FILE_MODULES)]
    assert not offenders, f"bot/process/ must read no files (loading belongs outside the process): {sorted(set(offenders))}"


def test_the_file_checks_see_what_they_look_for() -> None:
    """The checks above would catch a file read or a database import, and a comment does not fool them."""
    caught = ast.parse("from importlib.resources import files\nimport sqlmodel\n"
                       "def f(p):\n    with open(p) as h:\n        return p.read_text() + files('x').joinpath('y').read_bytes()\n")
    assert {c for _, c in file_calls(caught)} == {"open", "read_text", "files", "read_bytes"}
    assert {"importlib.resources", "sqlmodel"} <= set(imported_modules(caught))
    assert {"bot.storage.models", "bot.process.text"} <= set(imported_modules(ast.parse(
        "from ..storage import models\nfrom .text import clean_text\n")))
    harmless = ast.parse("# open(p) and path.read_text() and import sqlmodel, in a comment\nx = 'open(p)'\n")
    assert file_calls(harmless) == [] and imported_modules(harmless) == []


# -- (c) a card verb is written once ----------------------------------------------------------------
def string_constants(module: ast.Module) -> list[str]:
    return [node.value for node in ast.walk(module) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_each_card_verb_is_written_once_in_bot() -> None:
    """A verb is written as its payload model's ``VERB`` and nowhere else: the registry, the cards
    and the router all take it from the model (issue 8: adding a verb is one line in one place)."""
    verbs = set(REGISTRY.verbs)
    assert len(verbs) > 50, "the registry declares the bot's verbs"
    where: dict[str, list[str]] = {verb: [] for verb in verbs}
    for p in modules(BOT):
        for verb, count in Counter(s for s in string_constants(tree(p)) if s in verbs).items():
            where[verb] += [name(p)] * count
    missing = sorted(verb for verb, files in where.items() if not files)
    repeated = {verb: files for verb, files in sorted(where.items()) if len(files) > 1}
    assert not missing, f"verbs the registry knows but no source writes as a literal: {missing}"
    assert not repeated, f"verbs written more than once in bot/ (keep only the model's VERB): {repeated}"
