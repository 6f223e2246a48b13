"""Runs of Chinese inside English text, so that they can be marked as Chinese (`lang="zh"`)."""

from __future__ import annotations

import re

_HAN = "\u3400-\u9fff"
_CHINESE_PUNCTUATION = "\u3000-\u303f\uff01-\uff5e"
CHINESE = re.compile(f"[{_HAN}]")
"""A Chinese character (CJK Unified Ideographs and their extension A)."""
CHINESE_RUN = re.compile(
    f"[{_HAN}](?:[{_HAN}{_CHINESE_PUNCTUATION}0-9.,%+ ]*[{_HAN}{_CHINESE_PUNCTUATION}])?"
)
"""A run of Chinese: from a Chinese character to the last Chinese character or punctuation mark
before anything else, with the digits, spaces and signs between them ('每天7.47亿')."""


def chinese_runs(text: str) -> list[str]:
    """`text` cut into its runs of Chinese and what lies between them, in order, none empty."""
    return cut_at(CHINESE_RUN, text)


def cut_at(pattern: re.Pattern[str], text: str) -> list[str]:
    """`text` cut into the matches of `pattern` and what lies between them, in order, none
    empty."""
    parts, start = [], 0
    for match in pattern.finditer(text):
        parts += [text[start : match.start()], match.group()]
        start = match.end()
    return [part for part in [*parts, text[start:]] if part]
