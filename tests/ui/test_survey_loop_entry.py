"""A `begin loop` form in the entry form: a section per choice with that choice's questions,
labels filled in, skip logic per choice, saved like any answers."""

from __future__ import annotations

import pytest

from assetmap.survey.store import SurveyStore
from tests.survey.test_loops import form  # noqa: F401  (the fixture)
from tests.ui.test_survey_household import type_into

pytestmark = pytest.mark.gui


def test_loop_questions_per_choice_in_the_entry_form(qtbot, project, tmp_path, form):  # noqa: F811
    from assetmap.ui.survey.panel import SurveyPanel

    SurveyStore(project).install_form(form)
    panel = SurveyPanel(project, "sites", surveyor="Ann", language="Español (es)")
    qtbot.addWidget(panel)
    panel.resize(600, 700)
    panel.show()
    rows = panel.entry.rows
    assert rows["per_programme_tutoring_children"].label.text().startswith("Niños en Tutoría")
    type_into(qtbot, rows["site"].editor.edit, "Centro")
    type_into(qtbot, rows["per_programme_head_start_children"].editor.edit, "12")
    type_into(qtbot, rows["per_programme_tutoring_children"].editor.edit, "3")
    rows["per_programme_tutoring_children"].editor.edit.clearFocus()
    qtbot.waitUntil(lambda: rows["per_programme_head_start_waitlist"].isVisible())
    assert not rows["per_programme_tutoring_waitlist"].isVisible()  # 3 children: no waiting list asked
    panel.grab().save(str(tmp_path / "loop_entry.png"))
    uuid = panel.save()
    assert uuid, panel.entry.problems()
    assert SurveyStore(project).get(uuid).answers == {
        "site": "Centro", "per_programme_head_start_children": 12, "per_programme_tutoring_children": 3}
