"""Draw the manifest's two icons (192x192 colour, 32x32 white outline on transparent) without
an imaging library, so they can be regenerated anywhere: two speech bubbles."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path


def png(width: int, height: int, pixel) -> bytes:  # noqa: ANN001
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def bubbles(x: float, y: float) -> int:
    """0 outside, 1 first bubble, 2 second bubble (coordinates in a unit square)."""
    if ((x - 0.40) / 0.28) ** 2 + ((y - 0.40) / 0.22) ** 2 <= 1 or (0.22 < x < 0.32 and 0.55 < y < 0.72 and y - 0.55 < (0.32 - x) * 1.7):
        return 1
    if ((x - 0.62) / 0.26) ** 2 + ((y - 0.62) / 0.20) ** 2 <= 1:
        return 2
    return 0


def main() -> None:
    out = Path(__file__).resolve().parent.parent / "manifest"
    teal, white, sand = (31, 111, 92, 255), (255, 255, 255, 255), (242, 201, 120, 255)
    colour = {0: teal, 1: white, 2: sand}
    (out / "color.png").write_bytes(png(192, 192, lambda x, y: colour[bubbles(x / 192, y / 192)]))
    (out / "outline.png").write_bytes(png(32, 32, lambda x, y: white if bubbles(x / 32, y / 32) else (0, 0, 0, 0)))


if __name__ == "__main__":
    main()
