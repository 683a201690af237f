"""Standalone offline HTML of a project's map (Leaflet, script and data inlined)."""

from __future__ import annotations

from pathlib import Path

from assetmap.errors import UserError
from assetmap.mapview.layers import LayerCache
from assetmap.mapview.page import standalone_html
from assetmap.tasks import TaskContext, ensure


def pick_layers(project, names: list[str] | None):
    """LayerInfos to draw in a file, top first: ``names`` in project order, or the visible ones.
    A confidential layer is never drawn: named, it is refused; visible, it is left out."""
    from assetmap.privacy import SHARE, check_may_leave, may_leave

    infos = project.layers()
    if names:
        known = {i.name: i for i in infos}
        by_title = {i.display_name.lower(): i for i in infos}
        out = []
        for n in names:
            info = known.get(n) or by_title.get(n.lower())
            if info is None:
                raise UserError(f"{project.path} has no layer named '{n}'.",
                                f"Layers in this project: {', '.join(known) or '(none yet)'}.")
            check_may_leave(info, SHARE)
            out.append(info)
        order = [i.name for i in infos]
        return sorted(out, key=lambda i: order.index(i.name))
    return [i for i in infos if i.visible and may_leave(i, SHARE)]


def drawable_layers(cache, infos: list, named: bool, on_note=None) -> list:
    """The layers an export can draw. Layers the user named are drawn or refused (``drawable_bounds``
    says why); of the visible ones by default, a layer that is no place on Earth (stored in a wrong
    coordinate system by an older version or another program) is left out and said so, so one bad
    layer does not stop a meeting's map."""
    if named:
        return infos
    kept = []
    for info in infos:
        if cache.off_earth(info.name) is None:
            kept.append(info)
        elif on_note is not None:
            on_note(f"layer '{info.display_name}' left out of the map: its coordinates are no place on Earth "
                    "(a wrong coordinate system?). Import its source again with --src-crs.")
    return kept


def attribution_text(project, infos) -> str:
    parts = []
    meta = project.meta("attribution")
    if meta:
        parts.append(meta)
    for i in infos:
        names = [source_name(i.source)] if i.source else []
        names += [j["table"] for j in i.extra.get("joins", []) if j.get("table")]
        names = [n for n in dict.fromkeys(names) if n and not any(n in p for p in parts)]
        if names:
            parts.append(f"{i.display_name}: {', '.join(names)}")
    return "; ".join(parts)


def source_name(source: str) -> str:
    """A source by its name, never a local path: a map shown at a meeting must not reveal
    the folders of whoever made it."""
    text = str(source).strip().replace("\\", "/")
    if "://" in text:  # a URL (e.g. a shared project) is named by its host, never its password
        from urllib.parse import urlsplit

        return urlsplit(text).hostname or ""
    return text.rstrip("/").rsplit("/", 1)[-1]


def export_html(project, out: str | Path, layers: list[str] | None = None, title: str | None = None,
                ctx: TaskContext | None = None, on_note=None) -> Path:
    """``on_note(text)`` hears of layers left out (see ``drawable_layers``)."""
    ctx = ensure(ctx)
    out = Path(out)
    cache = LayerCache(project, audience="share")
    infos = drawable_layers(cache, pick_layers(project, layers), bool(layers), on_note)
    if not infos:
        raise UserError("There is no layer to put on the map.", "Import a layer, or name layers with --layers.")
    entries = []
    for n, info in enumerate(infos):
        ctx.progress(0.9 * n / len(infos), f"Preparing {info.display_name}")
        entries.append({"name": info.name, "title": info.display_name, "geojson": cache.geojson(info.name),
                        "spec": cache.spec(info), "visible": True, "opacity": info.opacity})
    html = standalone_html(entries, title=project.title if title is None else title,
                           attribution=attribution_text(project, infos),
                           bounds=cache.drawable_bounds([i.name for i in infos]))
    ctx.check()
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(out)
    ctx.progress(1.0, "Done")
    return out
