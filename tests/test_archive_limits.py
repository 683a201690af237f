"""Archive limits: total unpacked size and ratio, checked from the zip's directory, overridable."""

from __future__ import annotations

import zipfile

import pytest

from assetmap.errors import UserError
from assetmap.importers.archive import check_zip


def _zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_total_size_limit_and_its_override(tmp_path, monkeypatch):
    import os

    z = _zip(tmp_path / "a.zip", {"a.csv": os.urandom(3 << 20)})  # 3 MB that do not compress
    check_zip(z)
    monkeypatch.setenv("ASSETMAP_MAX_UNPACKED_MB", "2")
    with pytest.raises(UserError, match=r"a.zip would unpack to 3 MB, more than the limit of 2 MB"):
        check_zip(z)
    monkeypatch.setenv("ASSETMAP_MAX_UNPACKED_MB", "lots")
    with pytest.raises(UserError, match="is not a number"):
        check_zip(z)


def test_ratio_limit_above_16_mb_and_its_override(tmp_path, monkeypatch):
    small = _zip(tmp_path / "small.zip", {"zeros.csv": bytes(15 << 20)})  # 15 MB of zeros: harmless
    check_zip(small)
    bomb = _zip(tmp_path / "bomb.zip", {"zeros.csv": bytes(20 << 20), "ok.csv": b"a,b\n1,2\n"})
    with pytest.raises(UserError, match=r"bomb.zip would unpack to 20 MB from 0.0 MB: [\d,]+ times its size"):
        check_zip(bomb)
    check_zip(bomb, names=["ok.csv"])  # only what is read counts
    monkeypatch.setenv("ASSETMAP_MAX_ZIP_RATIO", "100000")
    check_zip(bomb)


def test_real_zipped_shapefile_passes(tmp_path, stl):
    folder = stl / "neighborhoods_stateplane"
    z = _zip(tmp_path / "nhd.zip", {f.name: f.read_bytes() for f in folder.iterdir()})
    check_zip(z)
