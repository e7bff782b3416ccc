"""The soak's curves as one PNG: a small panel per measure, sessions along the bottom (drawn with Pillow, which
the kiosk already has, so the bench needs no plotting library).

    plot(samples, Path("soak.png"), warmup=100)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

PANELS = (("rss_mb", "resident memory (MB)"), ("fds", "open file descriptors"), ("threads", "threads"),
          ("qt_objects", "Qt objects"), ("db_mb", "database (MB)"), ("wal_mb", "WAL (MB)"))
W, H, PAD = 560, 230, 46


def _font(size: int):
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default()


def _panel(draw: ImageDraw.ImageDraw, box: tuple[int, int], title: str, xs: Sequence[float],
           ys: Sequence[float], warmup: int) -> None:
    x0, y0 = box
    font, small = _font(15), _font(12)
    draw.text((x0 + PAD, y0 + 6), title, fill="black", font=font)
    left, top, right, bottom = x0 + PAD, y0 + 30, x0 + W - 12, y0 + H - 28
    draw.rectangle((left, top, right, bottom), outline="#888")
    if not xs:
        return
    lo, hi = min(ys), max(ys)
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    span_x = max(xs[-1] - xs[0], 1)

    def at(x: float, y: float) -> tuple[float, float]:
        return (left + (x - xs[0]) / span_x * (right - left), bottom - (y - lo) / (hi - lo) * (bottom - top))

    if xs[0] <= warmup <= xs[-1]:
        wx = at(warmup, lo)[0]
        draw.line((wx, top, wx, bottom), fill="#e0a000", width=1)
        draw.text((wx + 3, top + 2), "warm-up ends", fill="#a07000", font=small)
    draw.line([at(x, y) for x, y in zip(xs, ys, strict=True)], fill="#1f5fbf", width=2)
    draw.text((x0 + 4, top - 2), f"{hi:.4g}", fill="#444", font=small)
    draw.text((x0 + 4, bottom - 12), f"{lo:.4g}", fill="#444", font=small)
    draw.text((left, bottom + 6), f"{xs[0]:g}", fill="#444", font=small)
    draw.text((right, bottom + 6), f"{xs[-1]:g} sessions", fill="#444", font=small, anchor="ra")


def plot(samples: Sequence[dict], out: Path, *, warmup: int) -> Path:
    columns = 2
    rows = (len(PANELS) + columns - 1) // columns
    image = Image.new("RGB", (W * columns, H * rows), "white")
    draw = ImageDraw.Draw(image)
    xs = [s["sessions"] for s in samples]
    for i, (key, title) in enumerate(PANELS):
        _panel(draw, ((i % columns) * W, (i // columns) * H), title, xs, [s[key] for s in samples], warmup)
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(out)
    return out
