"""The household form of issue 21, as an XLSForm: members as a repeat (a group inside, position,
count, sum, indexed-repeat) and a cascading neighbourhood → block select."""

from __future__ import annotations

from pathlib import Path

SURVEY = [
    ["type", "name", "label", "required", "constraint", "relevant", "calculation", "choice_filter"],
    ["select_one nhds", "nhd", "Neighbourhood", "yes", "", "", "", ""],
    ["select_one blocks", "block", "Block", "yes", "", "", "", "nhd = ${nhd}"],
    ["geopoint", "location", "Where is the household?", "", "", "", "", ""],
    ["text", "head_name", "Head of household", "yes", "", "", "", ""],
    ["begin_repeat", "members", "Household member", "", "", "", "", ""],
    ["text", "member_name", "Name", "yes", "", "", "", ""],
    ["integer", "age", "Age", "yes", ". >= 0 and . < 120", "", "", ""],
    ["begin_group", "schooling", "School", "", "", "${age} < 18", "", ""],
    ["select_one yn", "in_school", "Goes to school?", "", "", "", "", ""],
    ["end_group", "", "", "", "", "", "", ""],
    ["calculate", "member_no", "", "", "", "", "position(..)", ""],
    ["end_repeat", "", "", "", "", "", "", ""],
    ["calculate", "n_members", "", "", "", "", "count(${members})", ""],
    ["calculate", "total_age", "", "", "", "", "sum(${age})", ""],
    ["calculate", "first_member", "", "", "", "", "indexed-repeat(${member_name}, ${members}, 1)", ""],
]
CHOICES = [
    ["list_name", "name", "label", "nhd"],
    ["nhds", "tower_grove", "Tower Grove South", ""],
    ["nhds", "soulard", "Soulard", ""],
    ["blocks", "tg1", "Block TG-1", "tower_grove"],
    ["blocks", "tg2", "Block TG-2", "tower_grove"],
    ["blocks", "so1", "Block SO-1", "soulard"],
    ["yn", "yes", "Yes", ""],
    ["yn", "no", "No", ""],
]
SETTINGS = [["form_id", "form_title", "version"], ["household", "Household survey", "1"]]


def write_household_form(path: Path, survey=None) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    for r in survey or SURVEY:
        ws.append(r)
    for title, rows in (("choices", CHOICES), ("settings", SETTINGS)):
        sheet = wb.create_sheet(title)
        for r in rows:
            sheet.append(r)
    wb.save(path)
    return path


def household_form(tmp_path: Path):
    from assetmap.survey.xlsform import load_form

    return load_form(write_household_form(tmp_path / "household.xlsx"))
