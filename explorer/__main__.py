"""``python -m explorer`` starts the app (or runs a sub-command)."""

import sys

from explorer.cli import main

sys.exit(main())
