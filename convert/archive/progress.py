"""A progress bar on stderr, shown only to a person watching a terminal.

Written here rather than taken from tqdm: it needs about forty lines, and
one dependency fewer is one install fewer for every CI job. Nothing is drawn
when stderr is piped or when ``CI`` is set, so logs stay clean.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


def wanted(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("CI")


class Bar:
    """``bar.update(n)`` as work finishes; ``bar.close()`` clears the line."""

    WIDTH = 30
    EVERY = 0.1  # seconds between redraws: drawing per document would cost more than it shows

    def __init__(self, total: int, label: str = "archive", enabled: bool | None = None,
                 stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = wanted(self.stream) if enabled is None else enabled
        self.total, self.label, self.done = max(total, 0), label, 0
        self.start = self.last = time.monotonic()

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and (now - self.last >= self.EVERY or self.done >= self.total):
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        fraction = min(self.done / self.total, 1.0) if self.total else 1.0
        filled = int(fraction * self.WIDTH)
        rate = self.done / max(now - self.start, 1e-9)
        eta = (self.total - self.done) / rate if rate else 0.0
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] "
                          f"{self.done}/{self.total} {rate:,.0f}/s eta {eta:.0f}s\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
