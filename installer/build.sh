#!/usr/bin/env bash
# Build the standalone app: dist/assetmap/assetmap (one folder), plus a tarball with a .desktop file.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e . "pyinstaller>=6.5,<7"
bash scripts/pyside-consistent
python3 -m assetmap.ui.i18n  # the bundle carries compiled translations (.qm)
python3 -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/assetmap.spec
install -m 644 installer/linux/assetmap.desktop dist/assetmap/assetmap.desktop
version=$(python3 -c "import assetmap; print(assetmap.__version__)")
tar -C dist -czf "dist/assetmap-${version}-linux-$(uname -m).tar.gz" assetmap
du -sh dist/assetmap | awk '{print "bundle size: " $1}'
