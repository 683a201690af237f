"""A small, safe evaluator for the XPath expressions XLSForms use.

``relevant``, ``constraint``, ``calculation``, ``required`` and dynamic
``default`` cells are XPath 1.0 with ODK's functions. We tokenize, parse by
recursive descent into a tuple AST and walk it; nothing is ever handed to
Python's ``eval``, and a function name must be one of ``FUNCTIONS`` (checked
at parse time), so ``__import__('os')`` or ``a.b`` are parse errors, not code.

Values inside the evaluator are ``str``, ``float``, ``bool``, ``datetime.date``
and ``datetime.datetime``. Coercions follow XPath 1.0 and what ODK Collect
(JavaRosa) and Enketo do for the common cases:

- an empty answer is ``''``; ``number('')`` is NaN, and NaN compares false;
- ``=``/``!=``: booleans compare as booleans, else numbers if either side is a
  number, else strings; a date against a string compares as dates;
- ``< <= > >=`` compare numbers, but two date-like operands compare as dates;
- dates in arithmetic are days since 1970-01-01, as in JavaRosa;
- a select_multiple answer is its choice names joined by spaces.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass
from typing import Any, Callable, Protocol

from assetmap.survey.xpath_functions import FUNCTIONS
from assetmap.survey.xpath_values import (
    ExpressionError, _as_date, _days, answer_to_xpath, to_bool, to_number, to_string,
)

__all__ = [
    "ExpressionError", "parse", "evaluate", "references", "functions_used",
    "to_bool", "to_number", "to_string", "answer_to_xpath", "FUNCTIONS", "Context",
]

# --- tokens -----------------------------------------------------------------

_NAME = r"[A-Za-z_][A-Za-z0-9_.\-]*(?::[A-Za-z_][A-Za-z0-9_.\-]*)?"
_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<ref>\$\{\s*(?P<refname>[^}\s]+)\s*\})
  | (?P<path>(?:\.\.|\.)?(?:/[A-Za-z_][A-Za-z0-9_.\-]*)+)
  | (?P<number>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<parent>\.\.)
  | (?P<dot>\.)
  | (?P<string>'[^']*'|"[^"]*")
  | (?P<op><=|>=|!=|=|<|>|\+|-|\*|\||\(|\)|,)
  | (?P<name>""" + _NAME + r""")
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: str  # ref, path, number, dot, string, op, name, end
    value: str
    pos: int


def tokenize(expression: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(expression):
        m = _TOKEN_RE.match(expression, pos)
        if not m:
            ch = expression[pos]
            if ch in "'\"":
                raise ExpressionError(expression, "unterminated string", pos)
            raise ExpressionError(expression, f"unexpected character {ch!r}", pos)
        kind = m.lastgroup
        if kind == "refname":  # the inner group can be lastgroup; it is a ref
            kind = "ref"
        if kind == "ref":
            tokens.append(Token("ref", m.group("refname"), pos))
        elif kind == "path":
            # ../svc, /data/grp/svc: names are unique, so the last step is enough
            tokens.append(Token("ref", m.group("path").rsplit("/", 1)[-1], pos))
        elif kind == "parent":
            tokens.append(Token("parent", "..", pos))  # position(..) in a repeat
        elif kind == "string":
            tokens.append(Token("string", m.group(kind)[1:-1], pos))
        elif kind != "ws":
            tokens.append(Token(kind, m.group(kind), pos))
        pos = m.end()
    tokens.append(Token("end", "", len(expression)))
    return tokens


# --- parser: tuple AST ------------------------------------------------------
# ("num", float) ("str", s) ("ref", name) ("dot",) ("neg", e)
# ("bin", op, a, b)  ("call", name, (args...))

_BINARY_LEVELS: list[tuple[str, ...]] = [
    ("or",),
    ("and",),
    ("=", "!="),
    ("<", "<=", ">", ">="),
    ("+", "-"),
    ("*", "div", "mod"),
]
_WORD_OPS = {"or", "and", "div", "mod"}


class _Parser:
    def __init__(self, expression: str, choice_columns: bool = False):
        self.expr = expression
        self.tokens = tokenize(expression)
        self.i = 0
        # In a choice_filter a bare word is a column of the choices sheet (name, cf, ...).
        self.choice_columns = choice_columns

    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def error(self, message: str, tok: Token | None = None):
        tok = tok or self.peek()
        raise ExpressionError(self.expr, message, tok.pos)

    def is_op(self, tok: Token, ops: tuple[str, ...]) -> bool:
        if tok.kind == "op":
            return tok.value in ops
        return tok.kind == "name" and tok.value in _WORD_OPS and tok.value in ops

    def parse(self):
        if self.peek().kind == "end":
            self.error("empty expression")
        node = self.binary(0)
        tok = self.peek()
        if tok.kind != "end":
            self.error(f"unexpected {_describe(tok)}", tok)
        return node

    def binary(self, level: int):
        if level == len(_BINARY_LEVELS):
            return self.unary()
        ops = _BINARY_LEVELS[level]
        node = self.binary(level + 1)
        while self.is_op(self.peek(), ops):
            op = self.take().value
            node = ("bin", op, node, self.binary(level + 1))
        return node

    def unary(self):
        if self.is_op(self.peek(), ("-",)):
            self.take()
            return ("neg", self.unary())
        return self.union()

    def union(self):
        node = self.primary()
        if self.is_op(self.peek(), ("|",)):
            self.error("node-set unions (`|`) are not supported")
        return node

    def primary(self):
        tok = self.take()
        if tok.kind == "number":
            return ("num", float(tok.value))
        if tok.kind == "string":
            return ("str", tok.value)
        if tok.kind == "ref":
            return ("ref", tok.value)
        if tok.kind == "dot":
            return ("dot",)
        if tok.kind == "parent":
            self.error("`..` on its own is not supported (only in position(..))", tok)
        if tok.kind == "op" and tok.value == "(":
            node = self.binary(0)
            self.expect(")", tok)
            return node
        if tok.kind == "name":
            if self.peek().kind == "op" and self.peek().value == "(":
                return self.call(tok)
            if self.choice_columns and tok.value not in _WORD_OPS:
                return ("col", tok.value)
            self.error(
                f"`{tok.value}` is not a value; refer to a question as ${{{tok.value}}}", tok
            )
        if tok.kind == "end":
            self.error("the expression ends too early", tok)
        self.error(f"unexpected {_describe(tok)}", tok)

    def call(self, name_tok: Token):
        name = name_tok.value
        if name not in FUNCTIONS:
            self.error(f"unknown function `{name}()`", name_tok)
        open_tok = self.take()  # "("
        args = []
        if name == "position" and self.peek().kind == "parent":
            self.take()  # position(..): the place of the repeat instance being evaluated
        elif not (self.peek().kind == "op" and self.peek().value == ")"):
            while True:
                args.append(self.binary(0))
                if self.peek().kind == "op" and self.peek().value == ",":
                    self.take()
                    continue
                break
        self.expect(")", open_tok)
        lo, hi = FUNCTIONS[name].arity
        if len(args) < lo or (hi is not None and len(args) > hi):
            want = f"{lo}" if lo == hi else f"{lo} to {hi}" if hi is not None else f"at least {lo}"
            self.error(f"`{name}()` takes {want} argument(s), not {len(args)}", name_tok)
        return ("call", name, tuple(args))

    def expect(self, value: str, opener: Token):
        tok = self.peek()
        if tok.kind == "op" and tok.value == value:
            self.take()
            return
        if tok.kind == "end":
            self.error(f"missing `{value}` for the `{opener.value}` at position {opener.pos + 1}", tok)
        self.error(f"expected `{value}` but found {_describe(tok)}", tok)


def _describe(tok: Token) -> str:
    if tok.kind == "end":
        return "end of expression"
    if tok.kind == "ref":
        return f"${{{tok.value}}}"
    if tok.kind == "string":
        return f"string '{tok.value}'"
    return f"`{tok.value}`"


@functools.lru_cache(maxsize=4096)
def parse(expression: str):
    """The AST of ``expression``; raises ExpressionError naming the position."""
    if not isinstance(expression, str):
        raise ExpressionError(str(expression), "an expression must be text")
    return _Parser(expression).parse()


@functools.lru_cache(maxsize=1024)
def parse_filter(expression: str):
    """The AST of a ``choice_filter``: like ``parse``, and a bare word (``name``, ``cf``) is a
    column of the choice being tested, as in ODK (``${state} = cf and name != 'none'``)."""
    if not isinstance(expression, str):
        raise ExpressionError(str(expression), "an expression must be text")
    return _Parser(expression, choice_columns=True).parse()


def filter_references(expression: str) -> set[str]:
    """Question names a choice_filter reads; empty if it does not parse."""
    try:
        tree = parse_filter(expression)
    except ExpressionError:
        return set()
    return {n[1] for n in _walk(tree) if n[0] == "ref"}


def choice_passes(expression: str, context: Any, columns: dict[str, str], **kw) -> bool:
    """Whether the choice whose sheet columns are ``columns`` (``name`` included) passes the
    choice_filter ``expression`` given the answers in ``context``."""
    tree = parse_filter(expression)
    now = kw.get("now") or dt.datetime.now().astimezone()
    env = _Env(context, None, kw.get("today") or now.date(), now, kw.get("language"),
               kw.get("choice_label"), expression, columns)
    try:
        return to_bool(_eval(tree, env))
    except ExpressionError:
        raise
    except (ValueError, TypeError, OverflowError, ZeroDivisionError, re.error) as exc:
        raise ExpressionError(expression, f"cannot be evaluated: {exc}") from exc


def _walk(node):
    yield node
    kind = node[0]
    if kind == "neg":
        yield from _walk(node[1])
    elif kind == "bin":
        yield from _walk(node[2])
        yield from _walk(node[3])
    elif kind == "call":
        for a in node[2]:
            yield from _walk(a)


def references(expression: str) -> set[str]:
    """Question names the expression reads (``${x}``, ``../x``; also the
    ``'${x}'`` argument of ``jr:choice-name``). Empty if it does not parse."""
    try:
        tree = parse(expression)
    except ExpressionError:
        return set(re.findall(r"\$\{\s*([^}\s]+)\s*\}", expression or ""))
    names = set()
    for node in _walk(tree):
        if node[0] == "ref":
            names.add(node[1])
        elif node[0] == "call" and node[1] == "jr:choice-name" and node[2][1][0] == "str":
            names |= set(re.findall(r"\$\{\s*([^}\s]+)\s*\}", node[2][1][1]))
    return names


def functions_used(expression: str) -> set[str]:
    return {n[1] for n in _walk(parse(expression)) if n[0] == "call"}


# --- evaluation ---------------------------------------------------------------

class Context(Protocol):
    def value(self, name: str) -> Any: ...  # an answer as stored, None when empty


@dataclass
class _Env:
    ctx: Any
    current: Any
    today: dt.date
    now: dt.datetime
    language: str | None
    choice_label: Callable[[str, str, str | None], str] | None
    expr: str
    choice: dict[str, str] | None = None  # the choice a choice_filter is testing

    def eval(self, node):
        return _eval(node, self)


def evaluate(expression: str, context: Any = None, *, current: Any = None,
             today: dt.date | None = None, now: dt.datetime | None = None,
             language: str | None = None,
             choice_label: Callable[[str, str, str | None], str] | None = None):
    """Evaluate ``expression``. ``context`` is a mapping of answers or has a
    ``value(name)`` method; ``current`` is ``.``; ``choice_label(question,
    choice, language)`` serves ``jr:choice-name``. Returns str/float/bool/date."""
    tree = parse(expression)
    now = now or dt.datetime.now().astimezone()
    env = _Env(context, current, today or now.date(), now, language, choice_label, expression)
    try:
        return _eval(tree, env)
    except ExpressionError:
        raise
    except (ValueError, TypeError, OverflowError, ZeroDivisionError, re.error) as exc:
        raise ExpressionError(expression, f"cannot be evaluated: {exc}") from exc


def _lookup(env: _Env, name: str):
    ctx = env.ctx
    if ctx is None:
        raw = None
    elif hasattr(ctx, "value"):
        raw = ctx.value(name)
    else:
        raw = ctx.get(name)
    return answer_to_xpath(raw)


def _eval(node, env: _Env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "str":
        return node[1]
    if kind == "ref":
        return _lookup(env, node[1])
    if kind == "dot":
        return answer_to_xpath(env.current)
    if kind == "col":
        return str((env.choice or {}).get(node[1], ""))
    if kind == "neg":
        return -to_number(_eval(node[1], env))
    if kind == "call":
        fn = FUNCTIONS[node[1]]
        if fn.lazy:
            return fn.impl(env, node[2])
        return fn.impl(env, *[_eval(a, env) for a in node[2]])
    op, a_node, b_node = node[1], node[2], node[3]
    if op == "or":
        return to_bool(_eval(a_node, env)) or to_bool(_eval(b_node, env))
    if op == "and":
        return to_bool(_eval(a_node, env)) and to_bool(_eval(b_node, env))
    a, b = _eval(a_node, env), _eval(b_node, env)
    if op in ("=", "!="):
        equal = _equal(a, b)
        return equal if op == "=" else not equal
    if op in ("<", "<=", ">", ">="):
        return _compare(op, a, b)
    x, y = to_number(a), to_number(b)
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if op == "div":
        if y == 0:
            if x == 0 or math.isnan(x):
                return math.nan
            return math.copysign(math.inf, x) * math.copysign(1.0, y)
        return x / y
    if op == "mod":
        if y == 0 or math.isnan(x) or math.isnan(y):
            return math.nan
        return math.fmod(x, y)
    raise ExpressionError(env.expr, f"unknown operator {op}")  # pragma: no cover


def _equal(a, b) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return to_bool(a) == to_bool(b)
    if isinstance(a, (dt.date, dt.datetime)) or isinstance(b, (dt.date, dt.datetime)):
        da, db = _as_date(a), _as_date(b)
        if da is not None and db is not None:
            return _days(da) == _days(db)
        return to_string(a) == to_string(b)
    if isinstance(a, float) or isinstance(b, float):
        return to_number(a) == to_number(b)
    return to_string(a) == to_string(b)


def _compare(op: str, a, b) -> bool:
    da, db = _as_date(a), _as_date(b)
    if da is not None and db is not None:
        x, y = _days(da), _days(db)
    else:
        x, y = to_number(a), to_number(b)
    if math.isnan(x) or math.isnan(y):
        return False
    return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op]
