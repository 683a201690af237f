"""The code blocks of CONTRIBUTING.md, by section, for the tests that follow the page literally."""

from __future__ import annotations

import re
from pathlib import Path

PAGE = Path(__file__).resolve().parent.parent / "CONTRIBUTING.md"


def blocks(heading: str) -> list[tuple[str, str]]:
    """(language, code) of each fenced block under ``## heading``, in order."""
    text = PAGE.read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```(\w+)\n(.*?)^```$", section, flags=re.S | re.M)
