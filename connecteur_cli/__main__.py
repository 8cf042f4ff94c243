"""``python -m connecteur_cli``: the same as the ``connecteur`` command."""

import sys

from .cli import main

sys.exit(main())
