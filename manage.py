#!/usr/bin/env python
"""Same as the ``portique`` command, for those who type manage.py out of habit."""

from portique.__main__ import main

if __name__ == "__main__":
    main()
