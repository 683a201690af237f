"""The partnership report PDF gets a page per risk analysis, with the method in plain words."""

from __future__ import annotations

from assetmap.cli import main


def test_partnership_report_has_a_page_per_risk_analysis(stl_project, dv_csv, tmp_path):
    import pdfplumber

    p = str(stl_project.path)
    assert main(["reports", p, str(dv_csv), "--kind", "dv", "--areas", "neighborhoods", "--population-field",
                 "pop17"]) == 0
    plain = tmp_path / "plain.pdf"
    assert main(["report", p, str(plain)]) == 0
    assert main(["clusters", p, "dv_by_neighborhoods", "--field", "count", "--fdr"]) == 0
    with_risk = tmp_path / "risk.pdf"
    assert main(["report", p, str(with_risk)]) == 0
    with pdfplumber.open(plain) as a, pdfplumber.open(with_risk) as b:
        assert len(b.pages) == len(a.pages) + 1
        text = "\n".join(page.extract_text() or "" for page in b.pages)
    assert "What it cannot tell you" in text and "Local clusters of DV" in text
    assert "Hot spot: high, next to high" in text and "false discovery rate control used here" in text
    assert f"of {len(a.pages) + 1}" in text  # the footers count the new page
