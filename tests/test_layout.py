"""The layout's promises that code review would otherwise have to keep."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN_IN_TRANSFORMS = {"prefect", "duckdb", "httpx", "requests", "urllib.request", "great_expectations"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "transforms").rglob("*.py")), ids=lambda p: p.name)
def test_transforms_do_no_io(path: Path) -> None:
    bad = {m for m in imported_modules(path) if any(m == f or m.startswith(f + ".") for f in FORBIDDEN_IN_TRANSFORMS)}
    assert not bad, f"{path.name} imports {bad}: transforms must stay pure"


def test_flows_reach_the_network_only_through_sources() -> None:
    for path in (ROOT / "flows").rglob("*.py"):
        assert "httpx" not in imported_modules(path), path


def test_the_project_never_reads_shared() -> None:
    offenders = [
        p for p in ROOT.rglob("*.py")
        if ".venv" not in p.parts and p.name != "test_layout.py" and "../shared" in p.read_text(encoding="utf-8")
    ]
    assert not offenders
