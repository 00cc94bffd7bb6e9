"""`python -m hub ...` is `registru-hub ...`."""
import sys

from hub.cli import main

sys.exit(main())
