"""A small form built in code for the storage, pack and merge tests (no XLSForm needed)."""

from __future__ import annotations

from assetmap.survey.form import Choice, Form, QType, Question


def asset_form(version: str = "1") -> Form:
    return Form("assets", "Community assets", version=version, questions=[
        Question("name", QType.TEXT, {"": "Name"}, required=True),
        Question("asset_type", QType.SELECT_ONE, {"": "Type"}, list_name="types", choices=[
            Choice("faith", {"": "Faith-based organisation"}), Choice("school", {"": "School"}),
            Choice("dv", {"": "DV service"})]),
        Question("services", QType.SELECT_MULTIPLE, {"": "Services"}, list_name="services",
                 choices=[Choice("food"), Choice("childcare"), Choice("tutoring")]),
        Question("staff", QType.INTEGER, {"": "Staff"}, constraint=". >= 0"),
        Question("location", QType.GEOPOINT, {"": "Location"}),
        Question("photo", QType.PHOTO, {"": "Photo"}),
        Question("confidential", QType.SELECT_ONE, {"": "Keep the location confidential?"}, list_name="yn",
                 choices=[Choice("yes"), Choice("no")]),
    ])


def point_in(project, nhd_num: int) -> tuple[float, float]:
    """(lat, lon) of a point inside a real St. Louis neighbourhood."""
    areas = project.read_layer("neighborhoods").to_crs("EPSG:4326")
    pt = areas[areas["NHD_NUM"] == nhd_num].geometry.representative_point().iloc[0]
    return (pt.y, pt.x)
