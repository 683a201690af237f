"""No coordinate of the input on disk; no suppressed value derivable from what is stored."""

from __future__ import annotations

import logging
import struct
import tempfile

import numpy as np
import pandas as pd
import pytest

from assetmap.reports import aggregate_reports
from assetmap.reports.suppress import suppress


def _needles(path, contains):
    df = pd.read_csv(path, low_memory=False, dtype=str)
    df = df[df["description"].str.contains(contains, na=False)]
    text, packed = set(), set()
    for col in ("x", "y"):
        for raw in df[col].dropna():
            if raw == "NA":
                continue
            v = float(raw)
            whole, _, frac = raw.partition(".")
            if len(frac) >= 5:
                text.add(f"{whole}.{frac[:5]}".encode())   # several decimals, as written
            text.add(f"{v:.6f}".encode())
            packed.add(struct.pack("<d", v))
            packed.add(struct.pack(">d", v))
    return text, packed


def _scan(paths, needles):
    """(path, needle) for every needle found anywhere in a file (an exact substring search, fast
    enough for thousands of needles over a database server's files)."""
    needles = set(needles)
    dotted, eight, other = {}, set(), set()
    for n in needles:
        if b"." in n:  # text numbers: look only around the file's dots
            dotted.setdefault((n.index(b"."), len(n)), set()).add(n)
        elif len(n) == 8:  # packed doubles: every 8-byte window, at every offset
            eight.add(int.from_bytes(n, "little"))
        else:
            other.add(n)
    wanted = np.array(sorted(eight), dtype=np.uint64)
    hits = []
    for p in paths:
        try:
            data = p.read_bytes()
        except FileNotFoundError:  # a database server's short-lived file, gone: nothing kept there
            continue
        found = {n for n in other if n in data}
        raw = np.frombuffer(data, dtype=np.uint8)
        for at in np.flatnonzero(raw == ord(".")).tolist():
            for (dot, size), group in dotted.items():
                window = data[at - dot:at - dot + size] if at >= dot else b""
                if window in group:
                    found.add(window)
        for off in range(8):
            n = (len(data) - off) // 8
            if n <= 0 or not len(wanted):
                continue
            words = np.frombuffer(data, dtype="<u8", count=n, offset=off)
            for w in words[np.isin(words, wanted)].tolist():
                found.add(int(w).to_bytes(8, "little"))
        hits += [(str(p), n) for n in sorted(found)]
    return hits


def test_scan_finds_every_kind_of_needle(tmp_path):
    f = tmp_path / "blob"
    f.write_bytes(b"\x00" * 3 + struct.pack("<d", -90.25) + b"x-90.123456y" + b"abc" + b"38.12345" + b"\x01")
    needles = {struct.pack("<d", -90.25), b"-90.123456", b"38.12345", b"abc", b"38.99999",
               struct.pack("<d", 1.5)}
    assert {n for _, n in _scan([f], needles)} == {struct.pack("<d", -90.25), b"-90.123456", b"38.12345", b"abc"}


def test_no_input_coordinate_anywhere_on_disk(rproject, incidents, tmp_path, monkeypatch, caplog, capsys, backend):
    """On PostGIS too: areas are counted in the server, from a temporary table (tests/backends.py
    lists the server's files this test touched: data files, WAL, log)."""
    import time

    from assetmap.cli import main

    t = backend.target(rproject)
    started = time.time()
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    monkeypatch.setattr(tempfile, "tempdir", str(tmpdir))
    caplog.set_level(logging.DEBUG)
    logfile = tmp_path / "assetmap.log"
    handler = logging.FileHandler(logfile)
    logging.getLogger().addHandler(handler)
    try:
        assert main(["reports", t, str(incidents), "--kind", "dv", "--areas", "neighborhoods",
                     "--filter-col", "description", "--filter-contains", "DOMESTIC",
                     "--date-col", "date_occur", "--period", "quarter"]) == 0
        assert main(["reports", t, str(incidents), "--kind", "maltreatment",
                     "--areas", "neighborhoods", "--filter-col", "description", "--filter-contains", "CHILD",
                     "--population-field", "pop17"]) == 0
        assert main(["reports", t, str(incidents), "--kind", "dv", "--areas", "neighborhoods",
                     "--hex", "8", "--filter-col", "description", "--filter-contains", "DOMESTIC"]) == 0
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    out = capsys.readouterr()
    project = backend.open(t)
    names = {i.name for i in project.layers()}
    assert {"dv_by_neighborhoods", "maltreatment_by_neighborhoods", "dv_by_hex8"} <= names
    text, packed = set(), set()
    for word in ("DOMESTIC", "CHILD"):
        t, p = _needles(incidents, word)
        text |= t
        packed |= p
    assert len(text) > 1000 and len(packed) > 1000
    files = [p for p in rproject.path.parent.rglob("*") if p.is_file()]
    files += [p for p in tmpdir.rglob("*") if p.is_file()] + [logfile] + backend.server_files(since=started)
    assert rproject.path in files
    if backend.is_postgis:
        assert any(p.name == "server.log" for p in files) and len(files) > 10  # WAL and changed tables
    assert _scan(files, text | packed) == []
    blob = (caplog.text + out.out + out.err).encode()
    assert [n for n in text if n in blob] == []
    # LayerInfo metadata (extra, style, source) holds no coordinate either.
    meta = repr([i.to_dict() for i in project.layers()]).encode()
    assert [n for n in text if n in meta] == []


def _published(layer, extra, unit_field="NHD_NUM"):
    """The stored table as cells (unit, period) -> value or None, plus margins."""
    periods = extra["periods"]
    cells = {}
    for _, row in layer.iterrows():
        col = "all" if row["period"] == "all" else row["period"]
        cells[(row[unit_field], col)] = None if row["suppressed"] else int(row["count"])
    for p in periods:
        cells[("TOTAL", p)] = extra["period_totals"][p]
    cells[("TOTAL", "all")] = extra["total"]
    return cells, periods


def _determined(cells, periods):
    """Suppressed cells whose value follows from the published equations (linear algebra)."""
    units = sorted({u for u, _ in cells if u != "TOTAL"})
    unknown = [k for k, v in cells.items() if v is None]
    if not unknown:
        return []
    pos = {k: i for i, k in enumerate(unknown)}
    rows = []
    for u in units + ["TOTAL"]:       # sum over periods - all = 0
        eq = np.zeros(len(unknown))
        for p in periods + ["all"]:
            if (u, p) in pos:
                eq[pos[(u, p)]] = -1 if p == "all" else 1
        rows.append(eq)
    for p in periods + ["all"]:       # sum over units - TOTAL = 0
        eq = np.zeros(len(unknown))
        for u in units + ["TOTAL"]:
            if (u, p) in pos:
                eq[pos[(u, p)]] = -1 if u == "TOTAL" else 1
        rows.append(eq)
    a = np.array(rows)
    rank = np.linalg.matrix_rank(a)
    out = []
    for k, i in pos.items():
        e = np.zeros(len(unknown))
        e[i] = 1
        if np.linalg.matrix_rank(np.vstack([a, e])) == rank:
            out.append(k)
    return out


def test_no_suppressed_value_derivable_from_stored_layer_and_totals(rproject, incidents):
    aggregate_reports(rproject, incidents, "dv", areas="neighborhoods", filter_col="description",
                      filter_contains="DOMESTIC", date_col="date_occur", period="quarter")
    layer = rproject.read_layer("dv_by_neighborhoods")
    extra = rproject.layer("dv_by_neighborhoods").extra["reports"]
    cells, periods = _published(layer, extra)
    assert sum(v is None for v in cells.values()) > 20
    assert _determined(cells, periods) == []


def test_complementary_suppression_on_random_tables():
    rng = np.random.default_rng(7)
    for _ in range(150):
        u, p = int(rng.integers(2, 9)), int(rng.integers(2, 6))
        counts = rng.poisson(rng.uniform(0.5, 25), (u, p))
        s = suppress(counts, 10)
        cells = {}
        for i in range(u):
            for j in range(p):
                cells[(i, j)] = None if s.cells[i, j] else int(counts[i, j])
            cells[(i, "all")] = None if s.unit_totals[i] else int(counts[i].sum())
        for j in range(p):
            cells[("TOTAL", j)] = None if s.period_totals[j] else int(counts[:, j].sum())
        cells[("TOTAL", "all")] = None if s.grand_total else int(counts.sum())
        assert ((counts >= 1) & (counts <= 10) <= s.cells).all()
        assert _determined(cells, list(range(p))) == [], counts


def test_single_small_cell_gets_a_complement_without_periods():
    counts = np.array([[40], [3], [25], [60]])
    s = suppress(counts, 10)
    assert s.cells[1, 0] and s.cells.sum() == 2 and s.cells[2, 0]  # smallest non-zero other count
    assert not s.grand_total


def test_suppressed_without_periods_not_derivable_from_stored_total(rproject, incidents):
    aggregate_reports(rproject, incidents, "maltreatment", areas="neighborhoods",
                      filter_col="description", filter_contains="CHILD")
    layer = rproject.read_layer("maltreatment_by_neighborhoods")
    total = rproject.layer("maltreatment_by_neighborhoods").extra["reports"]["total"]
    if total is not None:
        hidden = layer["suppressed"].sum()
        assert hidden == 0 or hidden >= 2


def test_geocoded_reports_leave_no_address_position_or_match_on_disk(rproject, incidents, tmp_path, monkeypatch,
                                                                    caplog, capsys, backend):
    """Reports located by address (issue 22): the addresses as typed, the positions the geocoder
    gave them and their match types exist only in memory; the project holds the counts (and the
    locator, which is public reference data added on purpose)."""
    import time

    from assetmap.cli import main
    from assetmap.geocode.columns import AddressColumns
    from assetmap.geocode.locators import add_locator, load_matcher

    # The locator: 2018's public incident addresses. The reports: 2017's DOMESTIC rows, typed the
    # way an intake worker would, in one address column, with no coordinates.
    ref = incidents.with_name("slmpd_part1_2018.csv")
    add_locator(rproject, "city", ref, number="ileads_address", street="ileads_street", public_source=True)
    df = pd.read_csv(incidents, dtype=str, keep_default_na=False)
    df = df[df["description"].str.contains("DOMESTIC")].reset_index(drop=True)
    typed = (df["ileads_address"] + " " + df["ileads_street"].str.title() + ", Apt 7Q, St. Louis, MO 63199")
    reports_dir = tmp_path / "intake"   # outside the project folder: the scan is of what assetmap writes
    reports_dir.mkdir()
    src = reports_dir / "intake.csv"
    pd.DataFrame({"address": typed, "date_occur": df["date_occur"], "description": df["description"]}).to_csv(
        src, index=False)
    m = AddressColumns(address="address").locate(pd.DataFrame({"address": typed}), load_matcher(rproject, "city"))
    # Positions only the geocoder knows: interpolated ones, less any value the locator itself holds
    # (an east-west street's points share a latitude).
    from assetmap.geocode.locators import load_table

    known = set(load_table(rproject, "city")[["lon", "lat"]].to_numpy().ravel().tolist())
    placed = m.match_type == "interpolated"
    values = [v for v in np.concatenate([m.lon[placed], m.lat[placed]]).tolist() if v not in known]
    assert len(values) > 100
    text, packed = {"Apt 7Q".encode(), b"63199"}, set()
    for v in values:
        text.add(f"{v:.6f}".encode())
        text.add(repr(float(v)).encode()[:12])
        packed.add(struct.pack("<d", v))
        packed.add(struct.pack(">d", v))

    t = backend.target(rproject)
    started = time.time()
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    monkeypatch.setattr(tempfile, "tempdir", str(tmpdir))
    caplog.set_level(logging.DEBUG)
    assert main(["reports", t, str(src), "--kind", "dv", "--areas", "neighborhoods", "--locator", "city",
                 "--address", "address", "--date-col", "date_occur", "--period", "quarter"]) == 0
    assert main(["reports", t, str(src), "--kind", "dv", "--areas", "neighborhoods", "--locator", "city",
                 "--address", "address", "--hex", "8", "--json"]) == 0
    out = capsys.readouterr()
    assert "Geocoded" in out.out and "in memory" in out.out and '"geocoded"' in out.out
    project = backend.open(t)
    assert {"dv_by_neighborhoods", "dv_by_hex8"} <= {i.name for i in project.layers()}
    files = [p for p in rproject.path.parent.rglob("*") if p.is_file() and p.parent != reports_dir]
    files += [p for p in tmpdir.rglob("*") if p.is_file()] + backend.server_files(since=started)
    assert _scan(files, text | packed) == []
    blob = (caplog.text + out.out + out.err).encode()
    assert [n for n in text if n in blob] == []
    # No per-row field: the layers hold units and counts, their metadata no match detail.
    meta = repr([i.to_dict() for i in project.layers()])
    assert "interpolated" not in meta and "match_type" not in meta
    for name in ("dv_by_neighborhoods", "dv_by_hex8"):
        cols = set(project.read_layer(name).columns)
        assert not cols & {"lon", "lat", "match_type", "score", "address"}
