"""The situation report's charts as PNG files, drawn with matplotlib (Debian's python3-matplotlib).

matplotlib lays text out glyph by glyph without Thai shaping, so a tone mark over an upper vowel can land
on it; the charts therefore carry only digits and short Thai abbreviations without stacked marks (day and
month: "2 ธ.ค."), and their titles and axis captions are printed by Qt in the report's HTML. The font is
the report's Thai font, found through matplotlib's font manager.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Sequence

from ..core.thai_dates import MONTHS_SHORT, thai_digits
from ..definitions.visuals import LABEL_FONT

CHART_DPI = 150
BAR_COLOUR = "#3182bd"
LINE_COLOUR = "#d7301f"


def _pyplot(family: str):
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    families = [f for f in (family, LABEL_FONT, "Noto Sans Thai", "Loma", "Garuda") if f in installed]
    plt.rcParams["font.family"] = families + ["DejaVu Sans"]
    plt.rcParams["font.size"] = 9
    return plt


def _day_label(t: dt.datetime, use_thai_digits: bool) -> str:
    text = f"{t.day} {MONTHS_SHORT[t.month - 1]}\n{t.hour:02d}.{t.minute:02d}"
    return thai_digits(text) if use_thai_digits else text


def open_series_chart(
    series: Sequence[tuple[dt.datetime, int]], path: Path, family: str, use_thai_digits: bool = False
) -> Path:
    """A line of the open requests at each time of the series."""
    plt = _pyplot(family)
    fig, ax = plt.subplots(figsize=(7.0, 2.6))
    try:
        xs = list(range(len(series)))
        ax.plot(xs, [n for _, n in series], color=LINE_COLOUR, linewidth=1.8, marker="o", markersize=2.5)
        step = max(1, len(series) // 8)
        ax.set_xticks(xs[::step])
        ax.set_xticklabels([_day_label(t, use_thai_digits) for t, _ in series][::step])
        ax.set_ylim(bottom=0)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        fig.savefig(path, dpi=CHART_DPI)
    finally:
        plt.close(fig)
    return path


def waiting_chart(classes: Sequence[str], counts: Sequence[int], path: Path, family: str) -> Path:
    """Bars of the open requests in each waiting-time class."""
    plt = _pyplot(family)
    fig, ax = plt.subplots(figsize=(7.0, 2.6))
    try:
        xs = list(range(len(counts)))
        ax.bar(xs, counts, color=BAR_COLOUR, width=0.7)
        for x, n in zip(xs, counts):
            ax.annotate(str(n), (x, n), ha="center", va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")
        ax.set_xticks(xs)
        ax.set_xticklabels([c.replace(" ", "\n", 1) if len(c) > 9 else c for c in classes])
        ax.set_ylim(bottom=0, top=max(list(counts) + [1]) * 1.15)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        fig.savefig(path, dpi=CHART_DPI)
    finally:
        plt.close(fig)
    return path
