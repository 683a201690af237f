"""Merging field packages back into the project: idempotent, nothing overwritten silently.

For each response in the package (by UUID), with *base* = the revision copied into the
package (or, after an earlier merge of the same package, the revisions that merge
recorded in ``assetmap_survey_merges``):

- not in the project → **added** (UUID, author, times and revision kept);
- same answers and deleted flag as the project → **unchanged**;
- package revision still the base (only the project changed it) → **unchanged**;
- project revision still the base (only the package changed it) → **updated**, a new
  project revision whose history names the merge and the package's surveyor;
- changed on both sides (or deleted on one, edited on the other) → **conflict**: stored
  in ``assetmap_survey_conflicts`` (one row per response and package, refreshed by a
  re-merge, never duplicated) until ``resolve_conflict`` picks a version.

An added or updated response with a typed address and no location (a volunteer's package has no
locator: a form whose location is optional saves the address alone) is placed from the address
with the project's locators, as a save in the office would (``assetmap.geocode.survey``): one more
project revision whose history says how, so that a re-merge of the same package changes nothing.

The whole merge is one transaction: a failure or Cancel leaves the project as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assetmap.errors import NotPermitted, UserError
from assetmap.project.store import utc_now
from assetmap.survey import schema as S
from assetmap.survey import repeat_media
from assetmap.survey.duplicates import DUPLICATE_METRES, possible_duplicates  # noqa: F401  (re-exported)

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project
    from assetmap.survey.response import Response
    from assetmap.tasks import TaskContext


@dataclass
class Conflict:
    uuid: str
    form_id: str
    package_id: str
    package_surveyor: str
    fields: list[str]
    project: dict[str, Any]        # the project's answers
    package: dict[str, Any]        # the package's answers
    project_deleted: bool = False
    package_deleted: bool = False
    package_revision: int = 0
    project_revision: int = 0
    id: int | None = None
    detected_at: str = ""

    def text(self) -> str:
        lines = [f"CONFLICT {self.uuid} ({self.form_id}, package by {self.package_surveyor}): "
                 f"{', '.join(self.fields)} differ"]
        for name in self.fields:
            if name == "deleted":
                lines.append(f"    deleted: project {self.project_deleted}, package {self.package_deleted}")
            else:
                lines.append(f"    {name}: project {self.project.get(name)!r}, package {self.package.get(name)!r}")
        return "\n".join(lines)


@dataclass
class MergeReport:
    package: str
    surveyor: str = ""
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    # (added uuid, existing uuid): same type and name within DUPLICATE_METRES: maybe the same
    # asset entered twice by two volunteers. Listed for a person to check, never merged away.
    possible_duplicates: list[tuple[str, str]] = field(default_factory=list)
    # (uuid, AddressPlacement): typed addresses of added or updated responses looked up on merge
    placed: list[tuple[str, Any]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "updated": len(self.updated), "unchanged": len(self.unchanged),
                "conflicts": len(self.conflicts)}

    def text(self) -> str:
        c = self.counts
        lines = [f"Merged {self.package} (surveyor {self.surveyor}): {c['added']} added, {c['updated']} updated, "
                 f"{c['unchanged']} unchanged, {c['conflicts']} conflict(s)."]
        lines += [c.text() for c in self.conflicts]
        lines += [f"POSSIBLE DUPLICATE {new} (added) looks like {old}" for new, old in self.possible_duplicates]
        found = [(u, p) for u, p in self.placed if p.placed]
        if found:
            kinds = ", ".join(f"{k} {n}" for k, n in _count(p.match_type for _, p in found))
            lines.append(f"Placed {len(found)} typed address(es) with the project's locators ({kinds}).")
        for uuid, p in self.placed:
            if not p.placed:
                lines.append(f"ADDRESS NOT FOUND {uuid}{' ' + p.where if p.where else ''}: '{p.address}' "
                             "(kept without a location: place it on the map, or correct the address)")
        if self.conflicts:
            lines.append("Nothing was overwritten for these. Choose a version with: "
                         "assetmap survey resolve PROJECT.gpkg UUID --keep project|package")
        return "\n".join(lines)


def _count(values) -> list[tuple[str, int]]:
    from collections import Counter

    return sorted(Counter(values).items())


def _merge_matcher(project: "Project", forms):
    """The project's locators as one matcher when a package form has a typed address to place
    (else None), loaded before the merge's transaction: inside it, a second connection would
    wait for the transaction's own lock."""
    from assetmap.geocode.survey import SaveGeocoder, address_question, repeat_address_questions

    if not any(address_question(f) is not None or repeat_address_questions(f) for f in forms):
        return None
    return SaveGeocoder(project).matcher()


def merge_package(project: "Project", pkg, *, ctx: "TaskContext | None" = None) -> MergeReport:
    from assetmap.project import Project
    from assetmap.survey.pack import package_meta, project_id
    from assetmap.survey.store import SurveyStore
    from assetmap.tasks import ensure

    ctx = ensure(ctx)
    pkg_project = pkg if isinstance(pkg, Project) else Project.open(pkg)
    from assetmap.survey.package_check import check_package

    check_package(pkg_project.path)  # hostile input: refused before anything is written
    meta = package_meta(pkg_project)
    if not meta:
        raise UserError(f"{pkg_project.path} is not a field package.",
                        "Merge the .gpkg made by `assetmap survey pack` (and filled in by a volunteer).")
    if meta["source_project_id"] != project_id(project):
        raise UserError(f"{pkg_project.path} was made from another project ('{meta.get('source_title', '?')}').",
                        f"Merge it into the project it came from ({meta.get('source_path', 'unknown')}).")
    package_id, surveyor = meta["package_id"], meta.get("surveyor", "")
    report = MergeReport(pkg_project.path.name, surveyor)
    pstore, store = SurveyStore(pkg_project), SurveyStore(project)
    matcher = _merge_matcher(project, pstore.forms())
    try:
        installed = {f.form_id for f in store.forms()}
        new_forms = [form for form in pstore.forms() if form.form_id not in installed]
        # One transaction for everything, on either backend: the package's forms and their layers, the
        # responses, history and photos. A failure or Cancel leaves the project as it was, no new form.
        with project.edit() as tx, tx.sql() as con:
            for form in new_forms:
                store.install_form(form, tx=tx)
            store._outer = con
            try:
                _merge_responses(project, pkg_project, store, pstore, package_id, report, ctx, matcher)
            finally:
                store._outer = None
    except NotPermitted as exc:  # the server's roles (assetmap admin init-roles) decide, not the app
        who = f"User '{exc.who}'" if exc.who else "Your user"
        raise NotPermitted(f"{who} may not merge field packages into {project.path}: the server refused "
                           f"({exc.reason or exc.message}). Nothing was merged.",
                           "A team lead (role team_lead) or the project's owner merges packages: send them "
                           f"{pkg_project.path.name}.", who=exc.who, reason=exc.reason) from exc
    finally:
        store._forms = None
    for form in pstore.forms():
        report.possible_duplicates += possible_duplicates(store, form, set(report.added))
    ctx.progress(1.0, "Merged")
    return report


def _merge_responses(project, pkg_project, store, pstore, package_id: str, report: "MergeReport", ctx,
                     matcher=None) -> None:
    from assetmap.survey.response import SELECT_RESPONSE

    surveyor = report.surveyor
    store._forms = None
    with pkg_project.sql_read() as src:
        bases = dict(src.execute(f"SELECT uuid, revision FROM {S.PACK_BASE}").fetchall())
        # Raw rows, parsed only when a response differs: most of a big package is unchanged.
        incoming = [(f, row) for f in pstore.forms() for row in src.execute(
            f'{SELECT_RESPONSE} FROM "{S.layer_name(f.form_id)}" ORDER BY created_at, fid').fetchall()]
        with store._tx() as con:
            S.ensure_tables(con)
            _merge_rows(con, store, src, incoming, bases, package_id, surveyor, report, ctx, matcher)


def _place_addresses(con, form, uuid: str, answers: dict, current, matcher):
    """(answers, layer columns, repeat columns, placements) of a response about to be stored,
    with its typed addresses placed as a save places them; None when nothing is to be placed."""
    from assetmap.geocode.survey import (MATCH_COLUMN, address_question, place_on_save, place_repeats_on_save,
                                         repeat_address_questions)
    from assetmap.survey import repeat_store

    if matcher is None:
        return None
    placements, cols, rcols = [], None, None
    if address_question(form) is not None:
        layer = S.layer_name(form.form_id)
        current_match = None
        if current is not None and MATCH_COLUMN in con.columns(layer):
            current_match = con.execute(f'SELECT "{MATCH_COLUMN}" FROM "{layer}" WHERE uuid=?',
                                        (uuid,)).fetchone()[0]
        answers, placement, cols = place_on_save(form, answers, current=current.answers if current else None,
                                                 current_match=current_match, matcher=matcher)
        if placement is not None:
            placements.append(placement)
    if repeat_address_questions(form):
        stored = repeat_store.stored_instances(con, form, uuid) if current is not None else None
        inner = place_repeats_on_save(form, answers, current=stored, matcher=matcher)
        answers, rcols = inner.answers, inner.columns
        placements += inner.placements
    return answers, cols, rcols, placements


def _placement_notes(placements) -> str:
    """The history note of addresses placed on merge, as a save writes it (``visits[2]: …``)."""
    return "; ".join(f"{p.where + ': ' if p.where else ''}{p.note()}" for p in placements)


def _merge_rows(con, store, src, incoming, bases, package_id, surveyor, report, ctx, matcher=None) -> None:
    """The per-response decisions of ``merge_package``, inside its transaction (one connection:
    a second one would wait for this transaction's lock)."""
    from assetmap.geocode.survey import ensure_geocode_columns
    from assetmap.survey.response import from_row, read_current
    from assetmap.survey.response_write import insert_copy, log, write

    merged = {r[0]: (r[1], r[2]) for r in con.execute(
        f"SELECT uuid, package_revision, project_revision FROM {S.MERGES} WHERE package_id=?", (package_id,))}
    open_conflicts = {r[0] for r in con.execute(
        f"SELECT uuid FROM {S.CONFLICTS} WHERE package_id=? AND resolved_at IS NULL", (package_id,))}
    ours_raw: dict[str, dict] = {}
    for form in {f.form_id: f for f, _ in incoming}.values():
        ours_raw[form.form_id] = {r[0]: r[1:] for r in con.execute(
            f'SELECT uuid, revision, deleted, answers FROM "{S.layer_name(form.form_id)}"')}
    note = f"merged from package {package_id} ({report.package})"
    agreed = []
    step = max(1, len(incoming) // 100)
    for i, (form, row) in enumerate(incoming):
        if i % step == 0:  # about a hundred updates: each is a cancel point, none costs much
            ctx.progress(i / max(1, len(incoming)), f"Merging {i + 1} of {len(incoming)}")
        uuid, revision, deleted, answers = row[0], int(row[5] or 0), bool(row[6]), row[8]
        raw = ours_raw[form.form_id].get(uuid)
        if raw is not None and bool(raw[1]) == deleted and raw[2] == answers:
            # Same stored text: the same answers, without parsing either side.
            agreed.append((uuid, revision, int(raw[0] or 0)))
            report.unchanged.append(uuid)
            continue
        theirs = from_row(form, row)
        ours = read_current(con, form, uuid) if raw is not None else None
        pkg_base, proj_base = merged.get(uuid) or (bases.get(uuid), bases.get(uuid))
        if ours is None:
            insert_copy(con, store, form, theirs)
            log(con, uuid, form.form_id, theirs.revision, "merge", surveyor or theirs.surveyor,
                theirs.device_id, _changes(None, theirs), note)
            _copy_media(con, src, uuid)
            project_revision = theirs.revision
            placed = None if theirs.deleted else _place_addresses(con, form, uuid, theirs.answers, None, matcher)
            if placed is not None and placed[3]:
                answers, cols, rcols, found = placed
                if cols:
                    ensure_geocode_columns(con, S.layer_name(form.form_id))
                project_revision = write(
                    con, store, form, uuid=uuid, answers=answers, surveyor=surveyor or theirs.surveyor,
                    device_id=theirs.device_id, action="merge", current=theirs, extra=cols, repeat_geocodes=rcols,
                    note=_placement_notes(found)).revision
                report.placed += [(uuid, p) for p in found]
            _record(con, package_id, uuid, theirs.revision, project_revision)
            report.added.append(uuid)
        elif _same(ours, theirs):
            agreed.append((uuid, theirs.revision, ours.revision))
            report.unchanged.append(uuid)
        elif theirs.revision == pkg_base:
            # Only the project changed it; the package has not seen that, so the base stays.
            report.unchanged.append(uuid)
        elif ours.revision == proj_base:
            placed = None if theirs.deleted else _place_addresses(con, form, uuid, theirs.answers, ours, matcher)
            answers, cols, rcols, found = placed if placed is not None else (theirs.answers, None, None, [])
            if cols:
                ensure_geocode_columns(con, S.layer_name(form.form_id))
            new = write(con, store, form, uuid=uuid, answers=answers, surveyor=surveyor or
                        theirs.surveyor, device_id=theirs.device_id, action="merge", current=ours,
                        deleted=theirs.deleted, extra=cols, repeat_geocodes=rcols,
                        note="; ".join(n for n in (note, _placement_notes(found)) if n))
            report.placed += [(uuid, p) for p in found]
            _copy_media(con, src, uuid)
            _record(con, package_id, uuid, theirs.revision, new.revision)
            report.updated.append(uuid)
        else:
            report.conflicts.append(_store_conflict(con, package_id, surveyor, ours, theirs))
            _stash_media(con, src, package_id, uuid)
    # Both sides agree now: later edits on either side start from here.
    now = utc_now()
    con.executemany(S.replace_sql(con, S.MERGES, 5), [(package_id, u, a, b, now) for u, a, b in agreed])
    con.executemany(f"UPDATE {S.CONFLICTS} SET resolved_at=?, resolution='same' "
                    "WHERE uuid=? AND package_id=? AND resolved_at IS NULL",
                    [(now, u, package_id) for u, _, _ in agreed if u in open_conflicts])


def _same(ours: "Response", theirs: "Response") -> bool:
    return ours.deleted == theirs.deleted and S.dump_answers(ours.answers) == S.dump_answers(theirs.answers)


def _changes(ours: "Response | None", theirs: "Response") -> dict:
    from assetmap.survey.response import diff

    out = diff(ours.answers if ours else {}, theirs.answers)
    if ours is not None and ours.deleted != theirs.deleted:
        out["deleted"] = [ours.deleted, theirs.deleted]
    return out


def _record(con, package_id: str, uuid: str, package_revision: int, project_revision: int) -> None:
    con.execute(S.replace_sql(con, S.MERGES, 5), (package_id, uuid, package_revision, project_revision, utc_now()))


def _package_media(src, uuid: str) -> list[tuple]:
    """(field, filename, mime, data) of a response's photos in a field package (``src``: its connection)."""
    if not S.has_table(src, S.MEDIA):
        return []
    return src.execute(f"SELECT field, filename, mime, data FROM {S.MEDIA} WHERE uuid=?", (uuid,)).fetchall()


def _copy_media(con, src, uuid: str) -> None:
    rows = [(uuid, *row) for row in _package_media(src, uuid)]
    if rows:
        con.executemany(S.replace_sql(con, S.MEDIA, 5), rows)


def _stash_media(con, src, package_id: str, uuid: str) -> None:
    """Keep a conflicting package's photos with the conflict, so choosing the package's answers
    later brings its photos too, even when the package file is long gone."""
    rows = _package_media(src, uuid)
    con.execute(f"DELETE FROM {S.CONFLICT_MEDIA} WHERE package_id=? AND uuid=?", (package_id, uuid))
    if rows:
        con.executemany(S.replace_sql(con, S.CONFLICT_MEDIA, 6),
                        [(package_id, uuid, *row) for row in rows])


def _settle_media(con, conflict: "Conflict", answers: dict[str, Any] | None, *, prefer_package: bool) -> None:
    """Bring the stashed photos the chosen answers name into the project's media; drop the stash.

    With answers given by hand, a photo name the project already holds keeps the project's bytes."""
    rows = con.execute(f"SELECT field, filename, mime, data FROM {S.CONFLICT_MEDIA} WHERE package_id=? AND uuid=?",
                       (conflict.package_id, conflict.uuid)).fetchall()
    for question, filename, mime, data in rows:
        if not repeat_media.names(answers, question, filename):
            continue
        ours = con.execute(f"SELECT filename FROM {S.MEDIA} WHERE uuid=? AND field=?",
                           (conflict.uuid, question)).fetchone()
        if prefer_package or ours is None or ours[0] != filename:
            con.execute(S.replace_sql(con, S.MEDIA, 5), (conflict.uuid, question, filename, mime, data))
    con.execute(f"DELETE FROM {S.CONFLICT_MEDIA} WHERE package_id=? AND uuid=?", (conflict.package_id, conflict.uuid))


def _store_conflict(con, package_id: str, surveyor: str, ours: "Response", theirs: "Response") -> Conflict:
    fields = list(_changes(ours, theirs))
    c = Conflict(theirs.uuid, theirs.form_id, package_id, surveyor, fields, ours.answers, theirs.answers,
                 ours.deleted, theirs.deleted, theirs.revision, ours.revision, detected_at=utc_now())
    con.execute(
        f"INSERT INTO {S.CONFLICTS} (uuid, form_id, package_id, package_surveyor, package_revision, project_revision, "
        "fields, project_answers, package_answers, project_deleted, package_deleted, detected_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid, package_id) DO UPDATE SET "
        "package_revision=excluded.package_revision, project_revision=excluded.project_revision, "
        "fields=excluded.fields, project_answers=excluded.project_answers, package_answers=excluded.package_answers, "
        "project_deleted=excluded.project_deleted, package_deleted=excluded.package_deleted, "
        # Qualified: PostgreSQL sees both the table and ``excluded`` here.
        f"detected_at=CASE WHEN {S.CONFLICTS}.resolved_at IS NULL THEN {S.CONFLICTS}.detected_at "
        "ELSE excluded.detected_at END, "
        "resolved_at=NULL, resolution=NULL",
        (c.uuid, c.form_id, c.package_id, c.package_surveyor, c.package_revision, c.project_revision,
         json.dumps(fields), S.dump_answers(c.project), S.dump_answers(c.package), int(c.project_deleted),
         int(c.package_deleted), c.detected_at))
    c.id = con.execute(f"SELECT id FROM {S.CONFLICTS} WHERE uuid=? AND package_id=?", (c.uuid, package_id)).fetchone()[0]
    return c


def pending_conflicts(project: "Project", uuid: str | None = None) -> list[Conflict]:
    """Conflicts found by merges and not yet resolved (they survive restarts)."""
    from assetmap.survey.store import SurveyStore

    store = SurveyStore(project)
    forms = {f.form_id: f for f in store.forms()}
    with store._read() as con:
        if not S.has_table(con, S.CONFLICTS):
            return []
        sql = (f"SELECT id, uuid, form_id, package_id, package_surveyor, fields, project_answers, package_answers, "
               f"project_deleted, package_deleted, package_revision, project_revision, detected_at FROM {S.CONFLICTS} "
               "WHERE resolved_at IS NULL" + (" AND uuid=?" if uuid else "") + " ORDER BY id")
        rows = con.execute(sql, (uuid,) if uuid else ()).fetchall()
    return [Conflict(r[1], r[2], r[3], r[4], json.loads(r[5]), S.load_answers(forms.get(r[2]), r[6]),
                     S.load_answers(forms.get(r[2]), r[7]), bool(r[8]), bool(r[9]), r[10], r[11], r[0], r[12])
            for r in rows]


def resolve_conflict(project: "Project", conflict: "Conflict | str", keep: "str | dict[str, Any]" = "project",
                     *, surveyor: str = "") -> "Response":
    """Settle a conflict: keep the project's version, the package's, or given answers.

    ``conflict`` is a ``Conflict`` or a response UUID (with one pending conflict). The
    choice is a new revision in the history; the package counts as merged afterwards."""
    from assetmap.survey.response import read_current
    from assetmap.survey.response_write import log, write
    from assetmap.survey.store import SurveyStore

    if isinstance(conflict, str):
        found = pending_conflicts(project, conflict)
        if not found:
            raise UserError(f"No pending merge conflict for response {conflict}.",
                            "List them with: assetmap survey conflicts PROJECT.gpkg")
        if len(found) > 1:
            raise UserError(f"Response {conflict} conflicts with {len(found)} packages; resolve them one at a time.",
                            "Use the GUI's conflict list, or resolve_conflict with each Conflict.")
        conflict = found[0]
    if not (isinstance(keep, dict) or keep in ("project", "package")):
        raise UserError(f"Can't keep '{keep}'.", "Keep 'project' or 'package' (or give the answers to save).")
    store = SurveyStore(project)
    form = store.form(conflict.form_id)
    who = surveyor or conflict.package_surveyor
    note = f"conflict with package {conflict.package_id} resolved: kept " + (keep if isinstance(keep, str) else "answers given")
    with store._tx() as con:
        ours = read_current(con, form, conflict.uuid)
        if keep == "project":
            log(con, ours.uuid, form.form_id, ours.revision, "resolve", who, store.device_id, {}, note)
            result = ours
        elif keep == "package":
            result = write(con, store, form, uuid=ours.uuid, answers=conflict.package, surveyor=who,
                           device_id=store.device_id, action="resolve", current=ours,
                           deleted=conflict.package_deleted, note=note)
        else:
            from assetmap.survey.save_prep import validated

            result = write(con, store, form, uuid=ours.uuid, answers=validated(form, keep), surveyor=who,
                           device_id=store.device_id, action="resolve", current=ours, deleted=False, note=note)
        S.ensure_tables(con)  # a project merged before photos waited with conflicts lacks that table
        _settle_media(con, conflict, None if keep == "project" else result.answers,
                      prefer_package=keep == "package")
        _record(con, conflict.package_id, conflict.uuid, conflict.package_revision, result.revision)
        con.execute(f"UPDATE {S.CONFLICTS} SET resolved_at=?, resolution=? WHERE uuid=? AND package_id=?",
                    (utc_now(), keep if isinstance(keep, str) else "answers", conflict.uuid, conflict.package_id))
    return result
