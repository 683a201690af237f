"""Where the shared real data (``../shared/data``) is, for every test module that reads it.

Beside the checkout; ``ASSETMAP_SHARED_DATA`` for a scratch clone elsewhere (e.g. under /tmp); or
beside a parent folder, for a git worktree nested deeper than the checkout the data sits beside.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    if os.environ.get("ASSETMAP_SHARED_DATA"):
        return Path(os.environ["ASSETMAP_SHARED_DATA"])
    beside = ROOT.parent / "shared" / "data"
    if beside.exists():
        return beside
    return next((p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").exists()), beside)


SHARED = _shared()
STL = SHARED / "stl"
