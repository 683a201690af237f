"""Photos inside repeats (a photo of each household member, of each programme of a site).

A photo's bytes live in ``assetmap_survey_media`` by (response uuid, field), as a top-level
photo's do; the answer is the file name. Inside a repeat the field is
``<repeat>/<question>/<file name>``, not the instance's position: removing the first member
or reordering instances must not hand one member's photo to another. The caller names a
photo by the instance it was taken for (``members[2]/photo``, the key ``validation`` uses for
that instance's issues). A photo no instance names any more (its member was removed) is
deleted with the save that removed it, so it is not packed for volunteers or merged on.
"""

from __future__ import annotations

import re
from typing import Any

from assetmap.errors import UserError
from assetmap.survey import schema as S
from assetmap.survey.form import Form, QType

_KEY = re.compile(r"^(?P<repeat>[^\[\]/]+)\[(?P<n>[0-9]+)\]/(?P<question>[^\[\]/]+)$")


def is_instance_key(key: str) -> bool:
    return "[" in key


def field(repeat: str, question: str, filename: str) -> str:
    return f"{repeat}/{question}/{filename}"


def place(form: Form, answers: dict[str, Any], key: str, filename: str) -> tuple[str, str]:
    """Put the photo ``filename`` chosen for ``key`` (``members[2]/photo``) into that instance of
    ``answers`` (changed in place; lists and instances are copied first) and return
    (media field, file name). Two members' photos with one file name get apart by position."""
    m = _KEY.match(key)
    repeat = form.repeat(m.group("repeat")) if m else None
    question = m.group("question") if m else ""
    if repeat is None or not form.has_question(question) or form.repeat_of(form.question(question)) is not repeat \
            or form.question(question).type is not QType.PHOTO:
        raise UserError(f"Form '{form.form_id}' has no photo question {key!r}.",
                        "Name a photo in a repeat as repeat[n]/question, e.g. members[2]/photo.")
    n = int(m.group("n"))
    instances = [dict(i) for i in answers.get(repeat.name) or []]
    if not 1 <= n <= len(instances):
        raise UserError(f"{key}: the response has {len(instances)} {repeat.name} instance(s).",
                        "Add the instance before giving it a photo.")
    taken = {inst.get(question) for i, inst in enumerate(instances, start=1) if i != n}
    if filename in taken:
        filename = f"{n}-{filename}"
    instances[n - 1][question] = filename
    answers[repeat.name] = instances
    return field(repeat.name, question, filename), filename


def referenced(form: Form, answers: dict[str, Any]) -> set[str]:
    """The media fields of the photos the instances in ``answers`` name."""
    out = set()
    for repeat in form.repeats():
        photos = [q.name for q in form.questions_in(repeat) if q.type is QType.PHOTO]
        for inst in answers.get(repeat.name) or []:
            for q in photos:
                if isinstance(inst, dict) and inst.get(q):
                    out.add(field(repeat.name, q, str(inst[q])))
    return out


def names(answers: dict[str, Any] | None, media_field: str, filename: str) -> bool:
    """Whether ``answers`` name this photo (a top-level field, or a repeat's)."""
    if answers is None:
        return False
    if "/" not in media_field:
        return answers.get(media_field) == filename
    repeat, question, _ = media_field.split("/", 2)
    return any(isinstance(i, dict) and i.get(question) == filename for i in answers.get(repeat) or [])


def prune(con, form: Form, uuid: str, answers: dict[str, Any]) -> None:
    """Delete the repeat photos of ``uuid`` that no instance names any more (inside the caller's
    transaction). Top-level photo fields hold no '/', question names being identifiers."""
    if not any(q.type is QType.PHOTO for r in form.repeats() for q in form.questions_in(r)) \
            or not S.has_table(con, S.MEDIA):
        return
    keep = referenced(form, answers)
    for (name,) in con.execute(f"SELECT field FROM {S.MEDIA} WHERE uuid=? AND field LIKE '%/%'", (uuid,)).fetchall():
        if name not in keep:
            con.execute(f"DELETE FROM {S.MEDIA} WHERE uuid=? AND field=?", (uuid, name))
