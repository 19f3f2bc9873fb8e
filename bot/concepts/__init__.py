"""The bundled concept files (``nyborg.json``, ``dtu.json``) and the loader that reads them.

Reading files lives here, beside the JSON, so that ``bot.process.concept`` holds only the
models and the process rules stay pure; a concept reaches them already validated.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..process.concept import Concept

CONCEPT_DIR = Path(__file__).resolve().parent


def load_concept_file(path: Path) -> Concept:
    """Read and validate one concept file; pydantic's ValidationError says what is wrong."""
    return Concept.model_validate(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=16)
def load_concept(name_or_path: str = "nyborg") -> Concept:
    """Load a bundled concept by name (``nyborg``, ``dtu``) or any concept file by path."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".json" and candidate.exists():
        return load_concept_file(candidate)
    bundled = CONCEPT_DIR / f"{name_or_path}.json"
    if not bundled.exists():
        known = sorted(p.stem for p in CONCEPT_DIR.glob("*.json"))
        raise ValueError(f"unknown concept {name_or_path!r}; bundled concepts: {known}")
    return load_concept_file(bundled)
