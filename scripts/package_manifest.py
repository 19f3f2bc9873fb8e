"""Build the Teams app package (manifest + localisations + icons) for upload.

    python scripts/package_manifest.py --app-id <MICROSOFT_APP_ID> [--out dist/talsammen.zip]
"""
from __future__ import annotations

import argparse
import json
import uuid
import zipfile
from pathlib import Path

MANIFEST_DIR = Path(__file__).resolve().parent.parent / "manifest"
FILES = ("da.json", "en.json", "color.png", "outline.png")


def build(app_id: str, out: Path, *, version: str | None = None) -> Path:
    uuid.UUID(app_id)  # the bot id must be the Entra app id, a GUID
    manifest = json.loads((MANIFEST_DIR / "manifest.json").read_text(encoding="utf-8"))
    for bot in manifest["bots"]:
        bot["botId"] = app_id
    if version:
        manifest["version"] = version
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        for name in FILES:
            package.write(MANIFEST_DIR / name, name)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--out", type=Path, default=Path("dist/talsammen.zip"))
    parser.add_argument("--version")
    args = parser.parse_args()
    print(build(args.app_id, args.out, version=args.version))


if __name__ == "__main__":
    main()
