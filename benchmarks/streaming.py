"""End-to-end benchmarks of `warta run` (start-up included), each printing one line.

    python benchmarks/streaming.py p1 BENCH_DIR [--pages 2000]       pipeline pages/s vs bare trafilatura
    python benchmarks/streaming.py p2p4 [--small 5000 --large 50000] wall time and peak RSS, small vs large
    python benchmarks/streaming.py p3 [--articles 10000]             second run as a share of the first
    python benchmarks/streaming.py p5 BENCH_DIR [--pages 2000]       Dask: two worker processes vs one

BENCH_DIR is the extraction benchmark's folder (`html/*.html[.gz]`); its pages are copied to a
temporary folder, each copy marked with a comment so that no two are the same document. The text
articles are generated from the bundled samples (corpus/samples/text), each with its own URL and
a numbered closing sentence. Peak RSS is the largest sum over the run's process tree (the main
process and its worker processes), sampled every 0.2 s.

The runs share one PREFECT_HOME of the benchmark's own, whose Prefect database is created before
the first measured run: a user pays that once per machine (10-20 s on this one), on their first
`warta run`, not on every run. Everything else a run does is measured: the process start, the
temporary Prefect server, the worker processes, the Data Docs. `--fresh-prefect` gives every run
a new PREFECT_HOME instead (a first run on a new machine).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def html_pages(bench: Path, n: int, out: Path) -> Path:
    """`n` HTML files made from the benchmark's pages, each copy marked unique."""
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted((bench / "html").glob("*.html*"))
    for i in range(n):
        src = sources[i % len(sources)]
        data = gzip.decompress(src.read_bytes()) if src.suffix == ".gz" else src.read_bytes()
        (out / f"{i:05d}.html").write_bytes(data + f"\n<!-- warta benchmark copy {i} -->\n".encode())
    return out


def text_articles(n: int, out: Path) -> Path:
    """A JSONL file of `n` text articles made from the bundled samples."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "samples" / "text").glob("*.txt"))]
    with out.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = f"{seeds[i % len(seeds)]}\nIni adalah salinan nomor {i} untuk uji kecepatan."
            f.write(json.dumps({"url": f"https://bench.example/berita/{i}", "text": text}) + "\n")
    return out


FRESH_PREFECT = False  # --fresh-prefect


def prefect_home(work: Path) -> str:
    """The PREFECT_HOME of a run: the benchmark's own, its database created once (see above)."""
    home = work / "prefect-home"
    if FRESH_PREFECT:
        return tempfile.mkdtemp(dir=work)
    if not home.exists():
        home.mkdir()
        env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        env.pop("PREFECT_API_URL", None)
        subprocess.run([str(BIN / "prefect"), "server", "database", "upgrade", "-y"], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return str(home)


def run_warta(args: list[str], work: Path, extra_env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS of the process tree in MB, exit code of one `warta run`."""
    env = {**os.environ, "PREFECT_HOME": prefect_home(work), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           **(extra_env or {})}
    env.pop("PREFECT_API_URL", None)
    start = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "warta"), "run", *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak[0] = max(peak[0], sum(p.memory_info().rss for p in tree if p.is_running()) / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    return elapsed, peak[0], code


def bare_trafilatura(folder: Path) -> float:
    """Seconds for bare single-process trafilatura over the folder's pages, import included."""
    code = ("import sys, time, pathlib\nt = time.perf_counter()\nimport trafilatura\n"
            "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.html')):\n"
            "    trafilatura.extract(p.read_text(encoding='utf-8', errors='replace'))\n"
            "print(time.perf_counter() - t)\n")
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def p1(a: argparse.Namespace, work: Path) -> None:
    pages = html_pages(Path(a.bench), a.pages, work / "pages")
    bare = bare_trafilatura(pages)
    wall, rss, code = run_warta(["--input", str(pages), "--db", str(work / "p1.duckdb")], work)
    print(f"P1 pages={a.pages} warta_run={wall:.1f}s ({a.pages / wall:.1f} pages/s, rc={code}, peak_rss={rss:.0f}MB) "
          f"bare_trafilatura={bare:.1f}s ({a.pages / bare:.1f} pages/s) ratio={bare / wall:.2f}x")


def p2p4(a: argparse.Namespace, work: Path) -> None:
    out = {}
    for n in (a.small, a.large):
        data = text_articles(n, work / f"a{n}.jsonl")
        out[n] = run_warta(["--input", str(data), "--db", str(work / f"p2-{n}.duckdb")], work)
    (ts, rs, cs), (tl, rl, cl) = out[a.small], out[a.large]
    print(f"P2/P4 {a.small}: {ts:.1f}s {rs:.0f}MB rc={cs}; {a.large}: {tl:.1f}s {rl:.0f}MB rc={cl}; "
          f"P2 time ratio={tl / ts:.2f} (x{a.large / a.small:.0f} input) P4 RSS ratio={rl / rs:.2f}")


def p3(a: argparse.Namespace, work: Path) -> None:
    data = text_articles(a.articles, work / "p3.jsonl")
    db = work / "p3.duckdb"
    first = run_warta(["--input", str(data), "--db", str(db)], work)
    second = run_warta(["--input", str(data), "--db", str(db)], work)
    print(f"P3 articles={a.articles} first={first[0]:.1f}s rc={first[2]} second={second[0]:.1f}s rc={second[2]} "
          f"share={second[0] / first[0]:.1%}")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dask_run(pages: Path, db: Path, workers: int, work: Path) -> float:
    port = _port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)]
    try:
        time.sleep(1)
        for _ in range(workers):
            procs.append(subprocess.Popen([str(BIN / "dask"), "worker", f"tcp://127.0.0.1:{port}", "--nworkers", "1",
                                           "--nthreads", "1", "--no-dashboard"], cwd=ROOT, env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        with Client(f"tcp://127.0.0.1:{port}", timeout=120) as client:
            client.wait_for_workers(workers, timeout=180)
        # The default chunk size, as a user runs it: smaller chunks cost the flow's process and
        # Prefect's server more per page (a task run each), on the same two cores as the workers.
        wall, _, code = run_warta(["--input", str(pages), "--db", str(db), "--dask", f"tcp://127.0.0.1:{port}"], work)
        if code:
            raise SystemExit(f"warta run on Dask exited {code}")
        return wall
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            p.wait()


def p5(a: argparse.Namespace, work: Path) -> None:
    pages = html_pages(Path(a.bench), a.pages, work / "pages")
    one = dask_run(pages, work / "p5-1.duckdb", 1, work)
    two = dask_run(pages, work / "p5-2.duckdb", 2, work)
    print(f"P5 pages={a.pages} one_worker={one:.1f}s two_workers={two:.1f}s speedup={one / two:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="which", required=True)
    for name in ("p1", "p5"):
        s = sub.add_parser(name)
        s.add_argument("bench")
        s.add_argument("--pages", type=int, default=2000)
    s = sub.add_parser("p2p4")
    s.add_argument("--small", type=int, default=5000)
    s.add_argument("--large", type=int, default=50000)
    s = sub.add_parser("p3")
    s.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--fresh-prefect", action="store_true",
                    help="a new PREFECT_HOME for every run (Prefect's database created within each)")
    a = ap.parse_args()
    global FRESH_PREFECT
    FRESH_PREFECT = a.fresh_prefect
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as tmp:
        {"p1": p1, "p2p4": p2p4, "p3": p3, "p5": p5}[a.which](a, Path(tmp))


if __name__ == "__main__":
    main()
