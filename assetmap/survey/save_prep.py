"""The answers a save writes: photos read into the project, typed addresses placed, the form's rules checked.

A save does all this before it opens its transaction: a photo that can't be read or an answer
the form refuses leaves the project untouched.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError
from assetmap.survey import schema as S
from assetmap.survey.form import Form
from assetmap.survey.response import read_current

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.survey.store import SurveyStore


def with_photos(form: Form, answers: dict[str, Any],
                media: dict[str, str | os.PathLike] | None) -> tuple[dict[str, Any], list[tuple]]:
    """The answers naming each photo by its file name, and (field, file name, mime, bytes) to store.

    ``media`` maps photo questions to image files."""
    answers = dict(answers)
    blobs = []
    for name, path in (media or {}).items():
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(f"Can't read the photo {path} ({exc.strerror}).", "Choose the photo again.") from exc
        field, filename = name, path.name
        if "[" in name:  # a photo inside a repeat, named by its instance: members[2]/photo
            from assetmap.survey import repeat_media

            field, filename = repeat_media.place(form, answers, name, path.name)
        else:
            answers[name] = filename
        blobs.append((field, filename, mimetypes.guess_type(path.name)[0] or "", data))
    return answers, blobs


def place_address(store: SurveyStore, form: Form, answers: dict[str, Any], uuid: str | None):
    """Answers with the location placed from the form's typed address, when there is one and no
    location, and the project has a locator (offline); see ``assetmap.geocode.survey``."""
    from assetmap.geocode.survey import MATCH_COLUMN, address_question, place_on_save

    if address_question(form) is None:
        return answers, None, None
    current, current_match = None, None
    if uuid:
        layer = S.layer_name(form.form_id)
        with store._read() as con:
            stored = read_current(con, form, uuid)
            if stored is not None:
                current = stored.answers
                if MATCH_COLUMN in con.columns(layer):
                    current_match = con.execute(f'SELECT "{MATCH_COLUMN}" FROM "{layer}" WHERE uuid=?',
                                                (uuid,)).fetchone()[0]
    return place_on_save(form, answers, current=current, current_match=current_match, matcher=_matcher(store))


def place_repeat_addresses(store: SurveyStore, form: Form, answers: dict[str, Any], uuid: str | None):
    """The typed addresses inside repeats with their own location, placed as the top level's
    (``assetmap.geocode.survey.place_repeats_on_save``); None when the form has none."""
    from assetmap.geocode.survey import place_repeats_on_save, repeat_address_questions
    from assetmap.survey import repeat_store

    if not repeat_address_questions(form):
        return None
    current = None
    if uuid:
        with store._read() as con:
            current = repeat_store.stored_instances(con, form, uuid)
    return place_repeats_on_save(form, answers, current=current, matcher=_matcher(store))


def _matcher(store: SurveyStore):
    from assetmap.geocode.survey import SaveGeocoder

    if store._geocoder is None:
        store._geocoder = SaveGeocoder(store.project)
    return store._geocoder.matcher


def validated(form: Form, answers: dict[str, Any], allow_no_location: bool = False,
              waived=()) -> dict[str, Any]:
    """The answers to save, checked by the form's rules when the validator is installed.

    ``allow_no_location``: a missing location is not an error (its typed address was not found);
    ``waived``: the same inside repeats, by instance ("members[2]/home")."""
    unknown = [k for k in answers if not form.has_question(k) and form.repeat(k) is None]
    if unknown:
        raise UserError(f"Form '{form.form_id}' has no question named {', '.join(sorted(unknown))}.",
                        "Check the answer names against the form.")
    try:
        from assetmap.survey.validation import evaluate
    except ImportError:
        return answers
    state = evaluate(form, answers)
    if allow_no_location:
        gq = S.geopoint_question(form)
        state.issues = [i for i in state.issues if not (gq and i.question == gq.name and i.kind == "required")]
    if waived:
        state.issues = [i for i in state.issues if not (i.question in waived and i.kind == "required")]
    if not state.ok:
        lines = [f"{getattr(i, 'question', '') or ''}: {getattr(i, 'message', i)}".lstrip(": ") for i in state.issues]
        raise UserError("The response was not saved: " + "; ".join(lines) + ".",
                        "Correct the answers named above and save again.")
    return dict(state.values)
