"""Write the project's directory as an HSDS 3 tabular data package.

Only the public directory is written (``hubs.privacy.public_directory``).
Service categories set in assetmap travel as HSDS taxonomy terms of the
"assetmap services" taxonomy, linked to services through attributes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.hubs import schema, taxonomy
from assetmap.hubs.directory import Directory

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project
    from assetmap.tasks import TaskContext


def with_category_terms(d: Directory) -> Directory:
    """Add taxonomy terms and attributes for categories not yet carried by an attribute."""
    import pandas as pd

    d = d.copy()
    cats = d.categories or taxonomy.categories()
    terms = d["taxonomy_terms"]
    term_code = {i: taxonomy.match(c, cats) or taxonomy.match(n, cats)
                 for i, c, n in zip(terms["id"], terms["code"], terms["name"])}
    have = {(link, term_code.get(term, "")) for link, term in zip(d["attributes"]["link_id"],
                                                                  d["attributes"]["taxonomy_term_id"])}
    new_terms, new_attrs = [], []
    for sid, cat in zip(d["services"]["id"], d["services"]["category"]):
        if not cat or (sid, cat) in have:
            continue
        tid = taxonomy.term_id(cat)
        if tid not in set(terms["id"]) and tid not in {r["id"] for r in new_terms}:
            row = cats.get(cat, {"label": cat, "description": ""})
            new_terms.append({"id": tid, "code": cat, "name": row["label"], "description": row.get("description", ""),
                              "taxonomy": taxonomy.TAXONOMY_NAME, "taxonomy_id": taxonomy.TAXONOMY_ID,
                              "language": "en"})
        new_attrs.append({"id": taxonomy.attribute_id(sid, cat), "link_id": sid, "taxonomy_term_id": tid,
                          "link_type": "service_category", "link_entity": "service"})
    if new_terms:
        d.tables["taxonomy_terms"] = pd.concat([terms, pd.DataFrame(new_terms)], ignore_index=True)
        tx = d["taxonomies"]
        if taxonomy.TAXONOMY_ID not in set(tx["id"]):
            d.tables["taxonomies"] = pd.concat([tx, pd.DataFrame([{
                "id": taxonomy.TAXONOMY_ID, "name": taxonomy.TAXONOMY_NAME,
                "description": "assetmap's service categories for child-protection partnerships",
                "version": "1"}])], ignore_index=True)
    if new_attrs:
        d.tables["attributes"] = pd.concat([d["attributes"], pd.DataFrame(new_attrs)], ignore_index=True)
    return d.normalised()


def meet_required_fields(d: Directory, notes: list[str]) -> Directory:
    """What HSDS 3's schema requires and a directory may lack, made good for the export (the
    project itself is not changed): empty descriptions get a plain one, one-line US addresses are
    split, addresses that can't be completed are left out, links to rows that are not there
    (imported packages have them) are emptied. Each repair is said in ``notes``."""
    from assetmap.hubs.address import complete_address, is_complete

    d = d.copy()
    for table, fallback in (("organizations", "{} (description not recorded)"), ("taxonomies", "{}"),
                            ("taxonomy_terms", "{}")):
        df = d.tables[table]
        blank = df["description"].str.strip() == ""
        if blank.any():
            df.loc[blank, "description"] = [fallback.format(n) for n in df.loc[blank, "name"]]
            if table == "organizations":
                notes.append(f"{int(blank.sum())} organisation(s) had no description (HSDS requires one); "
                             "the export says 'description not recorded'.")
    adr = d.tables["addresses"]
    if len(adr):
        parts = [complete_address(*(r[c] for c in ("address_1", "city", "state_province", "postal_code",
                                                      "country"))) for _, r in adr.iterrows()]
        for col in ("address_1", "city", "state_province", "postal_code", "country"):
            adr[col] = [p[col] for p in parts]
        keep = [is_complete(p) for p in parts]
        if not all(keep):
            notes.append(f"{keep.count(False)} address(es) left out: HSDS needs street, city, state, postal "
                         "code and country (add them to the hub and export again).")
            d.tables["addresses"] = adr[keep].reset_index(drop=True)
    for t, col, target in schema.EXPORT_CHECKED_LINKS:
        df = d.tables[t]
        valid = set(d.tables[target]["id"])
        dangling = (df[col] != "") & ~df[col].isin(valid)
        if dangling.any():
            df.loc[dangling, col] = ""
            notes.append(f"{int(dangling.sum())} {t} row(s) named a {col} not in the directory; left empty.")
    return d


def datapackage(tables: dict[str, int]) -> dict:
    return {
        "name": "assetmap-hsds-export",
        "title": "Resource directory exported by assetmap",
        "profile": "tabular-data-package",
        "version": "3.0",
        "resources": [
            {"name": t, "path": f"{t}.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8",
             "schema": {"fields": [{"name": c, "type": "string"} for c in schema.COLUMNS[t]],
                        "primaryKey": "id"}}
            for t in tables
        ],
    }


def export_hsds(project: "Project", out_dir: str | Path, *, overwrite: bool = False,
                ctx: "TaskContext | None" = None, notes: list[str] | None = None) -> dict[str, int]:
    """Write the public directory; returns rows written per table (repairs made go to ``notes``)."""
    from assetmap.hubs import directory
    from assetmap.hubs.privacy import public_directory
    from assetmap.tasks import ensure

    ctx = ensure(ctx)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} is a file, not a folder.", "Give a folder to write the HSDS CSV files into.")
    targets = [out / f"{t}.csv" for t in schema.TABLES] + [out / "datapackage.json"]
    clash = [p.name for p in targets if p.exists()]
    if clash and not overwrite:
        raise UserError(f"{out} already holds {', '.join(clash[:3])}{'...' if len(clash) > 3 else ''}.",
                        "Choose an empty folder, or pass --overwrite.")
    out.mkdir(parents=True, exist_ok=True)
    if not os.access(out, os.W_OK):
        raise UserError(f"Can't write to the folder {out}.", "Choose a folder you can write to.")
    ctx.progress(0.1, "Reading the directory")
    d = meet_required_fields(with_category_terms(public_directory(directory.load(project))),
                             notes if notes is not None else [])
    counts = {}
    written = []
    try:
        for i, t in enumerate(schema.TABLES):
            ctx.progress(0.2 + 0.7 * i / len(schema.TABLES), f"Writing {t}.csv")
            tmp = out / f".{t}.csv.part"
            d[t][list(schema.COLUMNS[t])].to_csv(tmp, index=False)
            written.append((tmp, out / f"{t}.csv"))
            counts[t] = len(d[t])
        tmp = out / ".datapackage.json.part"
        tmp.write_text(json.dumps(datapackage(counts), indent=2), encoding="utf-8")
        written.append((tmp, out / "datapackage.json"))
        ctx.check()
        for tmp, final in written:
            os.replace(tmp, final)
    finally:
        for tmp, _ in written:
            if tmp.exists():
                tmp.unlink()
    return counts
