"""The project file: one GeoPackage holding every layer and its metadata."""

from assetmap.project.store import Project, SCHEMA_VERSION

__all__ = ["Project", "SCHEMA_VERSION"]
