"""Build coursekit's Chinese chart font (maintainers only; students never run this).

Why a subset: matplotlib has no Chinese glyphs of its own, and the only PyPI
package that carries a free CJK font (mplfonts) is an 85 MB wheel with six
fonts, one of them (SimHei) not freely licensed. coursekit ships one file
instead: Noto Sans CJK SC Regular (SIL Open Font License 1.1), cut down to
Latin, common symbols, CJK punctuation, full-width forms and every CJK Unified
Ideograph in U+4E00-U+9FFF (all hanzi that GBK can encode), about 11 MB.

Usage (needs network access to PyPI and ``pip install fonttools==4.68.0``)::

    python tools/make_font.py

The output is byte-for-byte reproducible for the same fontTools version.
"""

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE_WHEEL = "mplfonts==0.0.11"
SOURCE_MEMBER = "mplfonts/fonts/NotoSansCJKsc-Regular.otf"
OUT = Path(__file__).resolve().parents[1] / "coursekit" / "fonts" / "NotoSansCJKsc-Regular-subset.otf"

RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x017F),  # Latin-1, Latin Extended-A
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency symbols (¥ € ...)
    (0x2100, 0x22FF),  # Letter-like symbols, arrows, math operators
    (0x2460, 0x24FF),  # Enclosed numbers ① ②
    (0x2500, 0x26FF),  # Box drawing, shapes, misc symbols
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3200, 0x33FF),  # Enclosed CJK, CJK compatibility (㎡ ...)
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # Half-width and full-width forms
]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", SOURCE_WHEEL, "-d", tmp],
            check=True,
        )
        wheel = next(Path(tmp).glob("mplfonts-*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            src = Path(tmp) / "source.otf"
            src.write_bytes(zf.read(SOURCE_MEMBER))
        font = TTFont(src, recalcTimestamp=False)
        cmap = font.getBestCmap()
        wanted = [c for lo, hi in RANGES for c in range(lo, hi + 1) if c in cmap]
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=wanted)
        subsetter.subset(font)
        font.save(OUT)
    digest = hashlib.sha256(OUT.read_bytes()).hexdigest()
    print(f"{OUT.name}: {len(wanted)} characters, {OUT.stat().st_size:,} bytes, sha256 {digest}")


if __name__ == "__main__":
    main()
