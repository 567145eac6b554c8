"""Draw packaging/dvdesk.ico (the program's and the installer's icon) with Pillow.

A yellow five-pointed star on a red square with rounded corners: readable at 16 px, and the
colours of the Party's flag. Run again after changing the drawing; the .ico is committed.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "packaging" / "dvdesk.ico"
RED = (204, 0, 0, 255)
YELLOW = (255, 221, 0, 255)
SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def star(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    inner = outer * 0.382
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=RED)
    pen.polygon(star(size / 2, size * 0.53, size * 0.40), fill=YELLOW)
    return image


def main() -> None:
    draw().save(OUT, sizes=SIZES)
    print(OUT, OUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
