"""Entry point of the frozen app (PyInstaller)."""

from assetmap.cli import main

raise SystemExit(main())
