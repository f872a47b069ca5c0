import sys

from parsing.cli import _stdout_utf8, main

_stdout_utf8()
sys.exit(main())
