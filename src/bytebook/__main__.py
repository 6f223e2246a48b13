from bytebook.cli import main

raise SystemExit(main())
