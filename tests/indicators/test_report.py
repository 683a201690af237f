"""The partnership report: pages, searchable text, no withheld value, offline HTML.

Reads the PDF with poppler's pdftotext/pdfinfo/pdftoppm (scripts/install-system-deps installs
poppler-utils)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.conftest import run_cli


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: run `bash scripts/install-system-deps` (poppler-utils)")
    return path


def pdf_pages(pdf) -> list[str]:
    text = subprocess.run([_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def pdf_info(pdf) -> dict[str, str]:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


@pytest.fixture()
def report_pdf(demo, tmp_path):
    from assetmap.indicators.report import build_report

    out = build_report(demo, tmp_path / "report.pdf", period="2019Q3")
    return out


def test_pdf_has_cover_a_page_per_indicator_and_sources(report_pdf, demo):
    from assetmap.indicators import default_indicators

    inds = default_indicators(demo)
    pages = pdf_pages(report_pdf)
    assert int(pdf_info(report_pdf)["Pages"]) == len(pages) == len(inds) + 2
    assert "Partnership report" in pages[0] and demo.title in pages[0] and "2019-Q3" in pages[0]
    for page, ind in zip(pages[1:-1], inds):
        flat = " ".join(page.split())
        assert ind.name.split(" (")[0] in flat
        for must in ("Highest", "Lowest", "City-wide trend", "1–10 reports: suppressed", "mi (", "N"):
            assert must in flat, (ind.id, must)
    assert "Data sources and definitions" in pages[-1] and "Suppression of small counts" in pages[-1]
    assert "slmpd_part1_2017.csv" in " ".join(pages[-1].split())
    assert "page 4 of 4" in pages[-1]


def test_no_withheld_value_in_the_pdf_and_city_figures_are_the_published_ones(report_pdf, demo):
    """Every withheld area of the page's period: its name is not on the page (it is not
    ranked). Every listed area is a published one with its own value; the city line is the
    published total over the population."""
    from assetmap.indicators import compute, default_indicators
    from assetmap.indicators.report_model import fmt_value

    inds = default_indicators(demo)
    df = compute(demo, inds, periods=["2019-Q3", "2019-Q2"])
    pages = pdf_pages(report_pdf)
    for page, ind in zip(pages[1:-1], inds):
        rows = df[(df["indicator"] == ind.id) & (df["period"] == "2019-Q3")]
        units = rows[rows["unit_id"] != "ALL"]
        shown = set(units.loc[~units["suppressed"], "unit_name"])
        withheld = units[units["suppressed"]]
        assert len(withheld) > 20
        for name in withheld["unit_name"]:
            if any(name in other for other in shown):  # a substring of a published name
                continue
            assert name not in page, (ind.id, name)
        # Table lines: "rank  name  value  change"; each value is that area's published value.
        listed = 0
        for line in page.splitlines():
            for name in shown:
                m = re.search(r"\b(\d+)\s+" + re.escape(name) + r"\s+(\S+)", line)
                if m:
                    value = units.loc[units["unit_name"] == name, "value"].iloc[0]
                    assert m.group(2) == fmt_value(float(value), ind), (name, line)
                    listed += 1
        assert listed >= 5
        city = rows[rows["unit_id"] == "ALL"].iloc[0]
        meta = demo.layer(ind.numerator_layer).extra["reports"]
        assert city["numerator"] == meta["period_totals"]["2019-Q3"]
        flat = " ".join(page.split())
        assert f"City-wide, 2019-Q3: {fmt_value(city['value'], ind)} per 1,000 residents" in flat
        prev = df[(df["indicator"] == ind.id) & (df["period"] == "2019-Q2") & (df["unit_id"] == "ALL")].iloc[0]
        diff = city["value"] - prev["value"]
        assert f"+{fmt_value(diff, ind)} since 2019-Q2" in flat if diff > 0 else "since 2019-Q2" in flat


def test_pages_render_and_paper_sizes(demo, tmp_path):
    """Letter and A4 page boxes; every page renders to a non-blank PNG; the maps hold hatching."""
    from PIL import Image

    from assetmap.indicators.report import build_report

    a4 = build_report(demo, tmp_path / "a4.pdf", paper="a4", indicators=["dv_rate"], period="all")
    letter = build_report(demo, tmp_path / "letter.pdf", paper="letter", indicators=["dv_rate"], period="all")
    assert pdf_info(a4)["Page size"].endswith("(A4)")
    assert pdf_info(letter)["Page size"].endswith("(letter)")
    subprocess.run([_tool("pdftoppm"), "-r", "50", "-png", str(letter), str(tmp_path / "pg")], check=True)
    pngs = sorted(tmp_path.glob("pg-*.png"))
    assert len(pngs) == 3
    for png in pngs:
        img = Image.open(png).convert("L")
        lo, hi = img.getextrema()
        assert hi - lo > 150  # text and drawing on white
    img = Image.open(pngs[1]).convert("RGB")
    w, h = img.size
    # The map's ramp colours (YlOrRd: reds/oranges) and the hatched white of withheld areas.
    px = [img.getpixel((x, y)) for x in range(0, int(w * 0.68), 2) for y in range(int(h * 0.15), int(h * 0.6), 2)]
    assert sum(1 for r, g, b in px if r > 200 and g < 150 and b < 100) > 50


def test_html_is_self_contained_and_offline(demo, tmp_path):
    from assetmap.indicators.report import build_report

    out = build_report(demo, tmp_path / "report.html", period="2018Q4")
    text = out.read_text(encoding="utf-8")
    assert not re.search(r"https?://", text, re.I)
    assert "<script" not in text and "<link" not in text and "@import" not in text
    imgs = re.findall(r"<img[^>]*src='([^']*)'", text)
    assert len(imgs) == 4 and all(s.startswith("data:image/png;base64,") for s in imgs)
    assert "Data sources and definitions" in text and "1–10" in text
    assert text.count("<section>") == 3


def test_cli_report(demo, tmp_path, backend):
    p = backend.target(demo)
    out = tmp_path / "r.pdf"
    r = run_cli("report", p, out, "--period", "2018Q4", "--indicators", "dv_rate", "--paper", "letter")
    assert r.returncode == 0, r.stderr
    assert len(pdf_pages(out)) == 3 and "2018-Q4" in pdf_pages(out)[1]
    r = run_cli("report", p, tmp_path / "r.html", "--format", "html", "--period", "all")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "r.html").exists()
    before = backend.state(p)
    r = run_cli("report", p, tmp_path / "bad.pdf", "--period", "2030Q1")
    assert r.returncode == 2 and "2030-Q1" in r.stderr
    assert not (tmp_path / "bad.pdf").exists() and not list(tmp_path.glob("*.part"))
    r = run_cli("report", p, tmp_path / "bad2.pdf", "--indicators", "nope")
    assert r.returncode == 2 and "nope" in r.stderr
    assert backend.state(p) == before


def test_report_leaves_matplotlib_settings_alone(demo, tmp_path):
    """The app (a dashboard dock) may use matplotlib too: no backend switch, no rcParams change."""
    import matplotlib as mpl

    from assetmap.indicators.report import build_report

    before, backend = dict(mpl.rcParams), mpl.get_backend()
    build_report(demo, tmp_path / "r.pdf", indicators=["dv_rate"])
    build_report(demo, tmp_path / "r.html", indicators=["dv_rate"])
    after = dict(mpl.rcParams)
    assert {k for k in before if before[k] != after[k]} == set() and mpl.get_backend() == backend
