"""Shared-project URLs from dialog fields, and commands refusing a shared project before connecting."""

from __future__ import annotations

import pytest
from psycopg.conninfo import conninfo_to_dict

from assetmap.cli import main
from assetmap.errors import UserError
from assetmap.postgis import open_project
from assetmap.postgis.connect import redact, schema_of
from assetmap.postgis.url import SharedTarget, target_of


def test_url_encodes_what_libpq_must_read_back():
    t = SharedTarget(host="db.example.org", database="city partners", user="pat@agency", password="p:w@/d%?",
                     port=6543, schema="north")
    url = t.url()
    params = conninfo_to_dict(url)  # what libpq (and so psycopg) will use
    assert (params["host"], params["port"], params["dbname"]) == ("db.example.org", "6543", "city partners")
    assert (params["user"], params["password"]) == ("pat@agency", "p:w@/d%?")
    assert schema_of(url) == "north"
    back = target_of(url)
    assert back == t
    assert "p:w" not in redact(url) and "***" in redact(url)
    assert "password" not in t.public_fields()
    assert SharedTarget("h", "d", "u").url() == "postgresql://u@h:5432/d"  # default schema: no options


@pytest.mark.parametrize("fields, message", [
    (dict(host="", database="d", user="u"), "server"),
    (dict(host="h", database="", user=""), "database and a user name"),
    (dict(host="h", database="d", user="u", port=70000), "not a port"),
    (dict(host="h", database="d", user="u", schema="drop table;"), "can't be used as a PostgreSQL schema"),
])
def test_bad_fields_are_user_errors(fields, message):
    with pytest.raises(UserError, match=message):
        SharedTarget(**fields).url()


def test_gpkg_only_refusal_comes_before_connecting_and_errors_hide_the_password(capsys):
    url = "postgresql://pat:secret@nowhere.invalid:5432/p"  # never resolved: the refusal comes first
    with pytest.raises(UserError, match="'assetmap territories list' does not work on a shared"):
        open_project(url, gpkg_only="territories list")
    # A command that does work on PostGIS tries to connect: the error never shows the password.
    assert main(["indicators", "list", url]) == 2
    err = capsys.readouterr().err
    assert "Can't connect to postgresql://pat:***@nowhere.invalid" in err and "secret" not in err
