"""python -m bench [--programs 100,1000,10000] [--repeat 20] [--keep] [--markdown] [--database-name N]

Sets up the Django project of site/ as manage.py does, then runs the benchmark (bench.command).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clsite.settings.dev")

import django  # noqa: E402

django.setup()

from bench.command import Command  # noqa: E402

Command().run_from_argv(["python -m bench", "bench", *sys.argv[1:]])
