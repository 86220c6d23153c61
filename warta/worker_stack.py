"""Imported by the fork server that worker processes are forked from: the transform stack loaded
once, so that every worker starts with it (see warta/workers.py)."""

from warta.chunks import load_stack

load_stack()
