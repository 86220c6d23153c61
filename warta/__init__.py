"""warta: Indonesian news articles in, a DuckDB warehouse of facts out."""

__version__ = "0.1.0"
