"""The survey form model: what a form asks, independent of where it came from.

An XLSForm (``xlsform.py``) or the built-in form is turned into a ``Form``;
validation (``validation.py``), the entry GUI, storage, packs and imports all
work on this model only. Answers are plain Python values keyed by question
name (names are unique in XLSForm, even across groups):

- text, select_one, date (ISO ``YYYY-MM-DD``), photo (file name), calculate: ``str``
- integer: ``int``; decimal: ``float``
- select_multiple: ``list[str]`` of choice names (``"other"`` with ``or_other``)
- geopoint: ``(lat, lon)`` tuple of floats, WGS 84
- a question not answered: absent from the dict, or ``None``
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class QType(enum.Enum):
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    SELECT_ONE = "select_one"
    SELECT_MULTIPLE = "select_multiple"
    DATE = "date"
    GEOPOINT = "geopoint"
    NOTE = "note"
    PHOTO = "image"
    CALCULATE = "calculate"

    @property
    def takes_input(self) -> bool:
        return self not in (QType.NOTE, QType.CALCULATE)


@dataclass
class Choice:
    name: str
    labels: dict[str, str] = field(default_factory=dict)  # language -> label
    columns: dict[str, str] = field(default_factory=dict)  # other choices-sheet columns, for choice_filter

    def filter_values(self) -> dict[str, str]:
        return {**self.columns, "name": self.name}

    def label(self, language: str | None = None) -> str:
        return pick_label(self.labels, language) or self.name


@dataclass
class Group:
    name: str
    path: str  # "contact" or "org/contact" for nested groups
    labels: dict[str, str] = field(default_factory=dict)
    relevant: str | None = None
    parent: str | None = None  # path of the enclosing group
    appearance: str | None = None  # "field-list": the GUI shows the group as one page
    repeat: bool = False  # an XLSForm repeat: answered once per instance (see Form.repeat_of)
    repeat_count: str | None = None  # a number or an expression fixing how many instances

    def label(self, language: str | None = None) -> str:
        return pick_label(self.labels, language) or self.name


@dataclass
class Question:
    name: str
    type: QType
    labels: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    required: bool = False
    required_if: str | None = None  # XLSForm `required` given as an expression
    required_messages: dict[str, str] = field(default_factory=dict)
    constraint: str | None = None
    constraint_messages: dict[str, str] = field(default_factory=dict)
    relevant: str | None = None  # this question's own; groups' come on top
    calculation: str | None = None
    default: str | None = None
    default_is_expression: bool = False  # e.g. today(); else a literal answer text
    read_only: bool = False
    appearance: str | None = None
    list_name: str | None = None
    choices: list[Choice] = field(default_factory=list)
    or_other: bool = False
    group: str | None = None  # path of the enclosing group, None at top level
    choice_filter: str | None = None  # XLSForm choice_filter: which choices are offered
    path: str | None = None  # a question copied from a `begin loop`: its export path, loop/choice/name
    geocode: bool = False  # XLSForm column `geocode` (or bind::assetmap:geocode) = yes: a typed address
                           # that places the response on save (assetmap.geocode.survey)

    def choices_for(self, answers) -> list[Choice]:
        """The choices offered given ``answers`` (all of them without a choice_filter, or
        when the filter cannot be evaluated: never an empty list by our own fault)."""
        if not self.choice_filter:
            return list(self.choices)
        from assetmap.survey import expressions as xp

        try:
            return [c for c in self.choices if xp.choice_passes(self.choice_filter, answers, c.filter_values())]
        except xp.ExpressionError:
            return list(self.choices)

    def label(self, language: str | None = None) -> str:
        return pick_label(self.labels, language) or self.name

    def hint(self, language: str | None = None) -> str:
        return pick_label(self.hints, language)

    def choice(self, name: str) -> Choice | None:
        return next((c for c in self.choices if c.name == name), None)


@dataclass
class Form:
    form_id: str
    title: str
    version: str = ""
    default_language: str | None = None
    languages: list[str] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)  # document order, groups flattened
    groups: dict[str, Group] = field(default_factory=dict)  # by path
    unsupported: list[str] = field(default_factory=list)  # one readable line per ignored feature

    def question(self, name: str) -> Question:
        for q in self.questions:
            if q.name == name:
                return q
        raise KeyError(name)

    def has_question(self, name: str) -> bool:
        return any(q.name == name for q in self.questions)

    def group_chain(self, question: Question) -> list[Group]:
        """The groups around ``question``, outermost first."""
        chain: list[Group] = []
        path = question.group
        while path:
            g = self.groups[path]
            chain.insert(0, g)
            path = g.parent
        return chain

    def input_questions(self) -> list[Question]:
        """Questions answered once per response (those inside a repeat are per instance)."""
        return [q for q in self.questions if q.type.takes_input and self.repeat_of(q) is None]

    # Repeats: a response's answers hold each repeat under the repeat's name as a list of
    # instances, each a dict of the answers to the questions inside (groups within flattened):
    # {"members": [{"member_name": "Ana", "age": 34}, ...]}. Repeats inside repeats are not
    # supported (xlsform.py leaves them out, named).
    def repeat_of(self, question: Question) -> Group | None:
        """The repeat ``question`` is answered in, or None."""
        path = question.group
        while path:
            g = self.groups[path]
            if g.repeat:
                return g
            path = g.parent
        return None

    def repeats(self) -> list[Group]:
        return [g for g in self.groups.values() if g.repeat]

    def repeat(self, name: str) -> Group | None:
        return next((g for g in self.groups.values() if g.repeat and g.name == name), None)

    def questions_in(self, repeat: Group) -> list[Question]:
        return [q for q in self.questions if self.repeat_of(q) is repeat]

    def top_questions(self) -> list[Question]:
        return [q for q in self.questions if self.repeat_of(q) is None]


def pick_label(labels: dict[str, str], language: str | None) -> str:
    """The label in ``language``, else the unnamed/default one, else any."""
    if not labels:
        return ""
    if language and language in labels:
        return labels[language]
    if "" in labels:
        return labels[""]
    return next(iter(labels.values()))


def language_code(language: str | None) -> str:
    """"es" for "Español (es)", "Spanish" or "es"; "en" when unknown, so
    built-in messages and texts can follow the form's language."""
    import re

    if not language:
        return "en"
    m = re.search(r"\(([A-Za-z]{2,3})(?:[-_][A-Za-z]+)?\)\s*$", language)
    if m:
        return m.group(1).lower()
    low = language.strip().lower()
    for code, words in (("es", ("español", "espanol", "spanish", "castellano")),
                        ("fr", ("français", "francais", "french")),
                        ("pt", ("português", "portugues", "portuguese")),
                        ("en", ("english",))):
        if low in words or low == code:
            return code
    return "en"


# --- plain-dict form, for storing a form in a project or a field package ----

def form_to_dict(form: Form) -> dict:
    """A JSON-ready dict; ``form_from_dict`` gives an equal ``Form`` back."""
    # What dataclasses.asdict gives, written out: asdict deep-copies every value one by one,
    # which took seconds for a form with 100,000 choices.
    def question(q: Question) -> dict:
        d = dict(vars(q))
        d["type"] = q.type.value
        for key in ("labels", "hints", "required_messages", "constraint_messages"):
            d[key] = dict(d[key])
        # columns too: a choice_filter reads them (a merge once dropped them: every cascade refused).
        d["choices"] = [{"name": c.name, "labels": dict(c.labels), **({"columns": dict(c.columns)} if c.columns else {})}
                        for c in q.choices]
        return d

    return {
        "form_id": form.form_id, "title": form.title, "version": form.version,
        "default_language": form.default_language, "languages": list(form.languages),
        "questions": [question(q) for q in form.questions],
        "groups": {k: {**vars(g), "labels": dict(g.labels)} for k, g in form.groups.items()},
        "unsupported": list(form.unsupported),
    }


def form_from_dict(d: dict) -> Form:
    questions = []
    for q in d.get("questions", []):
        q = dict(q)
        q["type"] = QType(q["type"])
        q["choices"] = [Choice(**c) for c in q.get("choices", [])]
        questions.append(Question(**q))
    groups = {}
    for path, g in d.get("groups", {}).items():
        g = dict(g)
        if "repeat_count" not in g:  # stored before repeats were supported: its answers are single
            g["repeat"] = False      # ones, so it stays a plain group until the form is installed again
        groups[path] = Group(**g)
    rest = {k: v for k, v in d.items() if k not in ("questions", "groups")}
    return Form(questions=questions, groups=groups, **rest)
