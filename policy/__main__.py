"""``python -m policy``: the ``dm-policy`` command line."""

import sys

from policy.cli import main

sys.exit(main())
