"""Data-quality checks: expectation suites derived from the table declarations in `warehouse/`,
run with great-expectations on every load. Rows that fail go to quarantine with the reason."""
