"""One-page referral sheet as a PDF, written by hand (no Qt, no extra dependency).

A PDF of text and rules in the standard Helvetica fonts is a few objects; the
sheet needs nothing more. It names services, distances, hours and contacts —
never the family's spot.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.access.finder import FinderResult

PAGE_W, PAGE_H = 612, 792  # US Letter, points
MARGIN = 50
# Average Helvetica advance in em: used only to wrap lines, so it errs wide.
_AVG_EM = 0.53


def _escape(text: str) -> bytes:
    raw = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return raw.encode("cp1252", "replace")


def wrap(text: str, size: float, width: float) -> list[str]:
    limit = max(10, int(width / (size * _AVG_EM)))
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > limit:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    if cur:
        lines.append(cur)
    return lines or [""]


class _Page:
    def __init__(self):
        self.ops: list[bytes] = []
        self.y = PAGE_H - MARGIN
        self.full = False

    def text(self, text: str, size: float = 10, bold: bool = False, indent: float = 0, gap: float = 1.35,
             hang: float = 0, reserve: float = 50):
        """Wrapped text; continuation lines indent by ``hang``. Sets ``full`` rather than overflow."""
        font = b"/F2" if bold else b"/F1"
        lines = wrap(text, size, PAGE_W - 2 * MARGIN - indent - hang)
        if self.y - size * gap * len(lines) < MARGIN + reserve:
            self.full = True
            return
        for i, line in enumerate(lines):
            self.y -= size * gap
            x = MARGIN + indent + (hang if i else 0)
            self.ops.append(b"BT " + font + b" %.1f Tf %.1f %.1f Td (" % (size, x, self.y)
                            + _escape(line) + b") Tj ET")

    def rule(self, space: float = 6):
        self.y -= space
        self.ops.append(b"0.6 G 0.5 w %.1f %.1f m %.1f %.1f l S 0 G" % (MARGIN, self.y, PAGE_W - MARGIN, self.y))
        self.y -= space

    def footer(self, text: str):
        self.ops.append(b"BT /F1 8 Tf %.1f %.1f Td (" % (MARGIN, MARGIN - 10) + _escape(text) + b") Tj ET")


def _layout(result: "FinderResult", title: str, compact: bool) -> _Page:
    from assetmap.access.catchments import format_distance

    page = _Page()
    page.text(title, 18, bold=True)
    page.text(f"Nearest services from {result.origin_label}, prepared {date.today().isoformat()}", 10)
    page.rule()
    for cat in result.categories:
        page.text(result.labels.get(cat, cat), 13, bold=True, gap=1.6)
        rows = result.for_category(cat)
        if not rows:
            page.text("No public hub or asset in the project offers this yet.", 10, indent=12)
        for i, r in enumerate(rows, 1):
            page.text(f"{i}. {r.name} - {format_distance(r.distance_m)}", 11, bold=True, indent=12, hang=14)
            if compact:
                details = [("Phone", r.phone), ("Hours", r.hours), ("Address", r.address)]
            else:
                details = [("Services", r.services), ("Hours", r.hours), ("Phone", r.phone),
                           ("Address", r.address), ("Eligibility", r.eligibility)]
            if compact:
                line = "  |  ".join(f"{k}: {v}" for k, v in details if v)
                if line:
                    page.text(line, 9, indent=28, gap=1.3)
            else:
                for label, value in details:
                    if value:
                        page.text(f"{label}: {value}", 9.5, indent=28, hang=10)
        page.rule(5)
        if page.full:
            break
    return page


def render(result: "FinderResult", title: str = "Referral sheet") -> bytes:
    """Full details when they fit on the page, else a compact layout, else a note of what is cut."""
    page = _layout(result, title, compact=False)
    if page.full:
        page = _layout(result, title, compact=True)
    if page.full:
        page.text("(More results did not fit on one page: ask for fewer services or fewer results each.)",
                  9, bold=True, reserve=0)
    page.footer("Distances are straight-line. Call ahead: hours and eligibility change. "
                "Made with assetmap; the family's location is not recorded.")
    return _pdf(b"\n".join(page.ops))


def _pdf(content: bytes) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>" % (PAGE_W, PAGE_H),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def write_referral_sheet(result: "FinderResult", out: str | Path, *, overwrite: bool = False) -> Path:
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise UserError(f"{out}: a referral sheet is a .pdf file.", f"Try {out.with_suffix('.pdf')}.")
    if out.exists() and not overwrite:
        raise UserError(f"{out} already exists.", "Choose another name, or pass --overwrite.")
    if not out.parent.exists() or not os.access(out.parent, os.W_OK):
        raise UserError(f"Can't write to the folder {out.parent}.", "Choose a folder you can write to.")
    data = render(result)
    tmp = out.with_name(f".{out.name}.part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return out
