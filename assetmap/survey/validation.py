"""Check one response against its form: calculations, skip logic, issues.

``evaluate(form, answers)`` is what the entry form calls on every change and
what storage, packs and importers call before saving: it fills calculations
(in dependency order), decides which questions and groups are relevant, and
lists what is missing or wrong. ``FormState.values`` is what gets saved: the
answers of relevant questions plus calculations; answers hidden by skip logic
are dropped, as ODK and Enketo do on submission.

Expressions see only relevant answers (a skipped question reads as empty, as
in Enketo), so relevance and calculations are iterated to a fixed point.
An expression that does not parse (listed in ``Form.unsupported`` at load)
is ignored here: the question stays visible, any answer passes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from assetmap.survey import expressions as xp
from assetmap.survey.xpath_functions import POSITION
from assetmap.survey.xpath_values import Nodes
from assetmap.survey.form import Form, QType, Question, language_code, pick_label

_MESSAGES = {
    "en": {
        "required": "This question is required.",
        "constraint": "The answer is not valid.",
        "integer": "“{text}” is not a whole number.",
        "decimal": "“{text}” is not a number.",
        "date": "“{text}” is not a date; write it as YYYY-MM-DD, for example 2024-05-31.",
        "geopoint": "“{text}” is not a location; write latitude and longitude, "
                    "for example 38.63 -90.20.",
        "latitude": "Latitude {value} is out of range (-90 to 90).",
        "longitude": "Longitude {value} is out of range (-180 to 180).",
        "choice": "“{text}” is not one of the choices ({allowed}).",
        "kind": "Expected {what}, got {got}.",
        "filtered": "“{text}” is not offered with the answers given ({allowed}).",
    },
    "es": {
        "required": "Esta pregunta es obligatoria.",
        "constraint": "La respuesta no es válida.",
        "integer": "«{text}» no es un número entero.",
        "decimal": "«{text}» no es un número.",
        "date": "«{text}» no es una fecha; escríbala como AAAA-MM-DD, por ejemplo 2024-05-31.",
        "geopoint": "«{text}» no es una ubicación; escriba latitud y longitud, "
                    "por ejemplo 38.63 -90.20.",
        "latitude": "La latitud {value} está fuera de rango (-90 a 90).",
        "longitude": "La longitud {value} está fuera de rango (-180 a 180).",
        "choice": "«{text}» no es una de las opciones ({allowed}).",
        "kind": "Se esperaba {what}, no {got}.",
        "filtered": "«{text}» no se ofrece con las respuestas dadas ({allowed}).",
    },
}


def _msg(key: str, language: str | None, **kw) -> str:
    table = _MESSAGES.get(language_code(language), _MESSAGES["en"])
    return table[key].format(**kw)


@dataclass
class Issue:
    question: str
    message: str
    kind: str  # "required" | "constraint" | "type"


@dataclass
class FormState:
    form: Form
    values: dict[str, Any]
    issues: list[Issue] = field(default_factory=list)
    relevance: dict[str, bool] = field(default_factory=dict)  # question names and group paths

    def relevant(self, name: str) -> bool:
        """Whether a question (by name) or a group (by name or path) is shown."""
        if name in self.relevance:
            return self.relevance[name]
        for g in self.form.groups.values():
            if g.name == name:
                return self.relevance.get(g.path, True)
        raise KeyError(name)

    @property
    def ok(self) -> bool:
        return not self.issues

    def issues_for(self, name: str) -> list[Issue]:
        return [i for i in self.issues if i.question == name]


# --- typed answers ----------------------------------------------------------------

def _is_empty(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    if isinstance(value, (list, tuple, set)):
        return len(value) == 0
    if isinstance(value, float):
        return math.isnan(value)
    return False


def _choice_name(q: Question, text: str, language: str | None) -> str:
    text = text.strip()
    if q.choice(text) is not None or (q.or_other and text == "other"):
        return text
    low = text.casefold()
    for c in q.choices:  # a label typed or exported instead of the code
        if any(label.strip().casefold() == low for label in c.labels.values()):
            return c.name
    allowed = ", ".join(c.name for c in q.choices[:12]) + (", …" if len(q.choices) > 12 else "")
    raise ValueError(_msg("choice", language, text=text, allowed=allowed))


def _geopoint(lat: float, lon: float, text: str, language: str | None) -> tuple[float, float]:
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError(_msg("geopoint", language, text=text))
    if not -90 <= lat <= 90:
        raise ValueError(_msg("latitude", language, value=lat))
    if not -180 <= lon <= 180:
        raise ValueError(_msg("longitude", language, value=lon))
    return (lat, lon)


def coerce(question: Question, raw_text, language: str | None = None):
    """Typed text (a CSV cell, a line edit) as the answer ``question`` stores
    (see form.py); None for empty. Raises ValueError with a readable message."""
    if raw_text is None:
        return None
    text = str(raw_text).strip()
    if text == "":
        return None
    t = question.type
    if t == QType.INTEGER:
        if not re.fullmatch(r"[+-]?\d+", text):
            raise ValueError(_msg("integer", language, text=text))
        return int(text)
    if t == QType.DECIMAL:
        try:
            value = float(text)
        except ValueError:
            raise ValueError(_msg("decimal", language, text=text)) from None
        if not math.isfinite(value):
            raise ValueError(_msg("decimal", language, text=text))
        return value
    if t == QType.DATE:
        m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?", text)
        try:
            return dt.date.fromisoformat(m.group(1)).isoformat() if m else _raise()
        except ValueError:
            raise ValueError(_msg("date", language, text=text)) from None
    if t == QType.GEOPOINT:
        parts = [p for p in re.split(r"[\s,;]+", text) if p]
        try:
            lat, lon = float(parts[0]), float(parts[1])
        except (IndexError, ValueError):
            raise ValueError(_msg("geopoint", language, text=text)) from None
        if len(parts) > 4:
            raise ValueError(_msg("geopoint", language, text=text))
        return _geopoint(lat, lon, text, language)
    if t == QType.SELECT_ONE:
        return _choice_name(question, text, language)
    if t == QType.SELECT_MULTIPLE:
        names = []
        for part in re.split(r"[\s,;]+", text):
            if part:
                name = _choice_name(question, part, language)
                if name not in names:
                    names.append(name)
        return names
    return text  # text, photo (file name), calculate, note


def _raise():
    raise ValueError


def check_answer(question: Question, value, language: str | None = None):
    """``value`` as the stored type for ``question``; text is coerced, a wrong
    Python type or an out-of-range value raises ValueError."""
    if _is_empty(value):
        return None
    t = question.type
    if isinstance(value, str) and t not in (QType.TEXT, QType.PHOTO, QType.CALCULATE, QType.NOTE):
        return coerce(question, value, language)
    if t == QType.INTEGER and isinstance(value, int) and not isinstance(value, bool):
        return value
    if t == QType.INTEGER and isinstance(value, float) and value.is_integer():
        return int(value)
    if t == QType.DECIMAL and isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise ValueError(_msg("decimal", language, text=value))
        return float(value)
    if t == QType.DATE and isinstance(value, dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if t == QType.GEOPOINT and isinstance(value, (tuple, list)) and len(value) >= 2:
        try:
            lat, lon = float(value[0]), float(value[1])
        except (TypeError, ValueError):
            raise ValueError(_msg("geopoint", language, text=value)) from None
        return _geopoint(lat, lon, str(value), language)
    if t == QType.SELECT_MULTIPLE and isinstance(value, (list, tuple, set)):
        out = []
        for v in value:
            name = _choice_name(question, str(v), language)
            if name not in out:
                out.append(name)
        return out
    if t in (QType.TEXT, QType.PHOTO, QType.CALCULATE, QType.NOTE) and isinstance(value, str):
        return value
    if t in (QType.TEXT, QType.CALCULATE) and isinstance(value, (int, float)):
        return xp.to_string(float(value))
    what = {QType.INTEGER: "a whole number", QType.DECIMAL: "a number",
            QType.DATE: "a date", QType.GEOPOINT: "a (latitude, longitude) pair",
            QType.SELECT_MULTIPLE: "a list of choices"}.get(t, "text")
    raise ValueError(_msg("kind", language, what=what, got=repr(value)))


# --- calculations ---------------------------------------------------------------

def calculation_order(form: Form) -> tuple[list[str], list[str]]:
    """Questions with a calculation, each after those it reads (document order
    otherwise), and the names caught in a circle (left out of the order)."""
    calcs = [q.name for q in form.questions if q.calculation]
    deps = {}
    for name in calcs:
        refs = xp.references(form.question(name).calculation)
        deps[name] = [r for r in refs if r in calcs and r != name]
    order: list[str] = []
    done: set[str] = set()
    progress = True
    while progress:
        progress = False
        for name in calcs:
            if name not in done and all(d in done for d in deps[name]):
                order.append(name)
                done.add(name)
                progress = True
    cyclic = [n for n in calcs if n not in done]
    return order, cyclic


def _calc_value(q: Question, result):
    if isinstance(result, float) and math.isnan(result):
        return None
    text = xp.to_string(result)
    if text == "":
        return None
    if q.type == QType.CALCULATE:
        return text
    try:
        return check_answer(q, text)
    except ValueError:
        return None


def _safe_eval(expr: str, ctx: dict, env: dict, current=None, fallback=None):
    try:
        return xp.evaluate(expr, ctx, current=current, **env)
    except xp.ExpressionError:
        return fallback


def evaluate(form: Form, answers: dict[str, Any], *, today: dt.date | None = None,
             now: dt.datetime | None = None, language: str | None = None) -> FormState:
    """Calculations, relevance and issues for ``answers`` (types in form.py).
    Messages come in ``language`` (a key of ``form.languages``).

    A repeat's instances are checked one by one, each seeing the answers outside the repeat
    and its own (``position(..)`` is its 1-based place); outside, a question inside a repeat
    reads as the list of its answers (``count()``, ``sum()``, ``indexed-repeat()``). An issue
    or relevance inside an instance is keyed ``repeat[n]/question``."""
    now = now or dt.datetime.now().astimezone()
    env = dict(today=today or now.date(), now=now, language=language,
               choice_label=lambda qn, c, lang: _choice_label(form, qn, c, lang))
    answers = answers or {}
    order, _ = calculation_order(form)
    top = form.top_questions()
    top_groups = [g for g in form.groups.values() if _in_repeat(form, g) in (None, g)]  # a repeat's own relevance too
    typed, type_errors = _typed(top, answers, language)
    repeats = form.repeats()
    raw_instances = {r.name: _instances(answers.get(r.name)) for r in repeats}
    inst_typed: dict[str, list[tuple[dict, dict]]] = {
        r.name: [_typed(form.questions_in(r), inst, language) for inst in raw_instances[r.name]]
        for r in repeats}
    inst_values = {r.name: [t for t, _ in inst_typed[r.name]] for r in repeats}

    for _ in range(3):  # instances' calculations feed sums outside, which instances may read
        outer = _nodes(form, inst_values)
        relevance, calculated = _solve(form, top, top_groups, typed, outer, order, env)
        values = {n: v for n, v in {**typed, **calculated}.items() if relevance.get(n)}
        ctx_top = {**outer, **values}
        new_inst, inst_state = {}, {}
        for r in repeats:
            shown = relevance.get(r.path, True)
            items = inst_typed[r.name]
            wanted = _repeat_count(r, ctx_top, env) if shown else None
            if wanted is not None:
                items = (items + [({}, {})] * wanted)[:wanted]
            inst_state[r.name] = []
            own = {q.name for q in form.questions_in(r)}
            for i, (itv, _errors) in enumerate(items):
                # Inside an instance ${age} is this instance's age (empty when unanswered), not the list.
                ctx_outer = {**{k: v for k, v in ctx_top.items() if k not in own}, POSITION: i + 1}
                qs = form.questions_in(r)
                groups = [g for g in form.groups.values() if _in_repeat(form, g) is r and g is not r]
                rel, calc = _solve(form, qs, groups, itv, ctx_outer, order, env)
                vals = {n: v for n, v in {**itv, **calc}.items() if rel.get(n)}
                inst_state[r.name].append((rel, vals, _errors, ctx_outer))
            new_inst[r.name] = [v for _, v, _, _ in inst_state[r.name]] if shown else []
        if new_inst == inst_values:
            break
        inst_values = new_inst

    issues = _issues(top, relevance, values, {**outer, **values}, type_errors, env, language)
    for r in repeats:
        if not relevance.get(r.path, True):
            continue
        if r.name in answers and not isinstance(answers.get(r.name), (list, tuple)) and answers.get(r.name):
            issues.append(Issue(r.name, _msg("kind", language, what="a list of entries",
                                             got=repr(answers[r.name])), "type"))
        kept = []
        for i, (rel, vals, errors, ctx_outer) in enumerate(inst_state[r.name]):
            prefix = f"{r.name}[{i + 1}]/"
            for q in form.questions_in(r):
                relevance[prefix + q.name] = rel.get(q.name, True)
            for issue in _issues(form.questions_in(r), rel, vals, {**ctx_outer, **vals}, errors, env, language):
                issues.append(Issue(prefix + issue.question, issue.message, issue.kind))
            kept.append(vals)
        if kept:
            values[r.name] = kept
    return FormState(form=form, values=values, issues=issues, relevance=relevance)


def _in_repeat(form: Form, g) -> Any:
    """The repeat a group is or lies in, or None."""
    path = g.path
    while path:
        h = form.groups[path]
        if h.repeat:
            return h
        path = h.parent
    return None


def _instances(raw) -> list[dict]:
    if isinstance(raw, (list, tuple)):
        return [dict(x) if isinstance(x, dict) else {} for x in raw]
    return []


def _typed(questions: list[Question], answers: dict, language) -> tuple[dict, dict]:
    typed: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for q in questions:
        if q.type == QType.NOTE or q.calculation or q.name not in answers:
            continue
        try:
            value = check_answer(q, answers[q.name], language)
        except ValueError as exc:
            errors[q.name] = str(exc)
            continue
        if value is not None:
            typed[q.name] = value
    return typed, errors


def _nodes(form: Form, inst_values: dict[str, list[dict]]) -> dict[str, Any]:
    """What the outside sees of repeats: each repeat's instances, each question's answers."""
    out: dict[str, Any] = {}
    for r in form.repeats():
        insts = inst_values.get(r.name, [])
        out[r.name] = Nodes(insts)
        for q in form.questions_in(r):
            out[q.name] = Nodes(inst.get(q.name) for inst in insts)
    return out


def _repeat_count(r, ctx: dict, env: dict) -> int | None:
    if not r.repeat_count:
        return None
    n = xp.to_number(_safe_eval(r.repeat_count, ctx, env, fallback=""))
    if math.isnan(n) or n < 0:
        return 0 if not math.isnan(n) else None
    return min(int(n), 500)  # a typo such as 1e9 must not build a billion instances


def _solve(form: Form, questions: list[Question], groups: list, typed: dict, outer: dict,
           order: list[str], env: dict) -> tuple[dict[str, bool], dict[str, Any]]:
    """Relevance and calculations of ``questions`` to a fixed point; ``outer`` is what they can
    read from outside (shadowed by their own answers)."""
    names = {q.name for q in questions}
    calcs = [n for n in order if n in names]
    relevance: dict[str, bool] = {}
    calculated: dict[str, Any] = {}
    for _ in range(len(questions) + 2):  # converges in a pass or two
        ctx = {**outer, **{n: v for n, v in {**typed, **calculated}.items() if relevance.get(n, True)}}
        new_relevance = _relevance(groups, questions, ctx, env)
        new_calc: dict[str, Any] = {}
        for name in calcs:
            q = form.question(name)
            value = None
            if new_relevance[name]:
                value = _calc_value(q, _safe_eval(q.calculation, ctx, env, fallback=""))
            if value is None:
                ctx.pop(name, None)
            else:
                ctx[name] = new_calc[name] = value
        if new_relevance == relevance and new_calc == calculated:
            break
        relevance, calculated = new_relevance, new_calc
    return relevance, calculated


def _issues(questions: list[Question], relevance: dict, values: dict, ctx: dict, type_errors: dict,
            env: dict, language) -> list[Issue]:
    issues: list[Issue] = []
    for q in questions:
        if not q.type.takes_input or not relevance.get(q.name, True) or q.calculation:
            continue
        if q.name in type_errors:
            issues.append(Issue(q.name, type_errors[q.name], "type"))
            continue
        value = values.get(q.name)
        if _is_empty(value):
            needed = q.required or (
                q.required_if and xp.to_bool(_safe_eval(q.required_if, ctx, env, fallback=False)))
            if needed:
                message = pick_label(q.required_messages, language) or _msg("required", language)
                issues.append(Issue(q.name, message, "required"))
            continue
        if q.choice_filter and q.type in (QType.SELECT_ONE, QType.SELECT_MULTIPLE):
            bad = _filtered_out(q, value, ctx)
            if bad:
                allowed = ", ".join(dict.fromkeys(c.name for c in q.choices_for(ctx))) or "none"
                issues.append(Issue(q.name, _msg("filtered", language, text=" ".join(bad), allowed=allowed),
                                    "choice"))
                continue
        if q.constraint and not xp.to_bool(
                _safe_eval(q.constraint, ctx, env, current=value, fallback=True)):
            message = pick_label(q.constraint_messages, language) or _msg("constraint", language)
            issues.append(Issue(q.name, message, "constraint"))
    return issues


def _filtered_out(q: Question, value, ctx: dict) -> list[str]:
    """The chosen names a choice_filter does not offer given the other answers."""
    offered = {c.name for c in q.choices_for(ctx)}
    if q.or_other:
        offered.add("other")
    chosen = value if isinstance(value, list) else [value]
    return [str(v) for v in chosen if str(v) not in offered]


def _relevance(groups: list, questions: list[Question], ctx: dict, env: dict) -> dict[str, bool]:
    """Groups (outer first, as they appear) then questions; a hidden
    question's answer is taken out of ``ctx`` for those that follow."""
    rel: dict[str, bool] = {}
    for g in groups:
        shown = rel.get(g.parent, True) if g.parent else True
        if shown and g.relevant:
            shown = xp.to_bool(_safe_eval(g.relevant, ctx, env, fallback=True))
        rel[g.path] = shown
    for q in questions:
        shown = rel.get(q.group, True) if q.group else True
        if shown and q.relevant:
            shown = xp.to_bool(_safe_eval(q.relevant, ctx, env, current=ctx.get(q.name),
                                          fallback=True))
        rel[q.name] = shown
        if not shown:
            ctx.pop(q.name, None)
    return rel


def _choice_label(form: Form, question: str, choice: str, language: str | None) -> str:
    try:
        c = form.question(question).choice(choice)
    except KeyError:
        return choice
    return c.label(language) if c is not None else choice


def with_defaults(form: Form, *, today: dt.date | None = None,
                  now: dt.datetime | None = None, repeat=None) -> dict[str, Any]:
    """Answers for a new response: each question's ``default`` (literal or an
    expression such as ``today()``), typed. Bad defaults are skipped. With ``repeat``
    (a Group), the defaults of a new instance of it."""
    now = now or dt.datetime.now().astimezone()
    env = dict(today=today or now.date(), now=now, language=None,
               choice_label=lambda qn, c, lang: _choice_label(form, qn, c, lang))
    answers: dict[str, Any] = {}
    for q in form.questions:
        if not q.type.takes_input or q.default is None or q.calculation or form.repeat_of(q) is not repeat:
            continue
        text = q.default
        if q.default_is_expression:
            result = _safe_eval(q.default, answers, env)
            if result is None:
                continue
            text = xp.to_string(result)
        try:
            value = coerce(q, text)
        except ValueError:
            continue
        if value is not None:
            answers[q.name] = value
    return answers
