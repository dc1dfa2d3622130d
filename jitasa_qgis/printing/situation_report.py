"""The situation report as a PDF: one Qt text document (Qt shapes the Thai with HarfBuzz and keeps it as text
in the PDF, the Thai font embedded) paginated on A4 portrait, with the two charts (printing.report_charts) as
images between the tables and "page n of m" at the foot of each page.

Each table's title and column headings are its header rows (QTextTableFormat.headerRowCount): a table that
runs onto the next page repeats them there, after filling this one down to the foot margin. A chart's title
stays on the page of its chart, and a table does not start with its headings alone at the foot of a page
(the block is moved to the next page). Lines break between words only (Thai words too, by Qt's Thai
line breaking); a table whose headings' words are too wide for the page gets smaller headings.

Drawn with QPainter on a QPdfWriter, no QGIS layout and no WebKit: it runs in a background task as well as
on the main thread. The PDF is written to a temporary file beside the target and renamed at the end, so a
failure or a cancel leaves no file.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

from qgis.PyQt.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from qgis.PyQt.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextOption,
    QTextTableCellFormat,
    QTextTableFormat,
)

from ..core.situation_report import ReportTable, wait_class_labels
from ..core.thai_dates import LONG, thai_date, thai_digits
from ..definitions.i18n import translate
from ..definitions.print_errors import PrintErrorCode
from .errors import PrintError
from .fonts import thai_font_family
from .layouts import check_writable
from .report_charts import open_series_chart, waiting_chart

PAGE_MM = (210.0, 297.0)
MARGIN_MM = 12.0
FOOTER_MM = 8.0
DPI = 300  # the writer's resolution: layout and drawing in its pixels
TEXT_COLOUR = "#222222"
MUTED_COLOUR = "#444444"
BORDER_COLOUR = "#999999"
HEADING_FILL = "#eeeeee"
TOTAL_FILL = "#f6f6f6"
CELL_LINE_HEIGHT = 80  # percent of the font's line spacing
TABLE_GAP_PT = 8  # above and below a table
SHORT_TABLE_ROWS = 12  # a table this short is not split across pages (unless it starts a page)
HEADING_PT, SMALLEST_HEADING_PT = 8.0, 5.5  # column headings shrink (by half points) until their table fits


class ReportCancelled(Exception):
    """The caller cancelled while the pages were drawn; no file was left behind."""


@dataclass(frozen=True)
class ReportText:
    area: str  # "amphoe วังโป่ง (Wang Pong), code 6710"
    at: dt.datetime
    office: str = ""
    use_thai_digits: bool = False
    summary: Sequence[str] = ()  # the key figures, one sentence each


def _px(mm: float) -> float:
    return mm / 25.4 * DPI


def _pt(points: float) -> float:
    """A length for the text layout's margins, padding and borders: Qt's 96-dpi pixels, which the layout
    scales to the writer's resolution itself."""
    return points / 72.0 * 96.0


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
        return str(value)
    return thai_digits(text) if digits else text


def _ruled(fill: Optional[str]) -> QTextTableCellFormat:
    """A cell with a thin grey rule on each side (and a fill)."""
    fmt = QTextTableCellFormat()
    fmt.setBorder(_pt(0.6))
    fmt.setBorderBrush(QBrush(QColor(BORDER_COLOUR)))
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle_Solid)
    if fill:
        fmt.setBackground(QBrush(QColor(fill)))
    return fmt


class _Writer:
    """Builds the document with a QTextCursor; remembers what must not be parted by a page break."""

    def __init__(self, family: str):
        self.family = family
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        font = QFont(family)
        font.setPointSizeF(9)
        self.doc.setDefaultFont(font)
        # lines break between words only; Qt's default (or anywhere) breaks a narrow column's heading mid-word
        option = self.doc.defaultTextOption()
        option.setWrapMode(QTextOption.WordWrap)
        self.doc.setDefaultTextOption(option)
        self.cursor = QTextCursor(self.doc)
        # (block that moves, positions that must share its page): a chart's title, its image and its caption
        self.keep_together: list[tuple[int, tuple[int, ...]]] = []
        # (table, positions of its first and last body cells, body rows)
        self.tables: list[tuple[object, int, int, int]] = []

    def char(self, size: float, bold: bool = False, colour: str = TEXT_COLOUR) -> QTextCharFormat:
        fmt = QTextCharFormat()
        font = QFont(self.family)
        font.setPointSizeF(size)
        font.setBold(bold)
        fmt.setFont(font)
        fmt.setForeground(QBrush(QColor(colour)))
        return fmt

    def paragraph(
        self,
        text: str,
        size: float,
        bold: bool = False,
        colour: str = TEXT_COLOUR,
        before: float = 0,
        after: float = 0,
        first: bool = False,
    ) -> int:
        block = QTextBlockFormat()
        block.setTopMargin(_pt(before))
        block.setBottomMargin(_pt(after))
        if first or self.cursor.block().length() == 1:  # the document's first block, or the empty one after a table
            self.cursor.setBlockFormat(block)
            self.cursor.setCharFormat(self.char(size, bold, colour))
        else:
            self.cursor.insertBlock(block, self.char(size, bold, colour))
        position = self.cursor.block().position()
        self.cursor.insertText(text)
        return position

    def bullets(self, lines: Sequence[str]) -> None:
        for line in lines:
            at = self.paragraph("•\u00a0" + line, 9, before=1.5)
            block = QTextCursor(self.doc.findBlock(at))
            fmt = block.blockFormat()
            fmt.setLeftMargin(_pt(14))
            fmt.setTextIndent(-_pt(8))
            block.setBlockFormat(fmt)

    def table(self, table: ReportTable, digits: bool, skip: Sequence[str] = ()) -> None:
        keep = [i for i, c in enumerate(table.columns) if c.name not in skip]
        numeric = {i for i, c in enumerate(table.columns) if c.type in ("integer", "real")}
        body = table.rows or [None]
        fmt = QTextTableFormat()
        fmt.setHeaderRowCount(2)  # the title and the headings: repeated on each page the table runs onto
        fmt.setBorderCollapse(True)
        fmt.setBorder(0)  # the cells draw their own borders: none around the title
        fmt.setCellSpacing(0)
        fmt.setCellPadding(_pt(2))
        fmt.setWidth(QTextLength(QTextLength.PercentageLength, 100))
        # no top margin: Qt adds a table's top margin to the room it keeps free at the foot of each page the
        # table runs over (up to a row's height more left empty); the space above the table is the bottom
        # margin of the paragraph before it, or of the table before it (an empty block between two tables
        # takes no room)
        fmt.setBottomMargin(_pt(TABLE_GAP_PT))
        self.cursor.movePosition(QTextCursor.End)
        before = self.cursor.blockFormat()
        before.setBottomMargin(max(before.bottomMargin(), _pt(TABLE_GAP_PT)))
        self.cursor.setBlockFormat(before)
        grid = self.cursor.insertTable(len(body) + 2, len(keep), fmt)
        grid.mergeCells(0, 0, 1, len(keep))
        title = QTextTableCellFormat()
        title.setLeftPadding(0)
        title.setBottomPadding(_pt(3))
        grid.cellAt(0, 0).setFormat(title)
        self._write(grid.cellAt(0, 0), table.title, self.char(11.5, bold=True))
        heading = _ruled(HEADING_FILL)
        for column, i in enumerate(keep):
            cell = grid.cellAt(1, column)
            cell.setFormat(heading)
            self._write(cell, table.headings[i], self.char(HEADING_PT, bold=True))
        plain, total_fill = _ruled(None), _ruled(TOTAL_FILL)
        for n, row in enumerate(body):
            if row is None:
                grid.mergeCells(2, 0, 1, len(keep))
                grid.cellAt(2, 0).setFormat(plain)
                self._write(grid.cellAt(2, 0), translate("SituationReport", "None."), self.char(8.5))
                break
            total = table.total_row and n == len(body) - 1
            for column, i in enumerate(keep):
                cell = grid.cellAt(n + 2, column)
                cell.setFormat(total_fill if total else plain)
                self._write(cell, _cell(row[i], digits), self.char(8.5, bold=total), right=i in numeric)
        last = grid.cellAt(len(body) + 1, 0).firstCursorPosition().position()
        self.tables.append((grid, grid.cellAt(2, 0).firstCursorPosition().position(), last, len(body)))
        self.cursor.movePosition(QTextCursor.End)

    @staticmethod
    def _write(cell, text: str, fmt: QTextCharFormat, right: bool = False) -> None:
        cursor = cell.firstCursorPosition()
        block = cursor.blockFormat()
        # Thai fonts' line spacing is tall (room for stacked marks); a table row needs less
        block.setLineHeight(CELL_LINE_HEIGHT, QTextBlockFormat.ProportionalHeight)
        if right:
            block.setAlignment(Qt.AlignRight)
            block.setNonBreakableLines(True)  # "1,577" is not broken at its comma
        cursor.setBlockFormat(block)
        cursor.insertText(text, fmt)

    def chart(self, title: str, image: QImage, name: str, caption: str, width_mm: float) -> None:
        title_at = self.paragraph(title, 11.5, bold=True, before=12, after=4)
        self.doc.addResource(QTextDocument.ImageResource, QUrl(name), image)
        picture = QTextImageFormat()
        picture.setName(name)
        # an image's size is in Qt's 96-dpi pixels, scaled to the device by the text layout
        picture.setWidth(width_mm / 25.4 * 96)
        picture.setHeight(width_mm / 25.4 * 96 * image.height() / max(image.width(), 1))
        self.cursor.insertBlock(QTextBlockFormat())
        image_at = self.cursor.block().position()
        self.cursor.insertImage(picture)
        caption_at = self.paragraph(caption, 8.5, colour=MUTED_COLOUR, before=2)
        self.keep_together.append((title_at, (image_at, caption_at)))


def build_document(
    tables: Sequence[ReportTable], text: ReportText, charts: dict[str, Path], family: str, device=None
) -> QTextDocument:
    """The report as a text document (laid out for `device`, the PDF writer, when given)."""
    digits = text.use_thai_digits
    by_key = {t.key: t for t in tables}
    w = _Writer(family)
    if device is not None:
        w.doc.documentLayout().setPaintDevice(device)
    width_mm = PAGE_MM[0] - 2 * MARGIN_MM
    w.doc.setPageSize(QSizeF(_px(width_mm), _px(PAGE_MM[1] - 2 * MARGIN_MM - FOOTER_MM)))
    when = thai_date(text.at, LONG, digits, with_time=True)
    sub = translate("SituationReport", "{0} · as of {1}").format(text.area, when)
    if text.office:
        sub += " · " + text.office
    w.cursor.beginEditBlock()  # one layout at the end, not one per cell written
    w.paragraph(translate("SituationReport", "Situation report"), 17, bold=True, after=2, first=True)
    w.paragraph(sub, 10, colour=MUTED_COLOUR, after=4)
    w.bullets(list(text.summary))
    w.table(by_key["open_by_tambon"], digits)
    w.chart(
        translate("SituationReport", "Open requests over time"),
        QImage(str(charts["series"])),
        "chart:series",
        translate(
            "SituationReport",
            "Open requests at each time (every 6 hours); a closed request counts as open until its last change.",
        ),
        width_mm,
    )
    w.table(by_key["waiting_by_urgency"], digits)
    w.chart(
        translate("SituationReport", "Waiting time distribution"),
        QImage(str(charts["waiting"])),
        "chart:waiting",
        translate("SituationReport", "Open requests by the hours they have waited so far."),
        width_mm,
    )
    w.table(by_key["assignments_today"], digits, skip=("rejected",))
    w.table(by_key["facility_capacity"], digits)
    w.cursor.endEditBlock()
    _fit_headings(w)
    _keep_together(w)
    return w.doc


def _fit_headings(w: _Writer) -> None:
    """Make a table's column headings smaller until the table is no wider than the page: a heading breaks
    only between words (the document's WordWrap), so a long word in a narrow column widens its column."""
    doc = w.doc
    width = doc.pageSize().width() + 1.0
    for grid, _first, _last, _rows in w.tables:
        size = HEADING_PT
        while doc.documentLayout().frameBoundingRect(grid).width() > width and size > SMALLEST_HEADING_PT:
            size -= 0.5
            for column in range(grid.columns()):
                cell = grid.cellAt(1, column)
                cursor = cell.firstCursorPosition()
                cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.KeepAnchor)
                cursor.mergeCharFormat(w.char(size, bold=True))


def _page_of(doc: QTextDocument, position: int) -> int:
    """The page the first line of the block at `position` is drawn on (a line that did not fit is pushed
    to the next page inside its block, so the block's own top can be a page earlier)."""
    block = doc.findBlock(position)
    top = doc.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    if layout is not None and layout.lineCount():
        top += layout.lineAt(0).y()
    return int((top + 1.0) // doc.pageSize().height())  # + 1: a line pushed to a page starts on its top edge


def _keep_together(w: _Writer, rounds: int = 8) -> None:
    """Move a chart's title to the page of its chart and caption, and a table to the next page when only its
    header rows fit at the foot of this one or when it is short (SHORT_TABLE_ROWS) and would be split; each
    move can shift what follows, so again until nothing moves."""
    doc = w.doc
    for _ in range(rounds):
        moved = False
        for title_at, rest in w.keep_together:
            if any(_page_of(doc, title_at) != _page_of(doc, at) for at in rest):
                cursor = QTextCursor(doc.findBlock(title_at))
                fmt = cursor.blockFormat()
                if not fmt.pageBreakPolicy() & QTextFormat.PageBreak_AlwaysBefore:
                    fmt.setPageBreakPolicy(QTextFormat.PageBreak_AlwaysBefore)
                    cursor.setBlockFormat(fmt)
                    moved = True
        for grid, first_body, last_body, rows in w.tables:
            title_at = grid.cellAt(0, 0).firstCursorPosition().position()
            page = _page_of(doc, title_at)
            short_and_split = rows <= SHORT_TABLE_ROWS and _page_of(doc, last_body) != page
            if page != _page_of(doc, first_body) or short_and_split:
                fmt = grid.format()
                if not fmt.pageBreakPolicy() & QTextFormat.PageBreak_AlwaysBefore:
                    fmt.setPageBreakPolicy(QTextFormat.PageBreak_AlwaysBefore)
                    grid.setFormat(fmt)
                    moved = True
        if not moved:
            return


def _draw(
    doc: QTextDocument,
    writer: QPdfWriter,
    footer: Callable[[int, int], str],
    family: str,
    is_cancelled: Optional[Callable[[], bool]],
) -> int:
    pages = doc.pageCount()
    size = doc.pageSize()
    margin = _px(MARGIN_MM)
    font = QFont(family)
    font.setPointSizeF(8)
    painter = QPainter()
    if not painter.begin(writer):
        raise PrintError(PrintErrorCode.EXPORT_FAILED, "QPainter on the PDF")
    try:
        for page in range(pages):
            if is_cancelled is not None and is_cancelled():
                raise ReportCancelled()
            if page:
                writer.newPage()
            painter.save()
            painter.translate(margin, margin - page * size.height())
            clip = QRectF(0, page * size.height(), size.width(), size.height())
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            context.palette.setColor(context.palette.Text, QColor(TEXT_COLOUR))
            doc.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(font)
            painter.setPen(QColor(MUTED_COLOUR))
            painter.drawText(QPointF(margin, _px(PAGE_MM[1] - MARGIN_MM) - _px(2)), footer(page + 1, pages))
    finally:
        painter.end()
    return pages


def export_report(
    tables: Sequence[ReportTable],
    text: ReportText,
    path: Path,
    is_cancelled: Optional[Callable[[], bool]] = None,
) -> int:
    """Write the report PDF; returns its page count. PrintError (THAI_FONT_MISSING, OUTPUT_UNWRITABLE,
    EXPORT_FAILED) and ReportCancelled leave no file (an earlier file at `path` stays as it was)."""
    family = thai_font_family()
    path = check_writable(path)
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
        try:
            handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part.pdf", dir=str(path.parent))
        except OSError as exc:
            raise PrintError(PrintErrorCode.OUTPUT_UNWRITABLE, f"{path} ({exc.strerror or exc})") from None
        os.close(handle)
        try:
            writer = QPdfWriter(name)
            writer.setResolution(DPI)
            writer.setPageLayout(
                QPageLayout(
                    QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Millimeter
                )
            )
            writer.setTitle(translate("SituationReport", "Situation report"))
            writer.setCreator("Jitasa QGIS")
            doc = build_document(tables, text, charts, family, writer)

            def footer(page: int, pages: int) -> str:
                words = translate("SituationReport", "Situation report · page {0} of {1}").format(page, pages)
                return thai_digits(words) if text.use_thai_digits else words

            pages = _draw(doc, writer, footer, family, is_cancelled)
            del writer  # closes the file
            os.replace(name, path)
        except BaseException:
            if os.path.exists(name):
                os.unlink(name)
            raise
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
