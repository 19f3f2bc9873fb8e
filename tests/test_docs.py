"""The guides in docs/: one per role in Danish and English, every picture there, every picture a real card, up to date.

The pictures are drawn by scripts/render_cards.py from docs/render/samples.py; docs/img/manifest.json
holds a hash of each card's JSON at drawing time, so a card the bot changed makes this fail until
someone reruns `bash scripts/render_cards.sh`.
"""
from __future__ import annotations

import importlib.util
import inspect
import re
import shutil
import sys
from pathlib import Path

import pytest

from cards_validation import assert_valid_card

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
ROLES = ("employee", "planning-group", "leader", "contact-person", "coordination-committee-hr", "administrator")
LANGS = ("da", "en")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)|<img [^>]*src=\"([^\"]+)\"")


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


render = load("render_cards", ROOT / "scripts" / "render_cards.py")  # puts docs/render on sys.path
samples = load("samples", DOCS / "render" / "samples.py")


def guides() -> list[Path]:
    """The role guides, their index and the README (which shows three of the pictures)."""
    return sorted([*(DOCS / "da").glob("*.md"), *(DOCS / "en").glob("*.md"), DOCS / "README.md", ROOT / "README.md"])


def links(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return [a or b for a, b in LINK.findall(text)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ROLES)
def test_every_role_has_a_guide_in_both_languages(role: str, lang: str) -> None:
    guide = DOCS / lang / f"{role}.md"
    assert guide.exists(), guide
    text = guide.read_text(encoding="utf-8")
    assert text.startswith("# ") and len(text) > 800
    other = "en" if lang == "da" else "da"
    assert f"../{other}/{role}.md" in text, "each guide links its translation"


def test_every_picture_and_page_a_guide_links_exists() -> None:
    for path in guides():
        for target in links(path):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            assert (path.parent / target.split("#")[0]).exists(), f"{path.relative_to(ROOT)} links {target}, which does not exist"


def test_every_picture_is_a_card_the_bot_builds_and_a_guide_shows() -> None:
    shown = {(path.parent / target).resolve() for path in guides() for target in links(path) if target.endswith(".png")}
    for lang in LANGS:
        pictures = sorted((DOCS / "img" / lang).glob("*.png"))
        assert {p.stem for p in pictures} == set(samples.BUILDERS), "rerun: bash scripts/render_cards.sh"
        for picture in pictures:
            assert picture.resolve() in shown, f"no guide shows {picture.relative_to(ROOT)}"
    cards_modules = {name for name in sys.modules if name.startswith("bot.cards.")}
    for name, builder in samples.BUILDERS.items():
        used = [samples.__dict__.get(n) for n in builder.__code__.co_names]
        card_functions = [f for f in used if inspect.isfunction(f) and f.__module__ in cards_modules and f.__name__.endswith("_card")]
        assert card_functions, f"{name} is not drawn by one of bot/cards' card builders"


@pytest.mark.parametrize("lang", LANGS)
def test_the_sample_cards_are_valid_and_the_same_every_time(lang: str) -> None:
    first, again = samples.cards(lang), samples.cards(lang)
    assert first == again
    for card in first.values():
        assert_valid_card(card)


def test_the_renderer_is_pinned_and_the_host_config_is_teams() -> None:
    assert (DOCS / "render" / "package-lock.json").exists()
    host = (DOCS / "render" / "hostconfig.json").read_text()
    assert '"fontFamily"' in host and "Segoe UI" in host


@pytest.mark.skipif(render.chromium() is None, reason=f"chromium not found ({render.INSTALL_CHROMIUM}); pictures not checked")
def test_the_pictures_show_the_cards_the_bot_sends_today() -> None:
    problems = render.stale(render.build_cards())
    assert not problems, "the card pictures are out of date: " + "; ".join(problems[:10]) + \
        ". Rerun: bash scripts/render_cards.sh"
