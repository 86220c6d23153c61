"""Pure transformations: documents and frames in, frames out.

Nothing here fetches, reads files, or touches Prefect or DuckDB (tests/test_layout.py checks the
imports). Language knowledge lives in `transforms/lexicon/`, data files users can extend.
"""
