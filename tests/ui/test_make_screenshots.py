"""scripts/make_screenshots.py still makes real pictures from the app (it is re-run after merges):
the territories shot shows the map drawn in the six teams' colours and the Territories panel."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def _colours(path, step=4):
    from collections import Counter

    from PySide6.QtGui import QImage

    img = QImage(str(path))
    assert not img.isNull()
    seen = Counter()
    for y in range(0, img.height(), step):
        for x in range(0, img.width(), step):
            seen[img.pixelColor(x, y).name().upper()] += 1
    return img, seen


def _blend(colour: str, alpha: float = 0.78, background: str = "#F4F4F1") -> str:
    """A fill drawn at ``alpha`` over the map's background, as the page composes it."""
    c = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x * alpha + y * (1 - alpha)):02X}" for x, y in zip(c, b))


def test_the_territories_screenshot_is_a_drawn_map(tmp_path, qapp):
    from assetmap.territories.store import DEFAULT_COLOURS

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_screenshots.py"), "--out", str(tmp_path),
                           "--only", "territories"], capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    img, seen = _colours(tmp_path / "territories.png")
    assert (img.width(), img.height()) == (1440, 900)
    # Every team's fill covers a good part of the map: the map finished drawing before the grab.
    # (Swatches in the panel and legend are the opaque colours, a few samples each, and don't match
    # the blended fill.)
    for colour in DEFAULT_COLOURS[:6]:
        fill = _blend(colour)
        samples = sum(n for s, n in seen.items() if _near(fill, s, 30))
        assert samples >= 200, (colour, fill, samples)


def _near(a: str, b: str, tol: int = 40) -> bool:
    pa = [int(a[i:i + 2], 16) for i in (1, 3, 5)]
    pb = [int(b[i:i + 2], 16) for i in (1, 3, 5)]
    return sum(abs(x - y) for x, y in zip(pa, pb)) <= tol
