"""Inert text: anything that came from the answer, made safe to print to a terminal or to put in JSON.

An exception's message or type name, a source line, printed output, a file name or a dict key is the
answer's to choose, so it may hold terminal control sequences (ESC, CR, backspace), BIDI overrides
that reorder what is shown, lone surrogates that cannot be encoded, or a line of megabytes. :func:`inert`
turns such text into plain printable characters, escaping the rest the way Python's repr does
(``\\x1b``, ``\\u202e``, ``\\ud800``) and capping every line.
"""

from __future__ import annotations

import os
import unicodedata

LINE_LIMIT = 300
MAX_LINES = 60
# Control, format (BIDI overrides, zero-width marks), surrogate, private-use and unassigned characters,
# and the Unicode line and paragraph separators: none of them is shown as itself.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _inert_line(line: str, limit: int) -> str:
    cut = len(line) > limit
    line = line[:limit]  # before escaping, so a megabyte line costs no more than a short one
    if not line.isprintable():
        line = "".join(c if c == "\t" or unicodedata.category(c) not in _ESCAPED_CATEGORIES else _escape(c)
                       for c in line)
    if len(line) > limit:
        line, cut = line[:limit], True
    return line + "…" if cut else line


def inert(text, *, keep_newlines: bool = False, limit: int = LINE_LIMIT, max_lines: int = MAX_LINES) -> str:
    """Text safe to show: printable characters only, every line at most ``limit`` characters.

    Inputs: text, any value (not a str: its type name is shown instead, never its repr, which could fail);
    keep_newlines, whether newlines stay line breaks (printed output, a long message) or are escaped
    (a type name, a source line); max_lines, how many lines are kept (the first ones).
    Output: a str with no control character but tab (and newline with keep_newlines), and no lone surrogate.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        return f"<{type(text).__name__}>"
    if text.isprintable() and len(text) <= limit:
        return text
    if not keep_newlines:
        return _inert_line(text, limit)
    lines = text.split("\n", max_lines)  # never more than max_lines + 1 pieces, however long the text
    kept = [_inert_line(line, limit) for line in lines[:max_lines]]
    if len(lines) > max_lines:
        kept.append(f"… ({lines[max_lines].count(chr(10)) + 1} more lines)")
    return "\n".join(kept)


def display_path(path: str) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    if not path:
        return ""
    try:
        real, here = os.path.realpath(path), os.getcwd()
    except (OSError, ValueError):  # the current folder is gone; a name with a NUL in it
        return str(path)
    return os.path.relpath(real, here) if real.startswith(here.rstrip(os.sep) + os.sep) else str(path)
