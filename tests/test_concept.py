"""The bundled concept files: Nyborg's catalogue as the guide lists it, and DTU's variant."""
from __future__ import annotations

import json

import pytest
from pydantic import BaseModel, ValidationError

from bot.concepts import CONCEPT_DIR, load_concept, load_concept_file
from bot.process.concept import LANGUAGES, Concept, Kind, Localized

# Bilag 1's lists, in the guide's order (the guide's text says 8 and 4; its lists hold 9 and 6).
GUIDE_WELLBEING = [
    "Social støtte og tillid",
    "Indflydelse og involvering",
    "Mening og retning",
    "Variation og udvikling",
    "Belønning og anerkendelse",
    "Mestring, kvalitet og præstationer",
    "Motivation og engagement",
    "Forudsigelighed, tydelighed og kommunikation",
    "Balance og overskud",
]
GUIDE_LEADERSHIP = [
    "Politik og kerneopgave",
    "Borgeren i centrum",
    "Helhed og tværgående samarbejde",
    "Fælles retning og mål",
    "Resultater, optimering og udvikling",
    "Kommunikation og samarbejdskultur",
]
BUNDLED = ["nyborg", "dtu"]


def localized_texts(concept: Concept) -> list[tuple[str, Localized]]:
    """Every Localized value in the concept, with a path for the failure message."""
    found: list[tuple[str, Localized]] = []

    def visit(value: object, path: str) -> None:
        if isinstance(value, Localized):
            found.append((path, value))
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                visit(getattr(value, name), f"{path}.{name}")
        elif isinstance(value, dict):
            for key, item in value.items():
                visit(item, f"{path}.{key}")
        elif isinstance(value, (tuple, list)):
            for index, item in enumerate(value):
                visit(item, f"{path}[{index}]")

    visit(concept, concept.id)
    return found


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_concept_loads_by_name_and_by_path(name: str) -> None:
    concept = load_concept(name)
    assert concept.id == name
    assert load_concept_file(CONCEPT_DIR / f"{name}.json") == concept


def test_an_organisations_own_file_loads_by_path(tmp_path) -> None:
    own = load_concept("nyborg").model_copy(update={"id": "aarhus"})
    path = tmp_path / "aarhus.json"
    path.write_text(own.model_dump_json(), encoding="utf-8")
    assert load_concept(str(path)) == own


def test_an_unknown_concept_names_the_bundled_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown concept 'odense'.*\['dtu', 'nyborg'\]"):
        load_concept("odense")


def test_a_broken_concept_file_is_refused(tmp_path) -> None:
    raw = load_concept("nyborg").model_dump(mode="json")
    del raw["catalogues"]["leadership"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ValidationError, match="lacks catalogues"):
        load_concept_file(path)


@pytest.mark.parametrize("name", BUNDLED)
def test_theme_ids_are_unique_kebab_case_and_own_proposal_is_own(name: str) -> None:
    concept = load_concept(name)
    for kind in Kind:
        catalogue = concept.catalogue(kind)
        ids = catalogue.choice_ids
        assert len(ids) == len(set(ids))
        assert catalogue.own_proposal.id == "own"
        for theme_id in ids:
            assert theme_id == theme_id.lower() and " " not in theme_id and "--" not in theme_id


@pytest.mark.parametrize("name", BUNDLED)
def test_every_text_is_non_empty_in_both_languages(name: str) -> None:
    texts = localized_texts(load_concept(name))
    assert len(texts) > 40  # titles and descriptions of all themes, plus the process texts
    for path, value in texts:
        for lang in LANGUAGES:
            text = value(lang)
            assert text.strip(), f"{path} is empty in {lang}"
            assert text == text.strip() and "  " not in text and "\n" not in text, f"{path} ({lang}) has stray spacing"


@pytest.mark.parametrize("name", BUNDLED)
def test_english_is_a_translation_not_a_copy(name: str) -> None:
    concept = load_concept(name)
    for path, value in localized_texts(concept):
        if path.endswith("organisation"):
            continue  # proper names stay as they are
        if "description" in path or "intro" in path or "question" in path:
            assert value.da != value.en, f"{path} is not translated"


def test_nyborg_titles_are_the_guides_lists() -> None:
    concept = load_concept("nyborg")
    wellbeing = concept.catalogue(Kind.WELLBEING)
    leadership = concept.catalogue(Kind.LEADERSHIP)
    assert [t.title.da for t in wellbeing.themes] == GUIDE_WELLBEING
    assert [t.title.da for t in leadership.themes] == GUIDE_LEADERSHIP
    assert wellbeing.own_proposal.title.da == "Valgfrit emne"
    assert leadership.own_proposal.title.da == "Valgfrit tema"


def test_nyborg_texts_use_the_guides_wording() -> None:
    concept = load_concept("nyborg")
    assert concept.organisation.da == "Nyborg Kommune"
    assert concept.dialogue_name.da == "TalSammen Udviklingsdialog"
    assert concept.question_why_me.da == "For mig er dette tema vigtigt, fordi …"
    assert concept.question_core_task.da == (
        "Dette tema er vigtigt i forhold til at udvikle vores samarbejde om kerneopgaven, fordi …"
    )
    assert concept.catalogue(Kind.WELLBEING).intro.da.startswith("Du skal vælge ét trivselstema, som du synes er vigtigt")
    assert concept.catalogue(Kind.LEADERSHIP).intro.da.startswith("Du skal vælge ét ledelsestema, som du synes er vigtigt")
    social = concept.catalogue(Kind.WELLBEING).find("social-support-trust")
    assert social is not None
    assert social.description.da.startswith("Oplevelsen af at føle sig værdsat og respekteret.")
    assert concept.privacy_notice_url is None  # the lead decides the address


def test_dtu_has_the_same_method_in_dtu_words() -> None:
    # DTU's own themes and texts are checked against its material in tests/test_concept_dtu.py.
    nyborg, dtu = load_concept("nyborg"), load_concept("dtu")
    assert dtu.workplace_word.da == "enhed" and dtu.workplace_word.en == "unit"
    assert dtu.question_why_me == nyborg.question_why_me and "question_why_me" in dtu.local_choice
    assert all(dtu.catalogue(kind).themes == () and dtu.catalogue(kind).silent for kind in Kind)
    raw = json.dumps(dtu.model_dump(mode="json"), ensure_ascii=False)
    assert "Nyborg" not in raw and "kommune" not in raw.lower() and "borger" not in raw.lower()

