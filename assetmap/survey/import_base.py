"""Is a row of a Kobo/ODK (or assetmap) export newer than what the project holds?

An export row carries its submission or edit time and, when the tool keeps one, a revision
(assetmap's ``revision``, ODK Central's ``Edits``). The project remembers, per response, which
version an import last took (``assetmap_survey_imports``) and the project revision that became.
``decide`` turns that into one word, so an older export never undoes a newer edit:

- ``add``: the project does not have the response;
- ``unchanged``: same answers as the project's;
- ``update``: the row is newer than what was imported, and nobody edited the response here since;
- ``stale``: the row is not newer than the project's copy (an old export imported again);
- ``conflict``: the row changed in the export *and* the response was edited here since.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assetmap.survey import schema as S


@dataclass(frozen=True)
class SourceVersion:
    time: str | None = None  # the export's edit time, else its submission time (ISO 8601)
    revision: int | None = None

    def when(self) -> dt.datetime | None:
        return parse_time(self.time)


def parse_time(text: str | None) -> dt.datetime | None:
    """An ISO time as an aware datetime (no zone: UTC); None when missing or unreadable."""
    if not text:
        return None
    try:
        t = dt.datetime.fromisoformat(str(text).strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


def newer(a: SourceVersion, b: SourceVersion) -> bool | None:
    """Whether ``a`` is newer than ``b``: by revision when both have one and they differ, else by
    time; None when neither tells."""
    if a.revision is not None and b.revision is not None and a.revision != b.revision:
        return a.revision > b.revision
    ta, tb = a.when(), b.when()
    if ta is not None and tb is not None:
        return ta > tb
    if a.revision is not None and b.revision is not None:
        return False  # same revision, no times: the same version
    return None


def taken(con, uuid: str) -> tuple[SourceVersion, int] | None:
    """(the version last imported, the project revision it became), or None."""
    if not S.has_table(con, S.IMPORTS):
        return None
    row = con.execute(f"SELECT source_time, source_revision, project_revision FROM {S.IMPORTS} WHERE uuid=?",
                      (uuid,)).fetchone()
    return (SourceVersion(row[0], row[1]), int(row[2])) if row else None


def remember(con, uuid: str, form_id: str, source: str, version: SourceVersion, project_revision: int) -> None:
    from assetmap.project.store import utc_now

    # delete + insert: the same SQL in SQLite and PostgreSQL, inside the caller's transaction
    con.execute(f"DELETE FROM {S.IMPORTS} WHERE uuid=?", (uuid,))
    con.execute(f"INSERT INTO {S.IMPORTS} (uuid, form_id, source, source_time, source_revision, "
                "project_revision, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (uuid, form_id, source, version.time, version.revision, project_revision, utc_now()))


def same_answers(form, ours: dict, theirs: dict) -> bool:
    """Equal answers, locations to 7 decimals (about 1 cm): exports write no more, and a
    location read back from one is the same place, not an edit."""
    from assetmap.survey.form import QType

    def norm(answers: dict) -> str:
        out = dict(answers)
        for q in form.questions:
            v = out.get(q.name)
            if q.type is QType.GEOPOINT and isinstance(v, (tuple, list)):
                out[q.name] = [round(float(x), 7) for x in v]
        return S.dump_answers(out)

    return norm(ours) == norm(theirs)


def decide(current, same_answers: bool, version: SourceVersion, base: tuple[SourceVersion, int] | None) -> str:
    """One of add/unchanged/update/stale/conflict for an export row (see the module text).

    ``current`` is the project's Response (or None); ``base`` what ``taken`` returned."""
    if current is None:
        return "add"
    if same_answers:
        return "unchanged"
    if base is not None:
        last, project_revision = base
        is_newer = newer(version, last)
        if is_newer is False:
            return "stale"
        if current.revision != project_revision:
            return "conflict"  # edited here since: never applied over that edit
        return "update"  # newer, or an export without times while nobody edited here
    # Never imported here (made in the app, merged, or our own export): compare with the response.
    ours = SourceVersion(current.modified_at, current.revision)
    if version.revision is not None:  # an assetmap export: revisions of this very response
        if version.revision < current.revision:
            return "stale"
        if version.revision == current.revision:
            return "conflict"  # same revision, other answers: edited in two places
        return "update"
    is_newer = newer(version, ours)
    if is_newer is None:
        return "conflict"  # no time to order them by: do not guess over someone's edit
    return "update" if is_newer else "stale"
