"""Survey exports whose rows carry a typed address instead of a GPS point (paper sheets typed in
later, a phone without a fix): the form's location question is filled from the address with a
locator. Survey answers describe community assets, not families, so the position is stored like
a GPS one; how it was found is kept in the response's history note."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.survey.form import Form
    from assetmap.survey.kobo_columns import RawRow


def location_question(form: "Form") -> str:
    from assetmap.survey.form import QType

    for q in form.input_questions():
        if q.type is QType.GEOPOINT:
            return q.name
    raise UserError(f"The form '{form.title}' has no location (geopoint) question to fill from addresses.",
                    "Import without --locator.")


def _column_texts(path: Path, columns: dict[str, str], encoding: str | None) -> dict[str, dict[int, str]]:
    """{column: {row number: text}} for the export's columns (``columns``: column -> what it is)."""
    from assetmap.survey.export_tables import read_table

    table = read_table(path, encoding) or [[]]
    headers = [h.strip() for h in table[0]]
    out = {}
    for column, what in columns.items():
        if column not in headers:
            raise UserError(f"{path.name} has no column '{column}' ({what}).",
                            "Columns in it: " + ", ".join(headers[:20]) + ". Nothing was imported.")
        i = headers.index(column)
        out[column] = {n: (cells[i].strip() if i < len(cells) else "") for n, cells in enumerate(table[1:], start=2)}
    return out


def fill_locations(path, form: "Form", rows: list["RawRow"], matcher, address_column: str,
                   encoding: str | None = None, zip_column: str | None = None) -> dict[int, str]:
    """Set the location answer of rows that have none from their address; {row number: match type}.

    ``zip_column``: a column (or question) with the ZIP code, which chooses between streets of the
    same name in two places (as ``assetmap geocode --zip``); where it is blank a ZIP typed at the
    end of the address counts."""
    import numpy as np

    q = location_question(form)
    wanted = {address_column: "the address"}
    if zip_column is not None:
        wanted.setdefault(zip_column, "the ZIP column")
    texts_of = {c: {r.row_number: str(r.values.get(c) or "") for r in rows} for c in wanted if form.has_question(c)}
    missing = {c: w for c, w in wanted.items() if c not in texts_of}
    if missing:
        texts_of.update(_column_texts(Path(path), missing, encoding))
    texts = texts_of[address_column]
    todo = [r for r in rows if not r.values.get(q) and texts.get(r.row_number, "")]
    if not todo:
        return {}
    zips = (np.array([texts_of[zip_column].get(r.row_number, "") for r in todo], dtype=object)
            if zip_column is not None else None)
    m = matcher.match_addresses(np.array([texts[r.row_number] for r in todo], dtype=object), zips=zips)
    found = {}
    for k, r in enumerate(todo):
        if m.match_type[k] != "unmatched":
            r.values[q] = f"{m.lat[k]:.7f} {m.lon[k]:.7f}"
        found[r.row_number] = str(m.match_type[k])
    return found


# ---------------------------------------------------------------------- a form's address, on save
# A form entered in the app (the survey panel) can have a question that holds
# the typed address: a text question with the XLSForm column `geocode` = yes (or
# `bind::assetmap:geocode` = yes), else a text question named `address`. When a response is saved
# without a location but with that address, and the project has a locator, the location is placed
# from the address, offline; the match type and score go to the layer's columns
# `geocode_match`/`geocode_score` and the history note. An address that is not found still saves the
# response, without a location (a required location is waived for it), with `geocode_match`
# `unmatched`, so that nothing typed is lost and the planner can place it later.
ADDRESS_NAME = "address"
MATCH_COLUMN = "geocode_match"
SCORE_COLUMN = "geocode_score"
GEOCODE_COLUMNS = {MATCH_COLUMN: "str", SCORE_COLUMN: "int"}


def ensure_geocode_columns(con, layer: str) -> None:
    """A form layer installed before the match columns existed gets them (a save or a merge that
    places an address adds them; nothing else alters a form's layer)."""
    have = set(con.columns(layer))
    for col, kind in GEOCODE_COLUMNS.items():
        if col not in have:
            con.add_column(layer, col, kind)


def address_question(form: "Form"):
    """The form's address question (marked with `geocode`, else named `address`), or None.
    Only with a location question to fill, and only at the top level (addresses inside a repeat
    with its own location: ``repeat_address_questions``)."""
    from assetmap.survey.form import QType

    texts = [q for q in form.input_questions() if q.type is QType.TEXT]
    if not any(q.type is QType.GEOPOINT for q in form.input_questions()):
        return None
    return next((q for q in texts if q.geocode), None) or next(
        (q for q in texts if q.name.lower() == ADDRESS_NAME), None)


@dataclass
class AddressPlacement:
    """What saving did with a response's typed address (shown by the panel and the CLI)."""

    address: str
    match_type: str          # one of matcher.MATCH_TYPES; "unmatched" when not found
    score: int
    lat: float | None = None
    lon: float | None = None
    where: str = ""          # inside a repeat: the instance ("members[2]"); "" at the top level

    @property
    def placed(self) -> bool:
        return self.match_type != "unmatched"

    def note(self) -> str:
        """The history note (the same words as an import's)."""
        if self.placed:
            return f"location from the address: {self.match_type} (score {self.score})"
        return "address not found by the project's locators: saved without a location"

    def line(self) -> str:
        if self.placed:
            return f"Placed from the address ({self.match_type}, score {self.score})."
        return (f"The address '{self.address}' was not found with the project's locators: the response was "
                "saved without a location. Place it on the map, or correct the address, and save again.")


class SaveGeocoder:
    """The project's locators as one matcher, loaded once and again only when they change."""

    def __init__(self, project):
        self.project = project
        self._key = None
        self._matcher = None

    def matcher(self):
        from assetmap.geocode.locators import list_locators, load_matcher

        try:
            infos = list_locators(self.project)
        except Exception:            # noqa: BLE001 - a field package or an old project: no locators
            infos = []
        key = tuple((i.name, i.created_at, i.features) for i in infos)
        if key != self._key:
            # Address points first, then address ranges (as --locator a,b).
            names = [i.name for i in sorted(infos, key=lambda i: (i.kind != "points", i.name))]
            self._matcher = load_matcher(self.project, names) if names else None
            self._key = key
        return self._matcher


def _same_point(a, b) -> bool:
    if not a or not b:
        return False
    return abs(float(a[0]) - float(b[0])) < 1e-9 and abs(float(a[1]) - float(b[1])) < 1e-9


def place_on_save(form: "Form", answers: dict, *, current: dict | None = None, current_match: str | None = None,
                  matcher=None):
    """(answers, placement or None, geocode columns or None) for a response about to be saved.

    ``current``: the stored answers when editing; ``current_match``: its ``geocode_match``.
    ``matcher``: a ``Matcher`` or a callable giving one (or None: the project has no locator).
    Columns None means: leave the stored ones as they are (an edit that kept the location)."""
    from assetmap.survey.schema import geopoint_question

    aq, gq = address_question(form), geopoint_question(form)
    if aq is None or gq is None:
        return answers, None, None
    answers = dict(answers)
    text = str(answers.get(aq.name) or "").strip()
    loc = answers.get(gq.name)
    cur_loc = (current or {}).get(gq.name)
    cur_text = str((current or {}).get(aq.name) or "").strip()
    if loc:
        kept = current is not None and _same_point(loc, cur_loc)
        if not (kept and current_match and current_match != "unmatched" and text != cur_text):
            # Typed or picked by hand (new, or moved): no geocode; an unchanged one: as it was.
            return answers, None, (None if kept else {MATCH_COLUMN: None, SCORE_COLUMN: None})
        answers.pop(gq.name)         # placed from the old address, which was changed: place it again
    if not text:
        return answers, None, {MATCH_COLUMN: None, SCORE_COLUMN: None}
    m = matcher() if callable(matcher) else matcher
    if m is None:
        return answers, None, {MATCH_COLUMN: None, SCORE_COLUMN: None}
    r = m.match_addresses([text])
    kind, score = str(r.match_type[0]), int(r.score[0])
    placement = AddressPlacement(text, kind, score)
    if placement.placed:
        placement.lat, placement.lon = float(r.lat[0]), float(r.lon[0])
        answers[gq.name] = (placement.lat, placement.lon)
    return answers, placement, {MATCH_COLUMN: kind, SCORE_COLUMN: score}


# ---------------------------------------------------------------------- addresses in repeat groups
# A repeat whose group has its own location (geopoint) question and an address question (marked
# `geocode` = yes, else a text question named `address`) is placed instance by instance, as the
# top level is: a household member's or a visited site's typed address, with no location in that
# instance, fills the instance's point; an edit that kept the point keeps the match; an address
# changed under a point placed from the old one is placed again. The match type and score are kept
# in the repeat's child table (`geocode_match`, `geocode_score`, one row per instance; see
# ``assetmap.survey.repeat_store``), the history note names the instance (`members[2]: ...`).
# An address not found saves the instance without a location (a required one is waived for it).


def repeat_address_questions(form: "Form") -> list[tuple]:
    """(repeat, address question, location question) of each repeat that has both inside it."""
    from assetmap.survey.form import QType

    out = []
    for r in form.repeats():
        qs = form.questions_in(r)
        gq = next((q for q in qs if q.type is QType.GEOPOINT), None)
        texts = [q for q in qs if q.type is QType.TEXT]
        aq = next((q for q in texts if q.geocode), None) or next(
            (q for q in texts if q.name.lower() == ADDRESS_NAME), None)
        if gq is not None and aq is not None:
            out.append((r, aq, gq))
    return out


@dataclass
class RepeatPlacements:
    """What saving did with the typed addresses inside repeats."""

    answers: dict
    placements: list          # AddressPlacement, each with ``where`` = "members[2]"
    columns: dict             # repeat name -> [{geocode_match, geocode_score} per instance]
    waived: set               # "members[2]/home": a required location not found from its address

    def note(self) -> str:
        return "; ".join(f"{p.where}: {p.note()}" for p in self.placements)


def place_repeats_on_save(form: "Form", answers: dict, *, current: dict | None = None,
                          matcher=None) -> RepeatPlacements:
    """Place the repeat instances that have a typed address and no location.

    ``current``: repeat name -> the stored instances as [(answers, geocode_match, geocode_score)]
    when editing (the child table's rows). ``matcher``: a ``Matcher``, a callable giving one, or
    None (no locator: instances keep what was typed, and hand-placed points are marked as such)."""
    found = repeat_address_questions(form)
    answers = dict(answers)
    out = RepeatPlacements(answers, [], {}, set())
    todo: list[tuple[str, int, str, str]] = []           # (repeat, index, address, location question)
    popped: dict[tuple[str, int], object] = {}
    for r, aq, gq in found:
        if not isinstance(answers.get(r.name), (list, tuple)):
            continue
        insts = [dict(i) if isinstance(i, dict) else i for i in answers[r.name]]
        old = (current or {}).get(r.name) or []
        cols = []
        for i, inst in enumerate(insts):
            cols.append({MATCH_COLUMN: None, SCORE_COLUMN: None})
            if not isinstance(inst, dict):
                continue
            text = str(inst.get(aq.name) or "").strip()
            loc = inst.get(gq.name)
            if loc:
                # The stored instance with the same point: at the same place first, then anywhere.
                twin = next((o for o in ([old[i]] if i < len(old) else []) + list(old)
                             if _same_point(loc, o[0].get(gq.name))), None)
                if twin is None:
                    continue                               # typed or picked by hand
                o_text = str(twin[0].get(aq.name) or "").strip()
                if not (twin[1] and twin[1] != "unmatched" and text != o_text):
                    cols[i] = {MATCH_COLUMN: twin[1], SCORE_COLUMN: twin[2]}   # as it was
                    continue
                popped[(r.name, i)] = inst.pop(gq.name)   # placed from the old address: again
            if text:
                todo.append((r.name, i, text, gq.name))
        answers[r.name] = insts
        out.columns[r.name] = cols
    if not todo:
        return out
    m = matcher() if callable(matcher) else matcher
    if m is None:                     # no locator (any more): a point placed before stays where it was
        for (rname, i), loc in popped.items():
            gname = next(g.name for r, _a, g in found if r.name == rname)
            answers[rname][i][gname] = loc
        return out
    res = m.match_addresses([t[2] for t in todo])
    for k, (rname, i, text, gname) in enumerate(todo):
        kind, score = str(res.match_type[k]), int(res.score[k])
        p = AddressPlacement(text, kind, score, where=f"{rname}[{i + 1}]")
        if p.placed:
            p.lat, p.lon = float(res.lat[k]), float(res.lon[k])
            answers[rname][i][gname] = (p.lat, p.lon)
        else:
            out.waived.add(f"{rname}[{i + 1}]/{gname}")
        out.columns[rname][i] = {MATCH_COLUMN: kind, SCORE_COLUMN: score}
        out.placements.append(p)
    return out


def fill_repeat_locations(form: "Form", rows: list["RawRow"], matcher) -> dict[int, tuple[list, dict]]:
    """An export's repeat instances with a typed address and no location get one (as on save).

    {row number: ([AddressPlacement with ``where``], {repeat: [geocode columns per instance]})}
    for the rows that had such instances; the location answers are set in ``rows``."""
    import numpy as np

    found = repeat_address_questions(form)
    todo = []                                     # (row, repeat, index, address, location question)
    for row in rows:
        for r, aq, gq in found:
            for i, inst in enumerate(row.repeats.get(r.name) or []):
                text = str(inst.get(aq.name) or "").strip()
                if text and not str(inst.get(gq.name) or "").strip():
                    todo.append((row, r.name, i, text, gq.name))
    if not todo:
        return {}
    m = matcher.match_addresses(np.array([t[3] for t in todo], dtype=object))
    out: dict[int, tuple[list, dict]] = {}
    for k, (row, rname, i, text, gname) in enumerate(todo):
        kind, score = str(m.match_type[k]), int(m.score[k])
        p = AddressPlacement(text, kind, score, where=f"{rname}[{i + 1}]")
        if p.placed:
            p.lat, p.lon = float(m.lat[k]), float(m.lon[k])
            row.repeats[rname][i][gname] = f"{p.lat:.7f} {p.lon:.7f}"
        placements, cols = out.setdefault(row.row_number, ([], {}))
        placements.append(p)
        n = len(row.repeats[rname])
        cols.setdefault(rname, [{MATCH_COLUMN: None, SCORE_COLUMN: None} for _ in range(n)])[i] = {
            MATCH_COLUMN: kind, SCORE_COLUMN: score}
    return out
