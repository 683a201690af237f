"""Survey submissions: idempotent upserts, 20 concurrent clients, and a server killed mid-load."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from assetmap.errors import UserError
from assetmap.postgis.connect import connect
from assetmap.postgis.survey_sink import Submission, SurveySink, ensure_table

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)
CLIENTS, PER_CLIENT = 20, 200


def _sub(u, minutes=0, surveyor="postgres", **answers):
    return Submission(uuid=str(u), form_id="household", created_at=T0, modified_at=T0 + timedelta(minutes=minutes),
                      answers=answers, surveyor=surveyor, device_id="tablet-1", x=-90.2, y=38.6)


def test_resubmission_is_idempotent_and_newer_edit_wins(pg_url):
    _prepare(pg_url)
    with connect(pg_url, autocommit=True) as con:
        sink = SurveySink(con)
        u = uuid.uuid4()
        assert sink.submit(_sub(u, 0, children=2)) == "inserted"
        assert sink.submit(_sub(u, 0, children=2)) == "unchanged"       # exact resend
        assert sink.submit(_sub(u, 5, children=3)) == "updated"         # newer edit
        assert sink.submit(_sub(u, 1, children=9)) == "unchanged"       # stale edit arriving late
        rows = con.execute("SELECT answers->>'children', modified_at, ST_X(geom) FROM survey_submissions").fetchall()
    assert rows == [("3", T0 + timedelta(minutes=5), -90.2)]


def _plan(client: int) -> list[Submission]:
    """200 distinct responses per client, then 10% resent unchanged and 10% resent edited."""
    subs = [_sub(uuid.uuid5(uuid.NAMESPACE_URL, f"c{client}/{i}"), 0, n=i, c=client) for i in range(PER_CLIENT)]
    resent = [subs[i] for i in range(0, PER_CLIENT, 10)]
    edited = [_sub(subs[i].uuid, 7, n=i, c=client, edited=True) for i in range(5, PER_CLIENT, 10)]
    out = []
    for i, s in enumerate(subs):
        out.append(s)
        if i % 10 == 9:
            out.append(resent[i // 10])
            out.append(edited[i // 10])
    return out


def _client(url, subs, acked, errors, retries):
    con = None
    for s in subs:
        while True:
            try:
                if con is None or con.closed:
                    con = connect(url, autocommit=True)
                SurveySink(con).submit(s)
                acked.append((s.uuid, s.modified_at))  # committed: the server said so
                break
            except (psycopg.OperationalError, UserError):
                # Server gone (killed) or restarting: the outcome is unknown, so resend the
                # same submission once it is back; the upsert makes that safe.
                retries.append(1)
                try:
                    if con is not None:
                        con.close()
                except Exception:
                    pass
                con = None
                time.sleep(0.1)
            except Exception as exc:  # a bug: report it rather than hang
                errors.append(repr(exc))
                return
    if con is not None:
        con.close()


def _run_load(url, kill=None):
    plans = [_plan(c) for c in range(CLIENTS)]
    acked: list = []
    errors: list = []
    retries: list = []
    threads = [threading.Thread(target=_client, args=(url, p, acked, errors, retries)) for p in plans]
    for t in threads:
        t.start()
    if kill is not None:
        kill(acked)
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "clients did not finish"
    assert not errors, errors[:3]
    return plans, acked, retries


def _check_exact(url, plans, acked):
    expected = {}
    for p in plans:
        for s in p:
            expected[s.uuid] = max(expected.get(s.uuid, s.modified_at), s.modified_at)
    with connect(url) as con:
        total, distinct = con.execute("SELECT count(*), count(DISTINCT uuid) FROM survey_submissions").fetchone()
        stored = {str(u): m for u, m in con.execute("SELECT uuid, modified_at FROM survey_submissions")}
    assert total == distinct == CLIENTS * PER_CLIENT == len(expected)
    assert stored == expected
    for u, m in acked:  # every acknowledged submission (or a newer edit of it) survived
        assert stored[u] >= m


def _prepare(url):
    schema = url.split("search_path%3D")[1] if "search_path%3D" in url else "assetmap"
    with connect(url, schema="public", autocommit=True) as con:
        con.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    with connect(url, autocommit=True) as con:
        ensure_table(con)


@pytest.mark.slow
def test_twenty_concurrent_clients_no_loss_no_duplicates(pg_url):
    _prepare(pg_url)
    plans, acked, _ = _run_load(pg_url)
    assert len(acked) == sum(len(p) for p in plans)
    _check_exact(pg_url, plans, acked)


@pytest.mark.slow
def test_server_killed_mid_load_keeps_every_acknowledged_submission(durable_pg_server):
    url = durable_pg_server.url() + "?options=-csearch_path%3Dassetmap"
    _prepare(durable_pg_server.url())
    seen_at_kill = []

    def kill(acked):
        deadline = time.monotonic() + 60
        while len(acked) < CLIENTS * PER_CLIENT // 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        seen_at_kill.append(list(acked))
        durable_pg_server.kill()
        time.sleep(0.3)
        durable_pg_server.start()

    plans, acked, retries = _run_load(url, kill)
    assert seen_at_kill and len(seen_at_kill[0]) > 0
    assert retries, "the kill should have interrupted some clients"
    _check_exact(url, plans, acked)
