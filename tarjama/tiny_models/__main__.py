from tarjama.tiny_models import main

raise SystemExit(main())
