"""Read an XLSForm (.xlsx/.xls/.csv/.md) into a ``Form``.

pyxform is the reference parser: its xls2json layer reads the sheets, resolves
aliases, checks ``${name}`` references and returns the survey as nested JSON;
we map that JSON onto our model. What the model cannot express (repeats,
geotraces, audio, unknown functions...) becomes one readable
line in ``Form.unsupported`` instead of an error, so a KoboToolbox or ODK form
still opens and the survey lead sees exactly what will behave differently.
"""

from __future__ import annotations

import re
from pathlib import Path

from assetmap.errors import UserError
from assetmap.survey.form import Choice, Form, Group, QType, Question, language_code

_TYPES = {
    "text": QType.TEXT,
    "integer": QType.INTEGER,
    "int": QType.INTEGER,
    "decimal": QType.DECIMAL,
    "select one": QType.SELECT_ONE,
    "select all that apply": QType.SELECT_MULTIPLE,
    "date": QType.DATE,
    "geopoint": QType.GEOPOINT,
    "note": QType.NOTE,
    "photo": QType.PHOTO,
    "image": QType.PHOTO,
    "calculate": QType.CALCULATE,
}
# pyxform passes these older spellings through unchanged
_ALIASES = {
    "string": "text", "q string": "text", "add text prompt": "text",
    "q int": "integer", "add integer prompt": "integer",
    "q decimal": "decimal", "add decimal prompt": "decimal",
    "q date": "date", "add date prompt": "date",
    "gps": "geopoint", "location": "geopoint", "q geopoint": "geopoint", "q location": "geopoint",
    "add location prompt": "geopoint",
    "q note": "note", "add note prompt": "note",
    "q image": "photo", "q picture": "photo", "add image prompt": "photo",
    "q calculate": "calculate", "add calculate prompt": "calculate",
    "q select1": "select one", "select one using": "select one",
    "add select one prompt using": "select one",
    "q select": "select all that apply", "select multiple using": "select all that apply",
    "select all that apply from": "select all that apply",
    "select multiple from": "select all that apply",
    "add select multiple prompt using": "select all that apply",
}

# Metadata a data-collection app records by itself; assetmap keeps its own
# (created/modified times, surveyor, device), so these are not questions here.
_METADATA = {
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit", "start-geopoint", "background-audio", "background-geopoint",
}

_WHY_NOT = {
    "geotrace": "lines are not supported",
    "geoshape": "shapes are not supported",
    "audio": "audio recordings are not supported",
    "background-audio": "audio recordings are not supported",
    "video": "videos are not supported",
    "file": "file uploads are not supported",
    "barcode": "barcode scanning is not supported",
    "time": "time-of-day questions are not supported",
    "datetime": "date-and-time questions are not supported",
    "range": "range sliders are not supported",
    "rank": "ranking questions are not supported",
    "trigger": "acknowledge questions are not supported",
    "acknowledge": "acknowledge questions are not supported",
    "hidden": "hidden questions are not supported",
    "xml-external": "external instances are not supported",
    "csv-external": "external instances are not supported",
}

# The "Other" choice and "Specify other." question pyxform adds for or_other
# are English only; these are used for the languages we know.
_OTHER_TEXTS = {
    "en": ("Other", "Specify other."),
    "es": ("Otro", "Especifique otro."),
    "fr": ("Autre", "Précisez autre."),
    "pt": ("Outro", "Especifique outro."),
}

_YES = {"yes", "true", "true()", "1"}
_NO = {"no", "false", "false()", "0", ""}
_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".md"}


def load_form(path) -> Form:
    """Parse the XLSForm at ``path``; UserError if it is missing or broken."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Cannot open the form {path}: the file does not exist.",
                        "Check the path, or pick the form file again.")
    if path.suffix.lower() not in _SUFFIXES:
        raise UserError(
            f"{path.name} is not an XLSForm: expected an .xlsx, .xls, .csv or .md file.",
            "Save the form from Excel, KoboToolbox or ODK as .xlsx and load that.")
    data, rows = _read_with_pyxform(path)
    return _build(data, rows, path)


def _read_with_pyxform(path: Path) -> tuple[dict, list[dict]]:
    from pyxform.errors import PyXFormError
    from pyxform.xls2json import workbook_to_json
    from pyxform.xls2json_backends import get_xlsform

    try:
        book = None
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            from assetmap.survey.xlsx_fast import read_xlsform

            book = read_xlsform(path)  # openpyxl took most of a minute for 100,000 choices
        workbook = get_xlsform(str(path)) if book is None else get_xlsform(
            {**book, "fallback_form_name": path.stem})
        data = workbook_to_json(workbook_dict=workbook, form_name="data",
                                fallback_form_name=workbook.fallback_form_name, warnings=[])
    except PyXFormError as exc:
        raise UserError(f"{path.name} is not a usable XLSForm: {exc}",
                        "Fix the form in Excel, KoboToolbox or ODK (the survey, choices "
                        "and settings sheets) and load it again.") from exc
    except Exception as exc:  # pyxform trips over some malformed sheets with plain errors
        raise UserError(f"{path.name} could not be read as an XLSForm: {type(exc).__name__}: {exc}",
                        "Check that it is an XLSForm with survey, choices and settings "
                        "sheets.") from exc
    return data, list(workbook.survey or [])


class _Builder:
    def __init__(self, data: dict, rows: list[dict], path: Path):
        self.path = path
        self.rows = rows
        self.form = Form(
            form_id=str(data.get("id_string") or path.stem),
            title=str(data.get("title") or data.get("id_string") or path.stem),
            version=str(data.get("version") or ""),
            default_language=_language_key(data.get("default_language")) or None,
        )
        self.dropped: dict[str, str] = {}  # question left out -> why
        self.row_of: dict[str, int] = {}
        self.raw_type_of: dict[str, str] = {}
        for i, row in enumerate(rows):
            name = _cell(row, "name")
            if name and name not in self.row_of:
                self.row_of[name] = i + 2  # 1-based, after the header row
                self.raw_type_of[name] = _cell(row, "type")
        self._languages: list[str] = []
        from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

        self.known_types = set(QUESTION_TYPE_DICT) | set(_TYPES) | {"group", "repeat"}

    # -- helpers --
    def where(self, name: str) -> str:
        row = self.row_of.get(name)
        raw = self.raw_type_of.get(name, "")
        prefix = f"row {row} " if row else ""
        return f"{prefix}`{name}`" + (f" ({raw})" if raw else "")

    def note(self, line: str) -> None:
        if line not in self.form.unsupported:
            self.form.unsupported.append(line)

    def texts(self, value) -> dict[str, str]:
        out = _texts(value)
        for lang in out:
            if lang and lang not in self._languages:
                self._languages.append(lang)
        return out

    # -- walking the JSON --
    def walk(self, children: list[dict], group: str | None) -> None:
        for el in children:
            kind = str(el.get("type", "")).strip()
            kind = _ALIASES.get(kind, kind)
            name = str(el.get("name", ""))
            if kind == "loop" and el.get("columns"):
                self.loop(el, name, group)
                continue
            if kind in _CONSTRUCTS:
                self.construct(el, kind, name)
                continue
            if kind not in self.known_types:
                raise UserError(
                    f"{self.path.name}: {self.where(name)} has the unknown question type "
                    f"`{kind}`.", "Check the spelling in the type column (for example "
                    "text, integer, select_one LIST, geopoint) and load the form again.")
            kind = kind.lower()
            if kind in ("group", "repeat"):
                self.group(el, kind, name, group)
            elif kind == "calculate" and "jr:preload" in (el.get("bind") or {}):
                continue  # meta/instanceID and friends: assetmap keeps its own ids
            elif kind in _METADATA:
                self.note(f"{self.where(name)}: metadata is recorded by assetmap itself "
                          "(created and modified times, surveyor, device); not a question here")
                self.dropped[name] = "metadata"
            elif kind in _TYPES and not (_TYPES[kind] in (QType.SELECT_ONE, QType.SELECT_MULTIPLE)
                                         and not el.get("choices")):
                self.question(el, _TYPES[kind], name, group)
            else:
                why = _WHY_NOT.get(kind)
                if why is None and kind.startswith("select"):
                    why = "choices from a file or an external list are not supported"
                elif why is None:
                    why = f"`{kind}` questions are not supported"
                self.note(f"{self.where(name)}: {why}; the question is left out")
                self.dropped[name] = kind

    def construct(self, el: dict, kind: str, name: str) -> None:
        """Valid XLSForm that is not a question: an ODK entities sheet, an
        included form, a loop. Named for what it is, never as a misspelling."""
        if kind == "entity":
            dataset = next((str(c.get("value")) for c in el.get("children") or []
                            if c.get("name") == "dataset"), "")
            ds = f" (dataset `{dataset}`)" if dataset else ""
            self.note(f"the `entities` sheet{ds}: ODK Central entities are not used here; "
                      "responses are saved as usual")
            return
        inner = _leaf_names(el)
        for n in inner:
            self.dropped[n] = kind
        left_out = f"; its questions ({', '.join(f'`{n}`' for n in inner[:6])}" \
                   f"{', …' if len(inner) > 6 else ''}) are left out" if inner else "; it is left out"
        if kind == "loop":
            raw = self.raw_type_of.get(name, "begin loop")
            self.note(f"{self.where(name)}: `{raw}` (a group asked once per choice of a list) "
                      f"is not supported{left_out}; write it as begin_repeat instead")
        else:  # include
            self.note(f"{self.where(name)}: `include` (questions from another form file) is "
                      f"not supported{left_out}; copy those questions into this form")

    def loop(self, el: dict, name: str, parent: str | None) -> None:
        """``begin loop over LIST``: the questions asked once per choice of the list, as ODK does.
        Each choice becomes a group (its label) holding a copy of the questions, named
        ``<loop>_<choice>_<question>`` (names are unique here), ``%(label)s``/``%(name)s`` in
        texts filled in, and ``${question}`` inside the loop meaning that choice's copy.
        ``Question.path`` keeps the export's path (``loop/choice/question``) for imports."""
        bind = el.get("bind") or {}
        path = f"{parent}/{name}" if parent else name
        self.form.groups[path] = Group(name=name, path=path, labels=self.texts(el.get("label")),
                                       relevant=bind.get("relevant") or None, parent=parent)
        inner = _leaf_names(el)
        for col in el["columns"]:
            cname = str(col.get("name"))
            labels = _texts(col.get("label"))
            cpath = f"{path}/{cname}"
            self.form.groups[cpath] = Group(name=cname, path=cpath, labels=self.texts(col.get("label")),
                                            parent=path)
            renamed = {n: f"{name}_{cname}_{n}" for n in inner}
            before = len(self.form.questions)
            self.walk(_loop_copy(el.get("children") or [], renamed, cname, labels), cpath)
            for q in self.form.questions[before:]:
                original = next((n for n, new in renamed.items() if new == q.name), None)
                if original is not None:
                    q.path = "/".join([name, cname, *q.group.split("/")[len(cpath.split("/")):], original])

    def group(self, el: dict, kind: str, name: str, parent: str | None) -> None:
        bind = el.get("bind") or {}
        control = el.get("control") or {}
        if name == "meta" and control.get("bodyless"):
            self.walk(el.get("children", []), parent)  # pyxform's generated meta block
            return
        path = f"{parent}/{name}" if parent else name
        if kind == "repeat" and self.inside_repeat(parent):
            inner = _leaf_names(el)
            for n in inner:
                self.dropped[n] = "repeat"
            self.note(f"{self.where(name)}: a repeat inside a repeat is not supported; its questions "
                      f"({', '.join(f'`{n}`' for n in inner[:6])}) are left out")
            return
        count = el.get("control", {}).get("jr:count") or el.get("jr:count") or bind.get("jr:count")
        self.form.groups[path] = Group(
            name=name, path=path, labels=self.texts(el.get("label")),
            relevant=bind.get("relevant") or None, parent=parent,
            appearance=control.get("appearance") or None, repeat=kind == "repeat",
            repeat_count=str(count).strip() or None if count not in (None, "") else None,
        )
        self.walk(el.get("children", []), path)

    def inside_repeat(self, path: str | None) -> bool:
        while path:
            g = self.form.groups[path]
            if g.repeat:
                return True
            path = g.parent
        return False

    def question(self, el: dict, qtype: QType, name: str, group: str | None) -> None:
        bind = el.get("bind") or {}
        control = el.get("control") or {}
        required, required_if = _required(bind.get("required"))
        q = Question(
            name=name, type=qtype,
            labels=self.texts(el.get("label")),
            hints=self.texts(el.get("hint")),
            required=required, required_if=required_if,
            required_messages=self.texts(bind.get("jr:requiredMsg")),
            constraint=bind.get("constraint") or None,
            constraint_messages=self.texts(bind.get("jr:constraintMsg")),
            relevant=bind.get("relevant") or None,
            calculation=bind.get("calculate") or None,
            default=None if el.get("default") is None else str(el.get("default")),
            default_is_expression=bool(el.get("_dynamic_default")),
            read_only=str(bind.get("readonly", "")).strip().lower() in _YES,
            appearance=control.get("appearance") or None,
            list_name=el.get("list_name") or el.get("itemset") or None,
            choices=[Choice(name=str(c.get("name")), labels=self.texts(c.get("label")),
                            columns=_choice_columns(c))
                     for c in el.get("choices") or []],
            group=group,
            choice_filter=str(el.get("choice_filter")).strip() or None if el.get("choice_filter") else None,
            geocode=str(el.get("geocode") or bind.get("assetmap:geocode") or "").strip().lower() in _YES,
        )
        if el.get("media"):
            self.note(f"{self.where(name)}: images, audio and video in labels are not shown")
        if el.get("trigger"):
            self.note(f"{self.where(name)}: trigger is not supported; the calculation "
                      "is recomputed whenever an answer changes")
        if self.form.has_question(name):
            rows = f"rows {self.row_of.get(name)} and later" if name in self.row_of else "twice"
            raise UserError(
                f"{self.path.name}: the question name `{name}` is used {rows}.",
                "assetmap needs every question name to be unique, also across groups; "
                "rename one of them in the form.")
        self.form.questions.append(q)

    # -- after the walk --
    def finish_or_other(self) -> None:
        """pyxform expands `or_other` into an "other" choice and a sibling
        `<name>_other` text question relevant on `selected(../name, 'other')`;
        mark the select, translate both and make the relevance use ${...}."""
        for q in list(self.form.questions):
            if q.type not in (QType.SELECT_ONE, QType.SELECT_MULTIPLE):
                continue
            if not re.search(r"\bor_other\b", self.raw_type_of.get(q.name, "")):
                continue
            q.or_other = True
            other = q.choice("other")
            langs = self._languages or [""]
            if other is not None:
                other.labels = {lang: _other_texts(lang)[0] for lang in langs}
            if self.form.has_question(f"{q.name}_other"):
                spec = self.form.question(f"{q.name}_other")
                spec.labels = {lang: _other_texts(lang)[1] for lang in langs}
                spec.relevant = f"selected(${{{q.name}}}, 'other')"

    def check_expressions(self) -> None:
        from assetmap.survey import expressions as xp

        def check(owner: str, what: str, expr: str | None, ignored: str) -> None:
            if not expr:
                return
            try:
                xp.parse(expr)
            except xp.ExpressionError as exc:
                self.note(f"{owner} {what}: {exc}; {ignored}")
                return
            for ref in sorted(xp.references(expr)):
                if ref in self.dropped:
                    self.note(f"{owner} {what} uses ${{{ref}}}, which is left out; "
                              "it reads as empty")

        for g in self.form.groups.values():
            check(self.where(g.name), "relevant", g.relevant, "the group is always shown")
            check(self.where(g.name), "repeat_count", g.repeat_count, "instances are added by hand")
        for q in self.form.questions:
            w = self.where(q.name)
            check(w, "relevant", q.relevant, "the question is always shown")
            check(w, "constraint", q.constraint, "any answer is accepted")
            check(w, "calculation", q.calculation, "it stays empty")
            check(w, "required", q.required_if, "the question is optional")
            if q.choice_filter:
                try:
                    xp.parse_filter(q.choice_filter)
                except xp.ExpressionError as exc:
                    self.note(f"{w} choice_filter: {exc}; every choice of the list is offered")
                    q.choice_filter = None
                    continue
                for ref in sorted(xp.filter_references(q.choice_filter)):
                    if ref in self.dropped:
                        self.note(f"{w} choice_filter uses ${{{ref}}}, which is left out; it reads as empty")
            if q.default_is_expression:
                check(w, "default", q.default, "it has no default")

    def check_calculation_cycles(self) -> None:
        from assetmap.survey.validation import calculation_order

        _, cyclic = calculation_order(self.form)
        if cyclic:
            names = ", ".join(f"`{n}`" for n in cyclic)
            self.note(f"calculations {names} depend on each other in a circle; they stay empty")


def _build(data: dict, rows: list[dict], path: Path) -> Form:
    b = _Builder(data, rows, path)
    b.walk(data.get("children", []), None)
    b.finish_or_other()
    b.check_expressions()
    b.check_calculation_cycles()
    langs = list(b._languages)
    default = b.form.default_language
    if default and default in langs:
        langs.remove(default)
        langs.insert(0, default)
    b.form.languages = langs
    if not any(q.type.takes_input for q in b.form.questions):
        if b.form.unsupported:
            why = " Left out: " + "; ".join(b.form.unsupported[:4]) + \
                  (f"; and {len(b.form.unsupported) - 4} more." if len(b.form.unsupported) > 4 else ".")
        elif b.form.questions:
            why = " It has only calculations and notes, nothing to answer."
        else:
            why = ""
        raise UserError(f"{path.name} has no questions assetmap can ask.{why}",
                        "Check the survey sheet: its `type` column needs text, integer, "
                        "select_one, geopoint... questions.")
    return b.form


# Valid XLSForm constructs that are not questions (pyxform's JSON type names).
_CONSTRUCTS = {"entity", "loop", "include"}


def _leaf_names(el: dict) -> list[str]:
    out = []
    for c in el.get("children") or []:
        if c.get("children") and c.get("type") in ("group", "repeat", "loop"):
            out += _leaf_names(c)
        elif c.get("name"):
            out.append(str(c["name"]))
    return out


def _loop_copy(children: list, renamed: dict[str, str], cname: str, labels: dict[str, str]) -> list:
    """A loop's children for one choice: names made unique, references to them pointed at this
    choice's copies, %(name)s and %(label)s (in each language) filled in."""
    refs = re.compile(r"\$\{\s*(" + "|".join(map(re.escape, renamed)) + r")\s*\}") if renamed else None

    def fill(value, lang=None):
        if isinstance(value, dict):
            return {k: fill(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v, lang) for v in value]
        if not isinstance(value, str):
            return value
        label = labels.get(_language_key(lang) if lang else "") or labels.get("") or \
            next(iter(labels.values()), cname)
        value = value.replace("%(name)s", cname).replace("%(label)s", label)
        return refs.sub(lambda m: "${" + renamed[m.group(1)] + "}", value) if refs else value

    out = []
    for c in children:
        c = {k: (v if k in ("name", "type", "children", "choices") else fill(v)) for k, v in c.items()}
        if c.get("children") and c.get("type") in ("group", "repeat", "loop"):
            c["children"] = _loop_copy(c["children"], renamed, cname, labels)
        elif c.get("name") in renamed:
            c["name"] = renamed[c["name"]]
        out.append(c)
    return out


def _choice_columns(choice: dict) -> dict[str, str]:
    """A choice's other columns (``cf``, ``state``...), which a choice_filter may test."""
    skip = {"name", "label", "media", "image", "audio", "video", "big-image"}
    return {str(k): str(v) for k, v in choice.items() if k not in skip and not isinstance(v, (dict, list))
            and v is not None}


def _cell(row: dict, key: str) -> str:
    for k, v in row.items():
        if str(k).strip().lower() == key:
            return str(v).strip()
    return ""


def _language_key(lang) -> str:
    if lang is None:
        return ""
    lang = str(lang)
    return "" if lang == "default" else lang


def _texts(value) -> dict[str, str]:
    if value is None or value == "":
        return {}
    if isinstance(value, dict):
        return {_language_key(k): str(v) for k, v in value.items() if v not in (None, "")}
    return {"": str(value)}


def _required(value) -> tuple[bool, str | None]:
    if value is None:
        return False, None
    text = str(value).strip()
    if text.lower() in _YES:
        return True, None
    if text.lower() in _NO:
        return False, None
    return False, text


def _other_texts(lang: str) -> tuple[str, str]:
    return _OTHER_TEXTS.get(language_code(lang), _OTHER_TEXTS["en"])
