"""The situation report as a PDF: an A4 portrait layout holding one HTML frame that runs over as many pages as
the tables need (Qt's WebKit shapes the Thai and keeps it as text in the PDF), with the two charts
(printing.report_charts) as images between the tables, and the page number on each page.

The PDF is written through printing.layouts.export_pdf: a temporary file renamed at the end, so a failure
leaves no file.
"""

from __future__ import annotations

import datetime as dt
import html
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemHtml,
    QgsLayoutItemLabel,
    QgsLayoutItemPage,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QRectF, QUrl
from qgis.PyQt.QtGui import QFont

from ..core.situation_report import ReportTable, wait_class_labels
from ..core.thai_dates import LONG, thai_date, thai_digits
from ..definitions.i18n import translate
from .fonts import thai_font_family
from .layouts import export_pdf
from .report_charts import open_series_chart, waiting_chart

PAGE_MM = (210.0, 297.0)
MARGIN_MM = 12.0
FOOTER_MM = 8.0


@dataclass(frozen=True)
class ReportText:
    area: str  # "amphoe วังโป่ง (Wang Pong), code 6710"
    at: dt.datetime
    office: str = ""
    use_thai_digits: bool = False
    summary: Sequence[str] = ()  # the key figures, one sentence each


def _cell(value, digits: bool) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        text = f"{value:,.1f}"
    elif isinstance(value, int):
        text = f"{value:,}"
    elif isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
    else:
        return html.escape(str(value))
    return thai_digits(text) if digits else text


def _table_html(table: ReportTable, digits: bool, skip: Sequence[str] = ()) -> str:
    keep = [i for i, c in enumerate(table.columns) if c.name not in skip]
    numeric = {i for i, c in enumerate(table.columns) if c.type in ("integer", "real")}
    head = "".join(f"<th>{html.escape(table.headings[i])}</th>" for i in keep)
    body = []
    for n, row in enumerate(table.rows):
        total = table.total_row and n == len(table.rows) - 1
        cells = "".join(f"<td class='{'num' if i in numeric else 'txt'}'>{_cell(row[i], digits)}</td>" for i in keep)
        body.append(f"<tr class='total'>{cells}</tr>" if total else f"<tr>{cells}</tr>")
    if not table.rows:
        none = html.escape(translate("SituationReport", "None."))
        body.append(f"<tr><td colspan='{len(keep)}'>{none}</td></tr>")
    return f"<h2>{html.escape(table.title)}</h2><table><tr>{head}</tr>{''.join(body)}</table>"


_STYLE = """
body {{ font-family: '{family}'; font-size: 9pt; color: #222; margin: 0; }}
h1 {{ font-size: 17pt; margin: 0 0 2pt 0; }}
h2 {{ font-size: 11.5pt; margin: 12pt 0 4pt 0; page-break-after: avoid; }}
p.sub {{ font-size: 10pt; color: #444; margin: 0 0 6pt 0; }}
ul {{ margin: 4pt 0 0 14pt; padding: 0; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 0.6pt solid #999; padding: 1.5pt 3pt; font-size: 8.5pt; }}
th {{ background: #eeeeee; font-weight: bold; font-size: 8.5pt; }}
td.num {{ text-align: right; }}
tr {{ page-break-inside: avoid; }}
tr.total td {{ font-weight: bold; background: #f6f6f6; }}
img {{ width: 100%; border: 0.6pt solid #cccccc; }}  /* a border on every row: no smart page break inside a chart */
p.cap {{ font-size: 8.5pt; color: #444; margin: 2pt 0 0 0; }}
"""


def report_html(tables: Sequence[ReportTable], text: ReportText, charts: dict[str, Path], family: str) -> str:
    digits = text.use_thai_digits
    by_key = {t.key: t for t in tables}
    when = thai_date(text.at, LONG, digits, with_time=True)
    sub = translate("SituationReport", "{0} · as of {1}").format(html.escape(text.area), when)
    if text.office:
        sub += " · " + html.escape(text.office)
    title = html.escape(translate("SituationReport", "Situation report"))
    series_title = html.escape(translate("SituationReport", "Open requests over time"))
    waiting_title = html.escape(translate("SituationReport", "Waiting time distribution"))
    parts = [
        f"<html><head><meta charset='utf-8'><style>{_STYLE.format(family=family)}</style></head><body>",
        f"<h1>{title}</h1>",
        f"<p class='sub'>{sub}</p>",
        "<ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in text.summary) + "</ul>",
        _table_html(by_key["open_by_tambon"], digits),
        f"<h2>{series_title}</h2>",
        f"<img src='{QUrl.fromLocalFile(str(charts['series'])).toString()}'>",
        "<p class='cap'>"
        + html.escape(
            translate(
                "SituationReport",
                "Open requests at each time (every 6 hours); a closed request counts as open until its last change.",
            )
        )
        + "</p>",
        _table_html(by_key["waiting_by_urgency"], digits),
        f"<h2>{waiting_title}</h2>",
        f"<img src='{QUrl.fromLocalFile(str(charts['waiting'])).toString()}'>",
        "<p class='cap'>"
        + html.escape(translate("SituationReport", "Open requests by the hours they have waited so far."))
        + "</p>",
        _table_html(by_key["assignments_today"], digits, skip=("rejected",)),
        _table_html(by_key["facility_capacity"], digits),
        "</body></html>",
    ]
    return "".join(parts)


def export_report(tables: Sequence[ReportTable], text: ReportText, path: Path) -> int:
    """Write the report PDF; returns its page count. PrintError (THAI_FONT_MISSING, OUTPUT_UNWRITABLE,
    EXPORT_FAILED) leaves no file."""
    family = thai_font_family()
    by_key = {t.key: t for t in tables}
    with tempfile.TemporaryDirectory(prefix="jitasa-report-") as folder:
        series = by_key["open_over_time"]
        charts = {
            "series": open_series_chart(
                [(row[0], row[2]) for row in series.rows], Path(folder) / "series.png", family, text.use_thai_digits
            ),
            "waiting": waiting_chart(
                wait_class_labels(),
                [row[1] for row in by_key["waiting_distribution"].rows],
                Path(folder) / "waiting.png",
                family,
            ),
        }
        project = QgsProject()
        layout = QgsPrintLayout(project)
        layout.initializeDefaults()
        layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Portrait)
        layout.setName(translate("SituationReport", "Situation report"))
        frame_html = QgsLayoutItemHtml(layout)
        frame_html.setContentMode(QgsLayoutItemHtml.ManualHtml)
        frame_html.setResizeMode(QgsLayoutMultiFrame.RepeatUntilFinished)
        frame_html.setHtml(report_html(tables, text, charts, family))
        layout.addMultiFrame(frame_html)
        frame = QgsLayoutFrame(layout, frame_html)
        height = PAGE_MM[1] - 2 * MARGIN_MM - FOOTER_MM
        frame.attemptSetSceneRect(QRectF(MARGIN_MM, MARGIN_MM, PAGE_MM[0] - 2 * MARGIN_MM, height))
        frame_html.addFrame(frame)
        frame_html.loadHtml()
        pages = layout.pageCollection().pageCount()
        font = QFont(family)
        font.setPointSizeF(8)
        for page in range(pages):
            label = QgsLayoutItemLabel(layout)
            number = translate("SituationReport", "Situation report · page {0} of {1}").format(page + 1, pages)
            label.setText(thai_digits(number) if text.use_thai_digits else number)
            label.setFont(font)
            label.attemptResize(QgsLayoutSize(PAGE_MM[0] - 2 * MARGIN_MM, 6, QgsUnitTypes.LayoutMillimeters))
            label.attemptMove(
                QgsLayoutPoint(MARGIN_MM, PAGE_MM[1] - MARGIN_MM - 4, QgsUnitTypes.LayoutMillimeters), page=page
            )
            layout.addLayoutItem(label)
        export_pdf(layout, path)
    return pages


def summary_sentences(tables: Sequence[ReportTable], use_thai_digits: bool = False) -> list[str]:
    """The key figures in words: open (critical), median wait, assignments today, facilities full or closed."""
    by_key = {t.key: t for t in tables}
    open_total = by_key["open_by_tambon"].rows[-1][-1]
    waits = by_key["waiting_by_urgency"].rows
    all_row = waits[-1]
    today = by_key["assignments_today"].rows[-1][-1]
    facilities = by_key["facility_capacity"].rows
    full = sum(1 for r in facilities if r[6] in (_status("full"), _status("closed")))
    lines = [
        translate("SituationReport", "{0} open requests; median wait {1} h, longest {2} h.").format(
            open_total, _num(all_row[2]), _num(all_row[4])
        ),
        translate("SituationReport", "{0} assignments made today.").format(today),
        translate("SituationReport", "{0} of {1} facilities are full or closed.").format(full, len(facilities)),
    ]
    return [thai_digits(s) for s in lines] if use_thai_digits else lines


def _status(value: str) -> str:
    from ..definitions import labels

    return labels.capacity_status_label(value)


def _num(value: Optional[float]) -> str:
    return "–" if value is None else f"{value:,.1f}"
