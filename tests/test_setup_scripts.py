"""scripts/install-system-deps chooses package names per release; scripts/python-env uses a
.venv where the system manages the Python (PEP 668). No package is installed by these tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "install-system-deps"

COMMON = ("libegl1 libgl1 libfontconfig1 libdbus-1-3 libnss3 libxkbcommon0 libxkbcommon-x11-0 libxcomposite1 "
          "libxdamage1 libxrandr2 libxtst6 libxkbfile1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 "
          "libxcb-shape0 libxcb-xinerama0 libxshmfence1 fonts-dejavu-core poppler-utils python3-gdal").split()

# The names that decide the choice, per release. Debian 12's were read from this machine's apt
# (`apt-cache pkgnames`); the others are written from the releases' known renames (the 64-bit
# time_t "t64" libraries of Debian 13 and Ubuntu 24.04, each release's default PostgreSQL).
RELEASES = {
    "debian-12": ["libglib2.0-0", "libasound2", "postgresql", "postgresql-15", "postgresql-15-postgis-3",
                  "postgresql-postgis"],
    "debian-13": ["libglib2.0-0t64", "libasound2t64", "postgresql", "postgresql-17", "postgresql-17-postgis-3",
                  "postgresql-postgis"],
    "ubuntu-22.04": ["libglib2.0-0", "libasound2", "postgresql", "postgresql-14", "postgresql-14-postgis-3"],
    "ubuntu-24.04": ["libglib2.0-0t64", "libasound2t64", "postgresql", "postgresql-16", "postgresql-16-postgis-3"],
    "ubuntu-24.04+pgdg": ["libglib2.0-0t64", "libasound2t64", "postgresql", "postgresql-16", "postgresql-17",
                          "postgresql-16-postgis-3", "postgresql-17-postgis-3"],
}
EXPECTED = {
    "debian-12": ("libglib2.0-0", "libasound2", "postgresql-postgis"),
    "debian-13": ("libglib2.0-0t64", "libasound2t64", "postgresql-postgis"),
    "ubuntu-22.04": ("libglib2.0-0", "libasound2", "postgresql-14-postgis-3"),
    "ubuntu-24.04": ("libglib2.0-0t64", "libasound2t64", "postgresql-16-postgis-3"),
    "ubuntu-24.04+pgdg": ("libglib2.0-0t64", "libasound2t64", "postgresql-17-postgis-3"),
}


def chosen(tmp_path, release: str, *args: str) -> list[str]:
    listing = tmp_path / f"{release}.txt"
    listing.write_text("\n".join([*COMMON, *RELEASES[release]]) + "\n")
    r = subprocess.run(["bash", str(SCRIPT), *args, "--print"], capture_output=True, text=True, timeout=60,
                       env={"PATH": "/usr/bin:/bin", "ASSETMAP_APT_LIST": str(listing)})
    assert r.returncode == 0, r.stderr
    return r.stdout.split()


@pytest.mark.parametrize("release", list(RELEASES))
def test_package_names_chosen_per_release(tmp_path, release):
    glib, asound, postgis = EXPECTED[release]
    names = chosen(tmp_path, release, "test")
    assert glib in names and asound in names and postgis in names
    available = set(COMMON) | set(RELEASES[release])
    assert set(names) <= available, set(names) - available  # every name exists in that release


@pytest.mark.parametrize("release", list(RELEASES))
def test_running_the_app_installs_no_database_server(tmp_path, release):
    names = chosen(tmp_path, release)
    assert not [n for n in names if n.startswith("postgresql") or n in ("poppler-utils", "python3-gdal")]
    assert EXPECTED[release][1] in names


def test_unknown_argument_is_refused():
    r = subprocess.run(["bash", str(SCRIPT), "--everything"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "unknown argument" in r.stderr


def _python_env(tmp_path, python: str) -> tuple[str, str]:
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "python-env", tmp_path / "scripts" / "python-env")
    r = subprocess.run(["bash", "-c", 'source scripts/python-env; echo "$PYTHON|$NEED_VENV"'], cwd=tmp_path,
                       capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin",
                                                                      "ASSETMAP_PYTHON": python})
    assert r.returncode == 0, r.stderr
    return tuple(r.stdout.strip().split("|"))


def test_a_system_managed_python_gets_a_project_venv(tmp_path):
    system = Path("/usr/bin/python3")
    stdlib = subprocess.run([str(system), "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
                            capture_output=True, text=True).stdout.strip() if system.exists() else ""
    if not (Path(stdlib) / "EXTERNALLY-MANAGED").exists():
        pytest.skip("no system Python marked EXTERNALLY-MANAGED (PEP 668) here")
    assert _python_env(tmp_path, str(system)) == (str(tmp_path / ".venv" / "bin" / "python"), "1")


def test_a_virtualenv_or_unmanaged_python_is_used_as_it_is(tmp_path):
    # the interpreter running the tests: a venv, pyenv or a plain build, none marked by PEP 668
    import sysconfig

    if (Path(sysconfig.get_path("stdlib")) / "EXTERNALLY-MANAGED").exists() and sys.prefix == sys.base_prefix:
        pytest.skip("the tests run on a system-managed Python")
    assert _python_env(tmp_path, sys.executable) == (sys.executable, "")
