"""``PostgisProject``: the read API of ``assetmap.project.Project`` on a PostGIS schema.

Like ``Project`` it holds no connection: each call opens a short one, so many
planners can keep a project open without tying up server connections.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError
from assetmap.layers import sensitivity as sens
from assetmap.layers.info import LayerInfo, split_extra
from assetmap.layers.roles import LayerRole
from assetmap.postgis.connect import check_identifier, connect, redact, schema_of

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

_LAYER_COLUMNS = ("name", "role", "display_name", "geometry_type", "feature_count", "sort_order",
                  "visible", "opacity", "style", "source", "imported_at", "extra")


def _info(row: dict) -> LayerInfo:
    try:
        role = LayerRole(row["role"])
    except ValueError:
        role = LayerRole.OTHER
    extra, level = split_extra(json.loads(row["extra"] or "{}"))
    return LayerInfo(
        name=row["name"], role=role, display_name=row["display_name"],
        geometry_type=row["geometry_type"], feature_count=int(row["feature_count"]),
        sort_order=int(row["sort_order"]), visible=bool(row["visible"]), opacity=float(row["opacity"]),
        style=json.loads(row["style"] or "{}"), source=row["source"], imported_at=row["imported_at"],
        extra=extra, sensitivity=level,
    )


class PostgisProject:
    def __init__(self, url: str, schema: str):
        self.url = url
        self.schema = schema
        self.path = redact(url)  # what messages show where a Project shows its file path

    @classmethod
    def open(cls, url: str) -> "PostgisProject":
        from assetmap.project import SCHEMA_VERSION

        schema = check_identifier(schema_of(url), "schema name")
        project = cls(url, schema)
        with project._connect() as con:
            n = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema=%s "
                            "AND table_name IN ('assetmap_project','assetmap_layers')", (schema,)).fetchone()[0]
            if n < 2:
                raise UserError(f"{project.path} has no assetmap project in schema '{schema}'.",
                                "Publish one first: assetmap publish PROJECT.gpkg URL")
            row = con.execute("SELECT value FROM assetmap_project WHERE key='schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise UserError(f"{project.path} was made by a newer version of assetmap (project format {version}).",
                            "Update assetmap to open it.")
        return project

    @classmethod
    def create(cls, url: str, crs="EPSG:4326", title: str | None = None) -> "PostgisProject":
        """An empty shared project: made as a file, published in one transaction."""
        import tempfile
        from pathlib import Path

        from assetmap.postgis.publish import publish
        from assetmap.project import Project

        try:  # publish's own refusal suggests its --replace, which `new` rightly doesn't have
            cls.open(url)
        except UserError:
            pass  # nothing there yet (or no connection, which publish reports)
        else:
            raise UserError(f"{redact(url)} already holds a project in schema '{schema_of(url)}'.",
                            "Open it instead, or choose another schema (?options=-csearch_path%3DNAME in the URL).")
        with tempfile.TemporaryDirectory() as d:
            project = Project.create(Path(d) / "new.gpkg", crs=crs, title=title)
            publish(project.path, url)
        return cls.open(url)

    def _check_writable(self) -> None:
        """Rights are the server's to enforce (roles.py): a refused write is refused there."""

    # ------------------------------------------------------------------ interface.AnyProject
    @property
    def target(self) -> str:
        return self.url

    recent_entry = None  # the URL may hold a password: never kept in a recent-projects list

    @property
    def server(self) -> str:
        return self.path

    def stored_in(self, path) -> bool:
        return False

    def sql_read(self):
        """An autocommit connection speaking the stores' SQLite dialect (``sqlcompat.PgCon``)."""
        from assetmap.postgis.sqlcompat import _pg_reading

        return _pg_reading(self)

    def sql_write(self, prepare=None):
        """One PostgreSQL transaction (``prepare`` first, e.g. to complete published tables)."""
        from assetmap.postgis.sqlcompat import _pg_transaction

        return _pg_transaction(self, prepare)

    def assign_points(self, layer, id_field, ids, x, y, located, ctx=None):
        """Each located point's area, by a spatial join in the database (see aggregate.py)."""
        from assetmap.postgis.aggregate import assign_in_database

        return assign_in_database(self, layer, id_field, ids, x, y, located, ctx), "postgis"

    def _connect(self):
        return connect(self.url, schema=self.schema, autocommit=True)

    # ------------------------------------------------------------------ metadata
    def meta(self, key: str, default: str | None = None) -> str | None:
        with self._connect() as con:
            row = con.execute("SELECT value FROM assetmap_project WHERE key=%s", (key,)).fetchone()
        return row[0] if row else default

    def all_meta(self) -> dict[str, str]:
        with self._connect() as con:
            return dict(con.execute("SELECT key, value FROM assetmap_project").fetchall())

    @property
    def crs(self) -> str:
        return self.meta("crs", "EPSG:4326")

    @property
    def title(self) -> str:
        return self.meta("title", self.schema)

    def layers(self) -> list[LayerInfo]:
        from psycopg.rows import dict_row

        with self._connect() as con:
            cur = con.cursor(row_factory=dict_row)
            rows = cur.execute("SELECT * FROM assetmap_layers ORDER BY sort_order, name").fetchall()
            infos = [_info(r) for r in rows]
            from psycopg import sql

            for info in infos:  # counted from the table: other programs add rows too
                try:
                    with con.transaction():
                        info.feature_count = int(con.execute(
                            sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(info.name))).fetchone()[0])
                except Exception:  # noqa: BLE001 - a table dropped by another program keeps its stored figure
                    pass
        return sens.resolve(infos)

    @property
    def lineage_key(self) -> str:
        return f"{self.path}#{self.schema}"

    def layer_names(self) -> list[str]:
        with self._connect() as con:
            return [r[0] for r in con.execute("SELECT name FROM assetmap_layers ORDER BY sort_order, name")]

    def has_layer(self, name: str) -> bool:
        return any(i.name == name for i in self.layers())

    def layer(self, name: str) -> LayerInfo:
        for info in self.layers():
            if info.name == name:
                return info
        names = ", ".join(self.layer_names()) or "(none yet)"
        raise UserError(f"{self.path} has no layer named '{name}'.", f"Layers in this project: {names}.")

    def layers_by_role(self, role: LayerRole) -> list[LayerInfo]:
        return [i for i in self.layers() if i.role == role]

    # ------------------------------------------------------------------ writes
    def edit(self):
        """One transaction for several writes, like ``Project.edit()`` (see edit.py)."""
        from assetmap.postgis.edit import edit

        return edit(self)

    def write_layer(self, gdf: "gpd.GeoDataFrame", info: LayerInfo, replace: bool = False) -> LayerInfo:
        with self.edit() as tx:
            return tx.write_layer(gdf, info, replace=replace)

    def set_meta(self, key: str, value: str) -> None:
        with self.edit() as tx:
            tx.set_meta(key, value)

    def update_layer_info(self, info: LayerInfo) -> None:
        from assetmap.postgis.edit import upsert_info

        self.layer(info.name)
        with self.edit() as tx:
            tx.update_layer_info(info)

    def set_layer_order(self, names: list[str]) -> None:
        with self.edit() as tx:
            for i, name in enumerate(names):
                tx.con.execute("UPDATE assetmap_layers SET sort_order=%s WHERE name=%s", (i, name))

    def remove_layer(self, name: str) -> None:
        self.layer(name)
        with self.edit() as tx:
            tx.remove_layer(name)

    # ------------------------------------------------------------------ features
    def layer_bounds(self, name: str) -> tuple[float, float, float, float] | None:
        """(minx, miny, maxx, maxy) in the layer's CRS, from the server (what pyogrio.read_info's
        total_bounds gives for a GeoPackage layer); None for an empty layer."""
        from psycopg import sql

        self.layer(name)
        with self._connect() as con:
            geom_col = con.execute("SELECT geometry_column FROM assetmap_pg_layers WHERE name=%s",
                                   (name,)).fetchone()[0]
            row = con.execute(sql.SQL("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
                                      "(SELECT ST_Extent({})::box2d AS e FROM {}) s").format(
                sql.Identifier(geom_col), sql.Identifier(name))).fetchone()
        return None if row[0] is None else tuple(float(v) for v in row)

    def layer_fields(self, name: str) -> list[str]:
        """A layer's attribute columns in order (what pyogrio.read_info's ``fields`` gives for a GeoPackage)."""
        self.layer(name)
        with self._connect() as con:
            geom_col = con.execute("SELECT geometry_column FROM assetmap_pg_layers WHERE name=%s",
                                   (name,)).fetchone()
            cols = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema=%s AND table_name=%s "
                "ORDER BY ordinal_position", (self.schema, name))]
        return [c for c in cols if c not in ("fid", geom_col[0] if geom_col else "geom")]

    def layer_field_types(self, name: str) -> dict[str, str]:
        """{attribute column: its PostgreSQL type} in order."""
        self.layer(name)
        with self._connect() as con:
            geom_col = con.execute("SELECT geometry_column FROM assetmap_pg_layers WHERE name=%s",
                                   (name,)).fetchone()
            rows = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE "
                               "table_schema=%s AND table_name=%s ORDER BY ordinal_position",
                               (self.schema, name)).fetchall()
        skip = ("fid", geom_col[0] if geom_col else "geom")
        return {c: t for c, t in rows if c not in skip}

    def read_layer(self, name: str, columns: list[str] | None = None, **_: Any) -> "gpd.GeoDataFrame":
        import geopandas as gpd
        import pandas as pd
        import shapely
        from psycopg import sql

        sens.record_read(self.lineage_key, name, self.layer(name).sensitivity)
        with self._connect() as con:
            row = con.execute("SELECT geometry_column, crs FROM assetmap_pg_layers WHERE name=%s",
                              (name,)).fetchone()
            if row is None:
                raise UserError(f"Layer '{name}' of {self.path} has no geometry record.",
                                "Publish the project again with --replace.")
            geom_col, crs = row
            types = dict(con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema=%s AND table_name=%s ORDER BY ordinal_position", (self.schema, name)).fetchall())
            attrs = [c for c in types if c not in ("fid", geom_col)]
            if columns is not None:
                attrs = [c for c in attrs if c in columns]
            select = sql.SQL(", ").join([sql.Identifier("fid"), *map(sql.Identifier, attrs),
                                         sql.SQL("ST_AsBinary({})").format(sql.Identifier(geom_col))])
            rows = con.execute(sql.SQL("SELECT {} FROM {} ORDER BY fid").format(
                select, sql.Identifier(name))).fetchall()
        cols = list(zip(*rows)) if rows else [[] for _ in range(len(attrs) + 2)]
        data: dict[str, Any] = {}
        for col, values in zip(attrs, cols[1:-1]):
            data[col] = _column(pd, types[col], list(values))
        geoms = shapely.from_wkb([bytes(b) if b is not None else None for b in cols[-1]])
        index = pd.Index([int(f) for f in cols[0]], name="fid", dtype="int64")
        return gpd.GeoDataFrame(pd.DataFrame(data, index=index), geometry=gpd.GeoSeries(geoms, index=index),
                                crs=crs)


def _column(pd, pg_type: str, values: list):
    # Mirror what pyogrio gives for a GeoPackage: integers with gaps become floats.
    if pg_type in ("bigint", "integer", "smallint", "double precision", "real", "numeric"):
        if pg_type in ("bigint", "integer", "smallint") and None not in values:
            return pd.array(values, dtype="int64")
        return pd.to_numeric(pd.Series(values, dtype="object"), errors="coerce").to_numpy(dtype="float64")
    if pg_type == "boolean" and None not in values:
        return pd.array(values, dtype="bool")
    if pg_type.startswith("timestamp"):
        return pd.to_datetime(pd.Series(values, dtype="object")).to_numpy()
    return pd.Series(values, dtype="object").to_numpy()
