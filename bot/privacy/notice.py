"""Rendering the privacy notice as a small, plain HTML page.

The notice is Markdown-like text in notice_da.md / notice_en.md with a handful of
placeholders. Every piece of text, placeholder values included, is HTML-escaped, and the page
carries a Content-Security-Policy that allows no scripts, so nothing in it can run.
"""
from __future__ import annotations

import html
from pathlib import Path

NOTICE_DIR = Path(__file__).resolve().parent
LANGUAGES = ("da", "en")
DEFAULT_CONTACT = {
    "da": "Kontakt {organisation}s databeskyttelsesrådgiver (DPO) eller din leder.",
    "en": "Contact the data protection officer (DPO) of {organisation}, or your leader.",
}
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def notice_text(lang: str, *, organisation: str, retention_days: int, min_group_size: int, contact: str = "") -> str:
    """The notice in `lang` with its placeholders filled in."""
    if lang not in LANGUAGES:
        raise ValueError(f"no privacy notice in {lang!r}")
    template = (NOTICE_DIR / f"notice_{lang}.md").read_text(encoding="utf-8")
    values = {"organisation": organisation, "retention_days": str(retention_days), "min_group_size": str(min_group_size)}
    values["contact"] = contact or DEFAULT_CONTACT[lang].format(**values)
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def notice_html(lang: str, **values: object) -> str:
    """The notice as an HTML document: headings, paragraphs and lists, all text escaped."""
    lines = notice_text(lang, **values).splitlines()  # type: ignore[arg-type]
    title = lines[0].removeprefix("# ") if lines else ""
    out = [
        "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>", "</head>", "<body>",
    ]
    in_list = False
    for line in lines:
        if line.startswith("- "):
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if line.startswith("## "):
            out.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("# "):
            out.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line.strip():
            out.append(f"<p>{html.escape(line)}</p>")
    if in_list:
        out.append("</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
