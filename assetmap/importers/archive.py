"""Limits on what a zip archive may unpack to, checked before anything is extracted.

A 1 MB zip can hold gigabytes of zeros (a "zip bomb"); reading it would exhaust memory or
disk long before any check of its contents. Every zip assetmap reads (zipped shapefiles and
other vector data through GDAL's /vsizip/, HSDS packages) is checked here first, from the
sizes its directory declares (Python's zipfile never reads past a declared size, and GDAL
reports a member larger than declared as corrupt):

- the members read may unpack to at most ``ASSETMAP_MAX_UNPACKED_MB`` megabytes together
  (default 1024);
- above 16 MB unpacked, they may be at most ``ASSETMAP_MAX_ZIP_RATIO`` times their compressed
  size (default 100: text and shapefiles compress 3-30 times, bombs thousands of times).

Both are environment variables, so someone who trusts a larger archive can raise them for
one command: ``ASSETMAP_MAX_UNPACKED_MB=4096 assetmap import ...``.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from assetmap.errors import UserError

DEFAULT_MAX_UNPACKED_MB = 1024
DEFAULT_MAX_RATIO = 100
RATIO_CHECKED_ABOVE = 16 * 1024 * 1024  # small, very compressible files are harmless


def _limit(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise UserError(f"{name}={raw!r} is not a number.", f"Set it to a number (the default is {default:g}).") from None
    if value <= 0:
        raise UserError(f"{name}={raw!r} must be above 0.", f"The default is {default:g}.")
    return value


def check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Raise UserError when ``members`` of the zip at ``path`` would unpack beyond the limits."""
    max_bytes = _limit("ASSETMAP_MAX_UNPACKED_MB", DEFAULT_MAX_UNPACKED_MB) * 1024 * 1024
    max_ratio = _limit("ASSETMAP_MAX_ZIP_RATIO", DEFAULT_MAX_RATIO)
    unpacked = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    mb = unpacked / (1024 * 1024)
    if unpacked > RATIO_CHECKED_ABOVE and unpacked > max_ratio * max(packed, 1):
        raise UserError(
            f"{path.name} would unpack to {mb:,.0f} MB from {packed / 1024 / 1024:,.1f} MB: "
            f"{unpacked / max(packed, 1):,.0f} times its size, which real map data never is (a 'zip bomb'?).",
            "Check where the file came from. If you trust it, raise the limit for one command "
            "(ASSETMAP_MAX_ZIP_RATIO=10000 assetmap ...), or unzip it yourself and import what is inside.")
    if unpacked > max_bytes:
        raise UserError(
            f"{path.name} would unpack to {mb:,.{0 if mb - max_bytes / 2**20 >= 1 else 3}f} MB, more than the "
            f"limit of {max_bytes / 1024 / 1024:,.0f} MB.",
            "If you trust this file, raise the limit for one command (for example "
            "ASSETMAP_MAX_UNPACKED_MB=4096 assetmap ...), or unzip it yourself and import what is inside.")


def check_zip(path: Path, names: list[str] | None = None) -> None:
    """Check the whole archive (or only the members named) against the limits."""
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    if names is not None:
        wanted = set(names)
        infos = [i for i in infos if i.filename in wanted]
    check_members(path, infos)
