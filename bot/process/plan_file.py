"""The development plan as a spreadsheet (XLSX): the file the planning group sends on (step 13).

Three sheets, like the guide's templates: the initiatives (udviklingsplan and handleplan), the
milestones (tidsplan og milepæle, real dates) and IGLO (who contributes what). Written to memory
only; the words come from the caller (``label``: a text key -> the user's words), so this module
stays free of the text layer and of files.
"""
from __future__ import annotations

import io
from collections.abc import Callable

from .development_plan import DevelopmentPlan, Level

INITIATIVE_COLUMNS = (("devplan.field.title", 30), ("devplan.file.why", 40), ("devplan.actions", 45), ("devplan.file.follow_up", 35),
                      ("devplan.file.owner", 22), ("devplan.file.communication", 35), ("devplan.file.needs_organisation", 14),
                      ("devplan.field.ask", 35))
MILESTONE_COLUMNS = (("devplan.field.title", 30), ("devplan.file.phase", 16), ("devplan.file.milestone", 40), ("devplan.file.due", 14))
IGLO_COLUMNS = (("devplan.field.title", 30),) + tuple((f"devplan.level.{level.value}", 40) for level in Level)


def plan_workbook(plan: DevelopmentPlan, label: Callable[[str], str]) -> bytes:
    """The XLSX bytes of ``plan``; headers in the caller's language, frozen, columns sized."""
    import xlsxwriter  # here, not at the top: only a plan file needs it, and the bot starts faster without

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    day = book.add_format({"num_format": "dd-mm-yyyy", "valign": "top"})

    def sheet(name_key: str, columns: tuple[tuple[str, int], ...]):  # noqa: ANN202
        ws = book.add_worksheet(label(name_key)[:31])
        for col, (key, width) in enumerate(columns):
            ws.write_string(0, col, label(key), header)
            ws.set_column(col, col, width)
        ws.freeze_panes(1, 0)
        return ws

    initiatives = sheet("devplan.file.sheet.initiatives", INITIATIVE_COLUMNS)
    for row, i in enumerate(plan.initiatives, start=1):
        cells = (i.title, i.why, "\n".join(i.actions), i.follow_up, i.owner_name, i.communication,
                 label("devplan.file.yes") if i.needs_organisation else label("devplan.file.no"), i.ask)
        for col, value in enumerate(cells):
            initiatives.write_string(row, col, value, wrap)
    milestones = sheet("devplan.file.sheet.milestones", MILESTONE_COLUMNS)
    row = 1
    for i in plan.initiatives:
        for m in i.milestones:
            milestones.write_string(row, 0, i.title, wrap)
            milestones.write_string(row, 1, label(f"devplan.phase.{m.phase.value}"), wrap)
            milestones.write_string(row, 2, m.label, wrap)
            milestones.write_datetime(row, 3, m.due, day)  # a real date, not text
            row += 1
    iglo = sheet("devplan.file.sheet.iglo", IGLO_COLUMNS)
    for row, i in enumerate(plan.initiatives, start=1):
        iglo.write_string(row, 0, i.title, wrap)
        for col, level in enumerate(Level, start=1):
            iglo.write_string(row, col, i.contribution(level), wrap)
    book.close()
    return buffer.getvalue()
