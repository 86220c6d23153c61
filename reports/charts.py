"""Charts as inline SVG strings, drawn in Python so the report needs no JavaScript and no assets.

Each function takes plain Python values and returns one `<svg>` element. Every text that comes from
the data (names, titles, units) is escaped here: the report embeds these strings unescaped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def _svg(width: int, height: int, body: list[str], label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="{escape(label)}" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" {FONT}>'
            f"<title>{escape(label)}</title>{''.join(body)}</svg>")


def _empty(width: int, label: str, what: str) -> str:
    return _svg(width, 40, [f'<text x="8" y="24" fill="#777">{escape(what)}</text>'], label)


def _date_ticks(start: date, end: date, n: int = 6) -> list[date]:
    span = max((end - start).days, 1)
    return [start + timedelta(days=round(span * i / (n - 1))) for i in range(n)]


def _fmt(value: float) -> str:
    for scale, word in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{value / scale:g}{word}"
    return f"{value:g}"


def timeline(events: Sequence[tuple[date, str, str]], width: int = 1000) -> str:
    """Events as dots on a time axis, one lane per event type. `events` holds (event_date,
    event_type, label) triples; the label shows on hover."""
    label = "Events timeline"
    events = [e for e in events if e[0] is not None]
    if not events:
        return _empty(width, label, "no dated events")
    kinds = sorted({k or "other" for _, k, _ in events})
    lane_h, left, right, top = 26, 90, 40, 10
    height = top + lane_h * len(kinds) + 30
    start, end = min(e[0] for e in events), max(e[0] for e in events)
    if start == end:
        start, end = start - timedelta(days=15), end + timedelta(days=15)
    span = (end - start).days

    def x(d: date) -> float:
        return left + (width - left - right) * (d - start).days / span

    body = []
    for i, kind in enumerate(kinds):
        y = top + lane_h * i + lane_h / 2
        body.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(kind)}</text>'
                    f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
    for d, kind, text in events:
        y = top + lane_h * kinds.index(kind or "other") + lane_h / 2
        color = PALETTE[kinds.index(kind or "other") % len(PALETTE)]
        body.append(f'<circle class="mark" cx="{x(d):.1f}" cy="{y:.1f}" r="5" fill="{color}" fill-opacity="0.75">'
                    f"<title>{escape(d.isoformat())} {escape(kind or '')}: {escape(text)}</title></circle>")
    axis_y = top + lane_h * len(kinds) + 14
    for tick in _date_ticks(start, end):
        body.append(f'<text x="{x(tick):.1f}" y="{axis_y}" text-anchor="middle" fill="#555">'
                    f"{tick.isoformat()}</text>")
    return _svg(width, height, body, label)


def bars(items: Sequence[tuple[str, float]], title: str, width: int = 480, max_items: int = 15) -> str:
    """Horizontal bars, largest first: (label, value) pairs, e.g. quotes per speaker."""
    items = sorted(items, key=lambda kv: (-kv[1], kv[0]))[:max_items]
    if not items:
        return _empty(width, title, "nothing to show")
    bar_h, left, right = 20, 170, 40
    height = bar_h * len(items) + 10
    top = max(v for _, v in items) or 1
    body = []
    for i, (name, value) in enumerate(items):
        y = 5 + i * bar_h
        w = (width - left - right) * value / top
        short = name if len(name) <= 26 else name[:25] + "…"
        body.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end"><title>{escape(name)}</title>'
                    f"{escape(short)}</text>"
                    f'<rect class="mark" x="{left}" y="{y + 3}" width="{max(w, 1):.1f}" height="{bar_h - 6}" '
                    f'fill="{PALETTE[0]}"/><text x="{left + w + 4:.1f}" y="{y + 14}">{_fmt(value)}</text>')
    return _svg(width, height, body, title)


def small_multiples(points: Sequence[tuple[date, str, float]], width: int = 1000, max_units: int = 6,
                    label: str = "Figures by unit over time") -> str:
    """Figures over time by a key (unit, or measure and unit): one panel per key (the most frequent
    first), each figure a dot at its article's publication date, values on a log scale (money spans
    many magnitudes)."""
    points = [p for p in points if p[0] is not None and p[2] is not None and p[2] > 0]
    if not points:
        return _empty(width, label, "no dated figures")
    counts: dict[str, int] = {}
    for _, unit, _ in points:
        counts[unit] = counts.get(unit, 0) + 1
    units = sorted(counts, key=lambda u: (-counts[u], u))[:max_units]
    cols = min(3 if width >= 900 else 2, len(units))
    rows = math.ceil(len(units) / cols)
    pw, ph, pad = width // cols, 150, 36
    start, end = min(p[0] for p in points), max(p[0] for p in points)
    if start == end:
        start, end = start - timedelta(days=15), end + timedelta(days=15)
    span = (end - start).days
    body = []
    for n, unit in enumerate(units):
        ox, oy = (n % cols) * pw, (n // cols) * ph
        mine = [(d, v) for d, u, v in points if u == unit]
        lo = math.floor(math.log10(min(v for _, v in mine)))
        hi = max(math.ceil(math.log10(max(v for _, v in mine))), lo + 1)

        def px(d: date, ox: int = ox) -> float:
            return ox + pad + (pw - pad - 12) * (d - start).days / span

        def py(v: float, oy: int = oy, lo: int = lo, hi: int = hi) -> float:
            return oy + ph - 24 - (ph - 48) * (math.log10(v) - lo) / (hi - lo)

        body.append(f'<text x="{ox + pad}" y="{oy + 14}" font-weight="bold">{escape(unit)} '
                    f'<tspan fill="#777" font-weight="normal">({len(mine)})</tspan></text>'
                    f'<rect x="{ox + pad}" y="{oy + 24}" width="{pw - pad - 12}" height="{ph - 48}" '
                    f'fill="none" stroke="#ddd"/>'
                    f'<text x="{ox + pad - 3}" y="{py(10.0 ** hi) + 4:.1f}" text-anchor="end" fill="#555">'
                    f"{_fmt(10.0 ** hi)}</text>"
                    f'<text x="{ox + pad - 3}" y="{py(10.0 ** lo):.1f}" text-anchor="end" fill="#555">'
                    f"{_fmt(10.0 ** lo)}</text>"
                    f'<text x="{ox + pad}" y="{oy + ph - 8}" fill="#555">{start.isoformat()}</text>'
                    f'<text x="{ox + pw - 12}" y="{oy + ph - 8}" text-anchor="end" fill="#555">'
                    f"{end.isoformat()}</text>")
        color = PALETTE[n % len(PALETTE)]
        for d, v in mine:
            body.append(f'<circle class="mark" cx="{px(d):.1f}" cy="{py(v):.1f}" r="4" fill="{color}" '
                        f'fill-opacity="0.7"><title>{d.isoformat()}: {_fmt(v)} {escape(unit)}</title></circle>')
    return _svg(width, rows * ph, body, label)


def trend(runs: Sequence[tuple[str, int, int]], width: int = 1000) -> str:
    """Data quality over the last runs: per run (label, failed expectations, quarantined rows),
    as paired bars, oldest left."""
    label = "Failed expectations and quarantined rows per run"
    if not runs:
        return _empty(width, label, "no runs yet")
    height, left, bottom, top_pad = 160, 40, 34, 18
    top = max(max(f, q) for _, f, q in runs) or 1
    slot = (width - left - 10) / len(runs)
    bw = min(slot / 3, 28)
    body = [f'<text x="{left}" y="12"><tspan fill="{PALETTE[2]}">■</tspan> failed expectations  '
            f'<tspan fill="{PALETTE[1]}">■</tspan> quarantined rows</text>',
            f'<text x="{left - 4}" y="{top_pad + 4}" text-anchor="end" fill="#555">{top}</text>',
            f'<line x1="{left}" x2="{width - 10}" y1="{height - bottom}" y2="{height - bottom}" stroke="#999"/>']
    for i, (name, failed, quarantined) in enumerate(runs):
        x0 = left + slot * i + slot / 2 - bw
        for j, (value, color) in enumerate(((failed, PALETTE[2]), (quarantined, PALETTE[1]))):
            h = (height - bottom - top_pad) * value / top
            body.append(f'<rect class="mark" x="{x0 + j * bw:.1f}" y="{height - bottom - h:.1f}" '
                        f'width="{bw - 2:.1f}" height="{max(h, 0.5):.1f}" fill="{color}">'
                        f"<title>{escape(name)}: {value}</title></rect>")
        body.append(f'<text x="{x0 + bw:.1f}" y="{height - bottom + 14}" text-anchor="middle" fill="#555">'
                    f"{escape(name[:12])}</text>")
    return _svg(width, height, body, label)
