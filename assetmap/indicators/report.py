"""The partnership report: one PDF (cover, a page per indicator, data sources and the
suppression note) or one self-contained offline HTML file with the same content.

``build_report(project, out, period=..., indicators=..., fmt="pdf"|"html", paper="a4"|"letter")``.
Matplotlib (Agg) is imported only here, when a report is made.
"""

from __future__ import annotations

import base64
import html
import io
import os
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.indicators.report_model import (SUPPRESSION_NOTE, Report, Section, build, fmt_change,
                                              fmt_value, period_title)
from assetmap.tasks import TaskContext, ensure

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

PAPERS = {"a4": (210 / 25.4, 297 / 25.4), "letter": (8.5, 11.0)}
FORMATS = ("pdf", "html")


def _figure(paper: str) -> "Figure":
    from assetmap.indicators.report_draw import new_figure

    return new_figure(PAPERS[paper])


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.fill(p, width) for p in text.split("\n"))


def _footer(fig: "Figure", report: Report, page: int, pages: int) -> None:
    fig.text(0.06, 0.02, f"{report.project_title} \u00b7 {report.title} \u00b7 {period_title(report.period)}",
             fontsize=7, color="#555555")
    fig.text(0.94, 0.02, f"page {page} of {pages}", fontsize=7, color="#555555", ha="right")


def cover_page(report: Report, paper: str, pages: int) -> "Figure":
    fig = _figure(paper)
    fig.text(0.08, 0.86, report.title, fontsize=26, fontweight="bold")
    fig.text(0.08, 0.82, report.project_title, fontsize=14)
    fig.text(0.08, 0.785, f"Period: {period_title(report.period)}", fontsize=12)
    fig.text(0.08, 0.76, f"Made on {report.made_on}", fontsize=10, color="#444444")
    fig.text(0.08, 0.69, "Indicators (city-wide)", fontsize=12, fontweight="bold")
    y = 0.66
    for s in report.sections:
        ind = s.indicator
        fig.text(0.08, y, _wrap(ind.name, 70), fontsize=9.5, va="top")
        if s.city_suppressed:
            value = f"suppressed (1\u2013{s.threshold or 10})"
        else:
            value = fmt_value(s.city_value, ind)
            if s.previous and s.city_previous == s.city_previous:
                value += f"  ({fmt_change(s.city_change, ind)} since {s.previous})"
        fig.text(0.92, y, value, fontsize=9.5, va="top", ha="right")
        fig.text(0.92, y - 0.017, f"{period_title(s.period)}, {ind.unit_label}", fontsize=7, va="top",
                 ha="right", color="#555555")
        y -= 0.05 if len(ind.name) <= 70 else 0.065
    note = SUPPRESSION_NOTE.format(t=report.threshold)
    fig.text(0.08, min(y - 0.03, 0.22), _wrap(note, 100), fontsize=8, va="top", color="#333333")
    _footer(fig, report, 1, pages)
    return fig


def indicator_page(report: Report, section: Section, paper: str, page: int, pages: int) -> "Figure":
    from assetmap.indicators.report_draw import city_line, draw_map, draw_table, draw_trend

    ind = section.indicator
    fig = _figure(paper)
    title = _wrap(ind.name, 62)
    fig.text(0.06, 0.96, title, fontsize=14, fontweight="bold", va="top")
    y = 0.96 - 0.026 * (title.count("\n") + 1) - 0.008
    sub = f"{period_title(section.period)} \u00b7 {ind.unit_label} \u00b7 " + (
        "higher is worse" if ind.direction == "higher_is_worse" else "higher is better")
    if ind.target is not None:
        sub += f" \u00b7 target {fmt_value(ind.target, ind)}"
    fig.text(0.06, y, sub, fontsize=9, color="#444444", va="top")
    fig.text(0.06, y - 0.022, city_line(section), fontsize=9.5, fontweight="bold", va="top")
    ax = fig.add_axes((0.04, 0.40, 0.64, y - 0.45))
    handles = draw_map(ax, section)
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.69, y - 0.06), fontsize=7.5, frameon=False,
               title=ind.unit_label or "value", title_fontsize=8, alignment="left")
    draw_trend(fig.add_axes((0.1, 0.12, 0.36, 0.22)), section)
    draw_table(fig.add_axes((0.53, 0.08, 0.41, 0.29)), section)
    note = f"Source: {ind.source}" if ind.source else ""
    fig.text(0.06, 0.062, _wrap(note, 130), fontsize=6.5, color="#555555", va="top")
    _footer(fig, report, page, pages)
    return fig


def _source_blocks(report: Report) -> list[list[tuple[str, str]]]:
    """The sources page's entries, (name, body) each, cut into pages that fit."""
    blocks = [(_wrap(name, 90), _wrap(f"Definition: {d}\nSource: {src}", 115))
              for (name, src), (_, d) in zip(report.sources, report.definitions)]
    pages, page, room = [], [], 0.84
    for b in blocks:
        h = _block_height(b)
        if page and h > room:
            pages.append(page)
            page, room = [], 0.84
        page.append(b)
        room -= h
    pages.append(page)
    if room < 0.25:  # attribution and suppression note would not fit under the last entries
        pages.append([])
    return pages


def _block_height(block: tuple[str, str]) -> float:
    return 0.018 * (block[0].count("\n") + 1) + 0.0135 * (block[1].count("\n") + 1) + 0.015


def sources_page(report: Report, blocks, paper: str, page: int, pages: int, last: bool) -> "Figure":
    fig = _figure(paper)
    fig.text(0.08, 0.94, "Data sources and definitions", fontsize=15, fontweight="bold")
    y = 0.9
    for name, body in blocks:
        fig.text(0.08, y, name, fontsize=9, fontweight="bold", va="top")
        y -= 0.018 * (name.count("\n") + 1)
        fig.text(0.1, y, body, fontsize=7.5, va="top", color="#333333")
        y -= 0.0135 * (body.count("\n") + 1) + 0.015
    if last:
        if report.attribution:
            text = _wrap(f"Attribution: {report.attribution}", 115)
            fig.text(0.08, y, text, fontsize=7.5, va="top")
            y -= 0.0135 * (text.count("\n") + 1) + 0.02
        fig.text(0.08, y, "Suppression of small counts", fontsize=11, fontweight="bold", va="top")
        fig.text(0.08, y - 0.025, _wrap(SUPPRESSION_NOTE.format(t=report.threshold), 105), fontsize=8,
                 va="top")
    _footer(fig, report, page, pages)
    return fig


def page_count(report: Report) -> int:
    return 1 + len(report.sections) + len(getattr(report, "risk_pages", [])) + len(_source_blocks(report))


def _figures(report: Report, paper: str):
    pages = page_count(report)
    yield cover_page(report, paper, pages)
    for i, s in enumerate(report.sections):
        yield indicator_page(report, s, paper, i + 2, pages)
    risk = getattr(report, "risk_pages", [])  # a page per risk analysis (assetmap.risk.report_pages)
    if risk:
        from assetmap.risk.report_pages import draw_page

        for j, rp in enumerate(risk):
            n = 2 + len(report.sections) + j
            yield draw_page(rp, PAPERS[paper], lambda fig, n=n: _footer(fig, report, n, pages))
    chunks = _source_blocks(report)
    for k, blocks in enumerate(chunks):
        yield sources_page(report, blocks, paper, 2 + len(report.sections) + len(risk) + k, pages,
                           k == len(chunks) - 1)


def write_pdf(report: Report, out: Path, paper: str = "a4", ctx: TaskContext | None = None) -> Path:
    from assetmap.indicators.report_draw import RC, matplotlib

    mpl = matplotlib()
    from matplotlib.backends.backend_pdf import PdfPages

    ctx = ensure(ctx)
    tmp = out.with_name(out.name + ".part")
    try:
        with mpl.rc_context(RC), PdfPages(tmp, metadata={"Title": f"{report.title}: {report.project_title}",
                                     "Creator": "assetmap"}) as pdf:
            total = page_count(report)
            for n, fig in enumerate(_figures(report, paper)):
                ctx.progress(0.5 + 0.5 * n / total, f"Drawing page {n + 1} of {total}")
                pdf.savefig(fig)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


# ------------------------------------------------------------------------------- HTML
def _png(fig: "Figure") -> str:
    buf = io.BytesIO()
    # No metadata: matplotlib would otherwise put its web address into every image.
    fig.savefig(buf, format="png", dpi=110, metadata={"Software": None}, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _map_image(section: Section) -> str:
    from assetmap.indicators.report_draw import draw_map, new_figure

    fig = new_figure((7.2, 5.6))
    ax = fig.add_axes((0.0, 0.0, 0.68, 1.0))
    handles = draw_map(ax, section)
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.69, 0.95), fontsize=8, frameon=False,
               title=section.indicator.unit_label or "value", title_fontsize=9, alignment="left")
    return _png(fig)


def _trend_image(section: Section) -> str | None:
    from assetmap.indicators.report_draw import draw_trend, new_figure

    if section.trend.empty:
        return None
    fig = new_figure((5.0, 2.6))
    draw_trend(fig.add_axes((0.13, 0.28, 0.83, 0.62)), section)
    return _png(fig)


_CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#222;max-width:62rem;margin:1.5rem auto;padding:0 1rem;}
h1{font-size:2rem;margin-bottom:.2rem} h2{font-size:1.35rem;margin-top:2rem;border-top:1px solid #bbb;padding-top:1rem}
.sub{color:#555} .city{font-weight:bold} img{max-width:100%} table{border-collapse:collapse;font-size:.85rem;margin:.4rem 0 1rem}
td,th{padding:.15rem .6rem;border-bottom:1px solid #ddd;text-align:left} td.n,th.n{text-align:right}
.tables{display:flex;gap:2rem;flex-wrap:wrap} .note{font-size:.85rem;color:#333;max-width:48rem}
section{page-break-before:always} @media print{body{margin:0}}
"""


def _rows_html(section: Section, which: str) -> str:
    from assetmap.indicators.report_draw import table_rows

    rows = table_rows(section, which)
    change = f"change since {section.previous}" if section.previous else "change"
    head = f"<tr><th>#</th><th>area</th><th class=n>value</th><th class=n>{html.escape(change)}</th></tr>"
    body = "".join(f"<tr><td>{html.escape(r[0])}</td><td>{html.escape(r[1])}</td><td class=n>{html.escape(r[2])}"
                   f"</td><td class=n>{html.escape(r[3])}</td></tr>" for r in rows)
    body = body or "<tr><td colspan=4><i>no published values</i></td></tr>"
    return f"<table>{head}{body}</table>"


def render_html(report: Report) -> str:
    from assetmap.indicators.report_draw import RC, matplotlib

    with matplotlib().rc_context(RC):
        return _html(report)


def _html(report: Report) -> str:
    from assetmap.indicators.report_draw import city_line

    e = html.escape
    parts = [f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{e(report.title)}: "
             f"{e(report.project_title)}</title><style>{_CSS}</style></head><body>",
             f"<header><h1>{e(report.title)}</h1><p>{e(report.project_title)}<br>Period: "
             f"{e(period_title(report.period))}<br><span class=sub>Made on {e(report.made_on)}</span></p>",
             "<table><tr><th>indicator</th><th>period</th><th class=n>city-wide</th><th class=n>change</th></tr>"]
    for s in report.sections:
        value = (f"suppressed (1\u2013{s.threshold or 10})" if s.city_suppressed
                 else fmt_value(s.city_value, s.indicator))
        change = (f"{fmt_change(s.city_change, s.indicator)} since {s.previous}"
                  if s.previous and not s.city_suppressed else "\u2013")
        parts.append(f"<tr><td>{e(s.indicator.name)}</td><td>{e(period_title(s.period))}</td>"
                     f"<td class=n>{e(value)}</td><td class=n>{e(change)}</td></tr>")
    parts.append(f"</table><p class=note>{e(SUPPRESSION_NOTE.format(t=report.threshold))}</p></header>")
    for s in report.sections:
        ind = s.indicator
        sub = f"{period_title(s.period)} · {ind.unit_label} · " + (
            "higher is worse" if ind.direction == "higher_is_worse" else "higher is better")
        parts.append(f"<section><h2>{e(ind.name)}</h2><p class=sub>{e(sub)}</p><p class=city>{e(city_line(s))}</p>")
        parts.append(f"<img alt='Map of {e(ind.name)}' src='{_map_image(s)}'>")
        trend = _trend_image(s)
        if trend:
            parts.append(f"<img alt='City-wide trend' src='{trend}'>")
        parts.append(f"<div class=tables><div><h3>Highest</h3>{_rows_html(s, 'top')}</div>"
                     f"<div><h3>Lowest</h3>{_rows_html(s, 'bottom')}</div></div>")
        if s.n_suppressed:
            parts.append(f"<p class=note>{s.n_suppressed} areas suppressed (1\u2013{s.threshold or 10} reports): "
                         "hatched on the map, not ranked.</p>")
        if s.n_no_value:
            parts.append(f"<p class=note>{s.n_no_value} areas without a value (no residents): not ranked.</p>")
        if ind.source:
            parts.append(f"<p class=note>Source: {e(ind.source)}</p>")
        parts.append("</section>")
    parts.append("<section><h2>Data sources and definitions</h2><dl>")
    for (name, source), (_, definition) in zip(report.sources, report.definitions):
        parts.append(f"<dt><b>{e(name)}</b></dt><dd>Definition: {e(definition)}<br>Source: {e(source)}</dd>")
    parts.append("</dl>")
    if report.attribution:
        parts.append(f"<p class=note>Attribution: {e(report.attribution)}</p>")
    parts.append(f"<h3>Suppression of small counts</h3><p class=note>"
                 f"{e(SUPPRESSION_NOTE.format(t=report.threshold))}</p></section></body></html>")
    return "".join(parts)


def write_html(report: Report, out: Path) -> Path:
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_text(render_html(report), encoding="utf-8")
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def build_report(project, out: str | os.PathLike, *, period: str | None = None,
                 indicators: list[str] | None = None, fmt: str | None = None, paper: str = "a4",
                 ctx: TaskContext | None = None) -> Path:
    """Write the partnership report; ``fmt`` defaults from the file's extension."""
    out = Path(out)
    fmt = (fmt or ("html" if out.suffix.lower() in (".html", ".htm") else "pdf")).lower()
    if fmt not in FORMATS:
        raise UserError(f"Unknown report format '{fmt}'.", "Use --format pdf or --format html.")
    paper = paper.lower()
    if paper not in PAPERS:
        raise UserError(f"Unknown paper size '{paper}'.", "Use --paper a4 or --paper letter.")
    if not out.parent.is_dir():
        raise UserError(f"The folder {out.parent} does not exist.", "Create it first or choose another.")
    ctx = ensure(ctx)
    ctx.progress(0.05, "Computing the indicators")
    report = build(project, period=period, indicator_ids=indicators, ctx=None)
    if fmt == "pdf":
        from assetmap.risk.report_pages import risk_pages

        report.risk_pages = risk_pages(project)
    ctx.check()
    try:
        if fmt == "pdf":
            return write_pdf(report, out, paper, ctx)
        return write_html(report, out)
    except OSError as exc:
        raise UserError(f"Can't write {out} ({exc.strerror}).", "Choose a folder you can write to.") from exc
