"""Stable ids: the same input gives the same id on every run."""

import hashlib


def stable_id(*parts: object) -> str:
    """16 hex digits of a sha256 over the parts; None and "" hash alike."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]
