"""`territories maps`: the neighbourhood names on each team's sheet never collide (pdfplumber)."""

from __future__ import annotations

import itertools

from tests.conftest import run_cli


def _overlap(a, b, tol=0.5):
    return (min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > tol
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > tol)


def test_team_map_labels_do_not_collide(stl_project, tmp_path):
    import pdfplumber

    from assetmap.territories.suggest import suggest_plan

    plan, _ = suggest_plan(stl_project, "neighborhoods", 3, "population", "Three")
    r = run_cli("territories", "maps", stl_project.path, "--plan", "Three", tmp_path / "maps")
    assert r.returncode == 0, r.stderr
    files = sorted((tmp_path / "maps").glob("*.pdf"))
    assert len(files) == 3
    names = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            page = pdf.pages[0]
            words = page.extract_words()
        for a, b in itertools.combinations(words, 2):
            assert not _overlap(a, b), (f.name, a["text"], b["text"])
        for w in words:
            assert w["x0"] >= 0 and w["x1"] <= page.width and w["bottom"] <= page.height
        names += len(words)
    assert names > 100  # labels are drawn, not all dropped
