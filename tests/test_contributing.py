"""CONTRIBUTING.md's "Add a file format", done literally: its reader code pasted at the end of
the readers module, then its example test run, so the page stays true."""

from __future__ import annotations

from assetmap.importers import readers
from tests.contributing_page import blocks


def test_add_a_file_format_as_the_page_says(project, tmp_path):
    (lang1, reader_code), (lang2, test_code) = blocks("Add a file format")
    assert lang1 == lang2 == "python"
    module = dict(vars(readers))      # "at the end of readers.py", with `replace` added to its imports
    exec("from dataclasses import replace", module)
    exec(reader_code, module)
    try:
        assert readers.reader_for("walk.gpx").label == "GPX waypoints"
        example: dict = {}
        exec(test_code, example)
        example["test_gpx_waypoints_are_imported"](project, tmp_path)
    finally:
        readers.unregister("gpx")
    assert readers.reader_for("walk.gpx") is None
