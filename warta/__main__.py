"""`python -m warta` = the `warta` command."""

from warta.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
