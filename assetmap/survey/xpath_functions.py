"""The XPath and ODK functions forms may call (``FUNCTIONS``, by name).

Each takes the evaluation environment first; ``lazy`` ones get the argument
nodes and evaluate only what they need (``if``, ``coalesce``) via ``env.eval``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Callable

from assetmap.survey.xpath_values import (
    _EPOCH, ExpressionError, Nodes, _as_date, _days, answer_to_xpath, to_bool, to_number, to_string,
)


@dataclass(frozen=True)
class _Fn:
    impl: Callable
    arity: tuple[int, int | None]
    lazy: bool = False  # gets (env, arg_nodes) and evaluates what it needs


def _selected(env, values, choice):
    return to_string(choice).strip() in to_string(values).split()


def _selected_at(env, values, index):
    parts = to_string(values).split()
    i = to_number(index)
    if math.isnan(i) or not 0 <= int(i) < len(parts):
        return ""
    return parts[int(i)]


def _regex(env, value, pattern):
    try:
        return re.search(to_string(pattern), to_string(value)) is not None
    except re.error as exc:
        raise ExpressionError(env.expr, f"bad regular expression {to_string(pattern)!r}: {exc}")


def _if(env, args):
    cond = to_bool(env.eval(args[0]))
    return env.eval(args[1] if cond else args[2])


def _coalesce(env, args):
    for a in args:
        v = env.eval(a)
        if to_string(v) != "":
            return v
    return ""


def _int(env, value):
    x = to_number(value)
    if math.isnan(x) or math.isinf(x):
        return x
    return float(math.trunc(x))


def _round(env, value, digits=0.0):
    """ODK's round: halves go away from zero (round(-2.5) is -3, as in JavaRosa
    and Enketo), on the decimal digits as written, so round(1.005, 2) is 1.01."""
    from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

    x, d = to_number(value), to_number(digits)
    if math.isnan(x) or math.isinf(x) or math.isnan(d) or math.isinf(d):
        return x
    d = int(d)
    try:
        exact = Decimal(repr(x)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the context holds: nothing to round
        return x
    out = float(exact)
    return 0.0 if out == 0 else out


def _substr(env, value, start, end=None):
    # ODK's substr: 0-based start, exclusive end
    s = to_string(value)
    a = to_number(start)
    if math.isnan(a):
        return ""
    a = max(0, int(a))
    if end is None:
        return s[a:]
    b = to_number(end)
    return "" if math.isnan(b) else s[a:int(b)]


def _substring(env, value, start, length=None):
    # XPath's substring: 1-based, with rounding
    s = to_string(value)
    a = to_number(start)
    if math.isnan(a):
        return ""
    first = math.floor(a + 0.5)
    last = math.inf if length is None else first + math.floor(to_number(length) + 0.5)
    return "".join(c for i, c in enumerate(s, start=1) if first <= i < last)


def _date(env, value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    d = _as_date(to_string(value))
    if d is not None:
        return d
    x = to_number(value)
    if math.isnan(x) or math.isinf(x):
        return ""
    return _EPOCH + dt.timedelta(days=math.floor(x))


def _decimal_date_time(env, value):
    d = value if isinstance(value, (dt.date, dt.datetime)) else _as_date(to_string(value))
    if d is None:
        return to_number(value)
    return _days(d)


def _choice_name(env, value, ref):
    name_match = re.search(r"\$\{\s*([^}\s]+)\s*\}", to_string(ref))
    name = name_match.group(1) if name_match else to_string(ref).rsplit("/", 1)[-1]
    choice = to_string(value)
    if not choice:
        return ""
    if env.choice_label is None:
        return choice
    return env.choice_label(name, choice, env.language)


def _format_number(env, value):
    return to_number(value)


def _count(env, nodes):
    if isinstance(nodes, Nodes):
        return float(len(nodes))
    raise ExpressionError(env.expr, "count() needs a repeat or a question inside one")


def _sum(env, nodes):
    if not isinstance(nodes, Nodes):
        raise ExpressionError(env.expr, "sum() needs a question inside a repeat")
    return float(sum(to_number(answer_to_xpath(v)) for v in nodes))  # an empty answer makes NaN, as in XPath


def _position(env, *args):
    pos = (env.ctx or {}).get(POSITION) if isinstance(env.ctx, dict) else None
    if pos is None:
        raise ExpressionError(env.expr, "position(..) is only meaningful inside a repeat")
    return float(pos)


def _indexed_repeat(env, value, repeat, index, *more):
    if more:
        raise ExpressionError(env.expr, "indexed-repeat() over nested repeats is not supported")
    i = to_number(index)
    if not isinstance(value, Nodes) or math.isnan(i) or not 1 <= int(i) <= len(value):
        return ""
    return answer_to_xpath(value[int(i) - 1])


def _math(fn):
    """An ODK math function (JavaRosa/Enketo): numbers in, a number out; outside its domain NaN
    (sqrt(-1), log(0) is -Infinity there too), never a Python error."""
    def call(env, *values):
        xs = [to_number(v) for v in values]
        try:
            return float(fn(*xs))
        except ZeroDivisionError:
            return -math.inf if fn is math.log or fn is math.log10 else math.inf
        except OverflowError:
            return math.inf
        except ValueError:
            if fn in (math.log, math.log10) and xs[0] == 0:
                return -math.inf
            return math.nan
    return call


def _pow(x, y):
    if x == 0 and y < 0:
        return math.inf
    out = x ** y
    return math.nan if isinstance(out, complex) else out


def _extreme(pick):
    """max()/min() of numbers or of a repeat's answers; an empty or non-number value makes NaN."""
    def call(env, *args):
        xs = [to_number(answer_to_xpath(v)) for a in args for v in (a if isinstance(a, Nodes) else [a])]
        if not xs or any(math.isnan(x) for x in xs):
            return math.nan
        return float(pick(xs))
    return call


# The key of an instance's 1-based position in the context a repeat's expressions see.
POSITION = "#position"

FUNCTIONS: dict[str, _Fn] = {
    "count": _Fn(_count, (1, 1)),
    "sum": _Fn(_sum, (1, 1)),
    "position": _Fn(_position, (0, 0)),  # written position(..); the parser takes the `..`
    "indexed-repeat": _Fn(_indexed_repeat, (3, 7)),
    "selected": _Fn(_selected, (2, 2)),
    "count-selected": _Fn(lambda env, v: float(len(to_string(v).split())), (1, 1)),
    "selected-at": _Fn(_selected_at, (2, 2)),
    "string-length": _Fn(lambda env, v: float(len(to_string(v))), (1, 1)),
    "regex": _Fn(_regex, (2, 2)),
    "concat": _Fn(lambda env, *vs: "".join(to_string(v) for v in vs), (0, None)),
    "if": _Fn(_if, (3, 3), lazy=True),
    "coalesce": _Fn(_coalesce, (2, 2), lazy=True),
    "not": _Fn(lambda env, v: not to_bool(v), (1, 1)),
    "true": _Fn(lambda env: True, (0, 0)),
    "false": _Fn(lambda env: False, (0, 0)),
    "today": _Fn(lambda env: env.today, (0, 0)),
    "now": _Fn(lambda env: env.now, (0, 0)),
    "int": _Fn(_int, (1, 1)),
    "number": _Fn(_format_number, (1, 1)),
    "round": _Fn(_round, (1, 2)),
    "floor": _Fn(lambda env, v: float(math.floor(x)) if math.isfinite(x := to_number(v)) else x, (1, 1)),
    "ceiling": _Fn(lambda env, v: float(math.ceil(x)) if math.isfinite(x := to_number(v)) else x, (1, 1)),
    "abs": _Fn(lambda env, v: abs(to_number(v)), (1, 1)),
    "string": _Fn(lambda env, v: to_string(v), (1, 1)),
    "boolean": _Fn(lambda env, v: to_bool(v), (1, 1)),
    "contains": _Fn(lambda env, a, b: to_string(b) in to_string(a), (2, 2)),
    "starts-with": _Fn(lambda env, a, b: to_string(a).startswith(to_string(b)), (2, 2)),
    "ends-with": _Fn(lambda env, a, b: to_string(a).endswith(to_string(b)), (2, 2)),
    "substr": _Fn(_substr, (2, 3)),
    "substring": _Fn(_substring, (2, 3)),
    "normalize-space": _Fn(lambda env, v: " ".join(to_string(v).split()), (1, 1)),
    "once": _Fn(lambda env, v: v, (1, 1)),
    "date": _Fn(_date, (1, 1)),
    "decimal-date-time": _Fn(_decimal_date_time, (1, 1)),
    "jr:choice-name": _Fn(_choice_name, (2, 2)),
    "pow": _Fn(_math(_pow), (2, 2)),
    "sqrt": _Fn(_math(math.sqrt), (1, 1)),
    "exp": _Fn(_math(math.exp), (1, 1)),
    "exp10": _Fn(_math(lambda x: 10.0 ** x), (1, 1)),
    "log": _Fn(_math(math.log), (1, 1)),
    "log10": _Fn(_math(math.log10), (1, 1)),
    "sin": _Fn(_math(math.sin), (1, 1)),
    "cos": _Fn(_math(math.cos), (1, 1)),
    "tan": _Fn(_math(math.tan), (1, 1)),
    "asin": _Fn(_math(math.asin), (1, 1)),
    "acos": _Fn(_math(math.acos), (1, 1)),
    "atan": _Fn(_math(math.atan), (1, 1)),
    "atan2": _Fn(_math(math.atan2), (2, 2)),
    "pi": _Fn(lambda env: math.pi, (0, 0)),
    "max": _Fn(_extreme(max), (1, None)),
    "min": _Fn(_extreme(min), (1, None)),
}
