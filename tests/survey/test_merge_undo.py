"""Issue 16, in the core and on both backends: a merge or import bracketed by
``layer_commands.TableWork`` with ``survey.commands.SurveyTables`` is undone and redone by the one
``ReplaceTables`` it makes; what the window pushes (tests/ui/test_survey_undo.py) on a GeoPackage,
here on PostGIS as well."""

from __future__ import annotations

from assetmap.commands import CommandStack
from assetmap.survey.store import SurveyStore

from .household import household_form
from .test_repeats import ANA, LEO, household

TABLES = ("assetmap_survey_forms", "assetmap_survey_history", "assetmap_survey_merges",
          "assetmap_survey_conflicts", "assetmap_survey_imports", "survey_household__members")


def read(project) -> dict:
    """Each survey table row for row (sorted: PostgreSQL has no rowid), the form's layer by uuid."""
    out = {}
    with project.sql_read() as con:
        for table in TABLES:
            if not con.has_table(table):
                out[table] = None
                continue
            rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
            out[table] = sorted(repr(tuple(r)) for r in rows)
    if project.has_layer("survey_household"):
        layer = project.read_layer("survey_household")
        out["layer"] = sorted(repr((str(r.uuid), int(r.revision), str(r.answers),
                                    r.geometry.wkt if r.geometry else None)) for r in layer.itertuples())
    else:
        out["layer"] = None
    return out


def bracket(project, work):
    from assetmap.layer_commands import TableWork, UndoStash
    from assetmap.survey.commands import SurveyTables

    stash = UndoStash(project)
    table_work = TableWork(project, stash, SurveyTables())
    table_work.prepare()
    result = work()
    stack = CommandStack()
    stack.push(table_work.command("work"))
    return stack, stash, result


def test_merge_undone_and_redone_on_both_backends(project, tmp_path, backend):
    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package

    SurveyStore(project, device_id="t").install_form(household_form(tmp_path))
    shared = SurveyStore(project, device_id="t").save("household", household(members=[ANA]), surveyor="bo").uuid
    pkg = make_package(project, tmp_path / "a.gpkg", surveyor="amal").path
    ps = SurveyStore(Project.open(pkg), device_id="a")
    ps.save("household", household(members=[ANA, LEO]), uuid=shared, surveyor="amal")
    ps.save("household", household(members=[LEO]), surveyor="amal")
    target = backend.target(project)
    p = backend.open(target)
    before = read(p)

    stack, stash, report = bracket(p, lambda: merge_package(p, pkg))
    assert report.counts["added"] == 1 and report.counts["updated"] == 1
    after = read(p)
    assert after != before and after["survey_household__members"] != before["survey_household__members"]
    stack.undo()
    assert read(p) == before
    stack.redo()
    assert read(p) == after
    stack.undo()
    assert read(p) == before
    # and the project takes the same merge again afterwards (keys and constraints came back)
    assert merge_package(p, pkg).counts["added"] == 1
    stash.close()


def test_import_installing_a_form_undone_and_redone_on_both_backends(project, tmp_path, backend):
    from assetmap.project import Project
    from assetmap.survey.kobo import import_export, load_form_for
    from assetmap.survey.summary import export_responses

    from .household import write_household_form

    xlsx = write_household_form(tmp_path / "household.xlsx")
    scratch = Project.create(tmp_path / "scratch.gpkg", crs="EPSG:4326")
    s = SurveyStore(scratch, device_id="x")
    s.install_form(household_form(tmp_path))
    s.save("household", household(members=[ANA, LEO]), surveyor="x")
    s.save("household", household(members=[LEO]), surveyor="x")
    out = tmp_path / "households.csv"
    assert export_responses(scratch, out) == 2
    target = backend.target(project)
    p = backend.open(target)
    before = read(p)
    assert before["layer"] is None and not SurveyStore(p).forms()

    stack, stash, report = bracket(p, lambda: import_export(p, out, load_form_for(str(xlsx), p)))
    assert report.added == 2, report.text()
    after = read(p)
    stack.undo()
    assert read(p) == before
    assert not p.has_layer("survey_household") and SurveyStore(p).forms() == []
    stack.redo()
    assert read(p) == after and len(SurveyStore(p).responses("household")) == 2
    stash.close()
