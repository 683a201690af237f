from PySide6.QtWidgets import QLabel

from assetmap import __version__
from assetmap.ui.about import AboutDialog, app_icon


def test_about_box_shows_version_licences_and_attributions(qtbot, tmp_path):
    dlg = AboutDialog(project_attribution="Neighbourhoods: City of St. Louis, CC-BY-4.0")
    qtbot.addWidget(dlg)
    dlg.show()
    labels = " ".join(label.text() for label in dlg.findChildren(QLabel))
    assert f"assetmap {__version__}" in labels
    text = dlg.details.toPlainText()
    assert "MIT licence" in text and "Leaflet 1.9.4" in text and "LGPL-3.0" in text
    assert "SLU openGIS" in text and "CC-BY-4.0" in text
    assert "Neighbourhoods: City of St. Louis" in text
    assert not app_icon().isNull()
    dlg.grab().save(str(tmp_path / "about.png"))
