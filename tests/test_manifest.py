"""The Teams app manifest validates against the official 1.24 schema, in both languages."""
from __future__ import annotations

import importlib.util
import json
import struct
import zipfile
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = Path(__file__).resolve().parent / "schemas" / "teams-manifest" / "v1.24"


def load(name: str) -> dict:
    return json.loads((ROOT / "manifest" / name).read_text(encoding="utf-8"))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_manifest_matches_schema():
    schema = json.loads((SCHEMAS / "MicrosoftTeams.schema.json").read_text(encoding="utf-8"))
    manifest = load("manifest.json")
    jsonschema.Draft4Validator(schema).validate(manifest)
    assert manifest["bots"][0]["scopes"] == ["team", "personal"]


@pytest.mark.parametrize("name", ["da.json", "en.json"])
def test_localisations_match_schema(name):
    schema = json.loads((SCHEMAS / "MicrosoftTeams.Localization.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(load(name))


def test_languages_shipped_as_plain_tags():
    info = load("manifest.json")["localizationInfo"]
    tags = {info["defaultLanguageTag"]} | {lang["languageTag"] for lang in info["additionalLanguages"]}
    assert tags == {"da", "en"}


def test_icons_have_teams_sizes_and_outline_is_transparent():
    assert png_size(ROOT / "manifest" / "color.png") == (192, 192)
    assert png_size(ROOT / "manifest" / "outline.png") == (32, 32)
    assert (ROOT / "manifest" / "outline.png").read_bytes()[25] == 6  # colour type RGBA


def test_package_carries_the_app_id(tmp_path):
    spec = importlib.util.spec_from_file_location("package_manifest", ROOT / "scripts" / "package_manifest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    app_id = "11111111-2222-3333-4444-555555555555"
    out = module.build(app_id, tmp_path / "app.zip")
    with zipfile.ZipFile(out) as package:
        assert sorted(package.namelist()) == ["color.png", "da.json", "en.json", "manifest.json", "outline.png"]
        assert json.loads(package.read("manifest.json"))["bots"][0]["botId"] == app_id
    with pytest.raises(ValueError):
        module.build("not-a-guid", tmp_path / "bad.zip")
