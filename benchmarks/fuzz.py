"""Fuzz the cleaner and every extractor: N random and mutated Indonesian texts (tests/helpers/fuzz.py),
one line out: `examples=N crashes=K seconds=S` (a crash is an exception or a broken invariant).

    .venv/bin/python benchmarks/fuzz.py --examples 10000
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from helpers.fuzz import check_everything, published, texts  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--show", type=int, default=3, help="print this many distinct crashes")
    args = parser.parse_args()
    seen: list[int] = []
    crashes: Counter[str] = Counter()
    samples: dict[str, str] = {}

    # Every example runs to its end: a crash is counted, not shrunk, so the count is of examples.
    @settings(max_examples=args.examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(texts, published)
    def run(text: str, published_on: object) -> None:
        seen.append(1)
        try:
            check_everything(text, published_on)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - counting every kind of crash is the point
            key = f"{type(exc).__name__}: {str(exc)[:80]}"
            crashes[key.split(" from ")[0].split(" not in")[0][:60]] += 1
            samples.setdefault(key.split(" from ")[0].split(" not in")[0][:60], f"{key}\n    input: {text[:160]!r}")

    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    for key, _ in crashes.most_common(args.show):
        print(samples[key], file=sys.stderr)
    print(f"examples={len(seen)} crashes={sum(crashes.values())} seconds={elapsed:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
