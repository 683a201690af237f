"""Which machine entered a response: an id kept per machine and user, saved with every revision."""

from __future__ import annotations

import os
import uuid as uuidlib
from pathlib import Path


def default_device_id() -> str:
    """A random id made once per machine and user, kept under the user's config folder."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "assetmap"
    path = base / "device_id"
    try:
        text = path.read_text().strip()
        if text:
            return text
    except OSError:
        pass
    new = str(uuidlib.uuid4())
    try:
        base.mkdir(parents=True, exist_ok=True)
        path.write_text(new + "\n")
    except OSError:
        pass  # a read-only home: the id then lasts for this run only
    return new
