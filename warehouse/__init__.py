"""The DuckDB warehouse: one module per table (its declared schema), plus the loader.

The table modules import nothing heavier than polars, so that transforms and expectations
can share the declarations without pulling in DuckDB.
"""
