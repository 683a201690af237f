from assetmap.cli import main

raise SystemExit(main())
