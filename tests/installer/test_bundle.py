"""Build the standalone bundle with PyInstaller and run its self-test with no Python around.

Takes about two minutes, so it is marked `installer`; `.ci/run` runs it (scripts/test runs the
whole suite). Skip locally with `-m "not installer"`.
"""

import os
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.installer, pytest.mark.slow, pytest.mark.timeout(1800)]


@pytest.fixture(scope="module")
def bundle():
    r = subprocess.run(["bash", str(ROOT / "installer" / "build.sh")], cwd=ROOT, capture_output=True,
                       text=True, timeout=1500)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    exe = ROOT / "dist" / "assetmap" / "assetmap"
    assert exe.exists()
    return exe


def _clean_env(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    return {"HOME": str(home), "PATH": str(empty_bin), "QT_QPA_PLATFORM": "offscreen",
            "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox --disable-gpu", "LANG": "C.UTF-8"}


def test_bundle_self_test_passes_without_python(bundle, tmp_path):
    env = _clean_env(tmp_path)
    t0 = time.perf_counter()
    r = subprocess.run([str(bundle), "--self-test"], env=env, cwd=tmp_path, capture_output=True,
                       text=True, timeout=300)
    elapsed = time.perf_counter() - t0
    assert r.returncode == 0, r.stdout + r.stderr
    assert "self-test passed" in r.stdout
    assert "resolves outside the bundle" not in r.stdout
    assert "the map window drew the demo map" in r.stdout
    print(f"self-test took {elapsed:.1f}s")


def test_linux_archive_and_desktop_entry(bundle):
    dist = bundle.parent.parent
    tarballs = list(dist.glob("assetmap-*-linux-*.tar.gz"))
    assert len(tarballs) == 1 and tarballs[0].stat().st_size > 50 * 2**20
    desktop = (bundle.parent / "assetmap.desktop").read_text()
    assert "Exec=assetmap open %f" in desktop and "Icon=assetmap" in desktop


def test_bundle_cli_works_like_the_installed_one(bundle, tmp_path):
    env = _clean_env(tmp_path)
    from tests.shared_data import STL as stl

    p = tmp_path / "p.gpkg"
    assert subprocess.run([str(bundle), "new", str(p)], env=env, capture_output=True, timeout=120).returncode == 0
    r = subprocess.run([str(bundle), "import", str(p), str(stl / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp"),
                        "--role", "areas"], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Imported 88 of 88" in r.stdout and "ESRI:102696" in r.stdout
    r = subprocess.run([str(bundle), "import", str(p), "missing.csv", "--role", "assets"], env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "does not exist" in r.stderr
    assert os.path.getsize(p) > 0
