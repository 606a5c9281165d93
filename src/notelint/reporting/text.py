"""The terminal formats: `full` (each finding with its excerpt) and `concise` (one line per finding)."""
from __future__ import annotations

import codecs
import operator
import re
from array import array
from collections import Counter
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import IO, Mapping, Sequence

from ..linting.findings import SEVERITY_RANK, Finding

_SEVERITY, _PATH = operator.attrgetter("severity"), operator.attrgetter("path")


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def summary_line(findings: Sequence[Finding], errors: Sequence = (), files: int | None = None,
                 selected: int | None = None) -> str:
    """The last line of a text report. A run with inputs that failed, or that checked nothing, says what
    was checked and what failed instead of "All checks passed."."""
    if files == 0:
        return "Nothing checked: no article files found (0 files)."
    if selected == 0:
        return f"Nothing checked: no rule is selected (0 rules, {_plural(files or 0, 'file')})."
    if errors:
        failed = len({getattr(e, "path", e) for e in errors})
        with_findings = len(set(map(_PATH, findings)))
        checked = max((files or 0) - failed, 0)
        found = summary_line(findings).rstrip(".") + "; " if findings else "No findings; "
        return (f"{found}{_plural(checked, 'file')} checked, {with_findings} with findings, "
                f"{failed} failed (see the errors above).")
    if not findings:
        return "All checks passed."
    counts = Counter(map(_SEVERITY, findings))  # map and attrgetter: C loops over tens of thousands
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
    files = len(set(map(_PATH, findings)))
    noun = "finding" if len(findings) == 1 else "findings"
    return f"Found {len(findings)} {noun} ({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}."


def statistics_rows(findings: Sequence[Finding]) -> list[tuple[int, str, str, str]]:
    """(count, code, name, severity), most frequent first, then by code."""
    counts = Counter((f.code, f.name, f.severity) for f in findings)
    return sorted(((n, code, name, sev) for (code, name, sev), n in counts.items()), key=lambda r: (-r[0], r[1]))


def _write_statistics(findings: Sequence[Finding], out: IO[str]) -> None:
    for count, code, name, severity in statistics_rows(findings):
        out.write(f"{count:>6}  {code:<7} {name:<32} {severity}\n")


# --- concise --------------------------------------------------------------------------------------

def write_concise(findings: Sequence[Finding], out: IO[str], *, statistics: bool = False, quiet: bool = False,
                  errors: Sequence = (), files: int | None = None, selected: int | None = None, **_) -> None:
    for f in findings:
        out.write(f"{f.path}:{f.line}:{f.col}: {f.code} {f.message}\n")
    if statistics:
        _write_statistics(findings, out)
    if not quiet:
        out.write(summary_line(findings, errors, files, selected) + "\n")


# --- full -----------------------------------------------------------------------------------------

_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}


def _source_lines(path: str, sources: Mapping[str, str] | None, cache: dict) -> "list[str] | _Lines | None":
    """The lines of the file a finding is in, for its excerpt. Findings come file by file, so only the
    current file's are kept: a report over many files (or one large one) does not hold them all."""
    if path not in cache:
        cache.clear()
        text = (sources or {}).get(path)
        lines = None
        if text is not None:
            lines = _split(text[1:] if text.startswith("\ufeff") else text)
        elif path not in ("-", ""):
            try:
                lines = _file_lines(path)
            except Exception:  # the file changed or vanished since it was linted: show no excerpt
                lines = None
        cache[path] = lines
    return cache[path]


_UTF8_BOM, _UTF16_BOMS = b"\xef\xbb\xbf", (b"\xff\xfe", b"\xfe\xff")


def _file_lines(path: str) -> "list[str] | _Lines | None":
    """A file's lines as its decoded text (a leading BOM character dropped) would split, kept as its
    UTF-8 bytes: half the size of the decoded text of an article with curly quotes, and never both at
    once. A file `decode` would refuse (binary, invalid UTF-8) gives none."""
    from ..reading.source import decode, read_bytes

    data = read_bytes(path)
    if len(data) < _SPLIT_BELOW or data.startswith(_UTF16_BOMS):  # UTF-16 (rare): decoded whole too
        text = decode(data, path)
        return _split(text[1:] if text.startswith("\ufeff") else text)
    start = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    if not start and data.find(b"\x00") != -1:
        return None  # decode refuses a file with a NUL byte (one with a BOM it reads)
    # Validated as decode does (UnicodeDecodeError: no excerpt), a megabyte at a time.
    view, decoder = memoryview(data), codecs.getincrementaldecoder("utf-8")()
    for pos in range(start, len(data), _VALIDATE_CHUNK):
        decoder.decode(view[pos:pos + _VALIDATE_CHUNK])
    decoder.decode(b"", final=True)
    if data.startswith(_UTF8_BOM, start):  # a BOM character opening the decoded text is dropped too
        start += len(_UTF8_BOM)
    return _Lines(data, start)


def _split(text: str) -> "list[str] | _Lines":
    """A text's lines: split when small (splitlines in C is the fastest), else located (_Lines)."""
    return text.splitlines() if len(text) < _SPLIT_BELOW else _Lines(text)


# Below this size (bytes or characters) a file's lines are split into a list: ~13 µs a Reuters story,
# against ~60 µs to validate its bytes and locate its lines in Python; above it, the list would cost
# more memory than the file.
_SPLIT_BELOW = 1 << 20
_VALIDATE_CHUNK = 1 << 20
# Where str.splitlines() breaks a text (the excerpts' lines have always been its lines), and the same
# characters in UTF-8 (in valid UTF-8, these bytes are those characters and nothing else).
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_UTF8_LINE_BREAK = re.compile(rb"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e]|\xc2\x85|\xe2\x80[\xa8\xa9]")


class _Lines:
    """A text's lines as str.splitlines() gives them, without splitting it: the text (a str, or valid
    UTF-8 from `start`) and where each line starts and ends. Splitting held a string per line besides
    the text; an excerpt needs a few of them."""

    def __init__(self, text: str | bytes, start: int = 0) -> None:
        self.text = text
        self.starts, self.ends = array("q", [start]), array("q")
        start_line, end_line = self.starts.append, self.ends.append
        for match in (_UTF8_LINE_BREAK if isinstance(text, bytes) else _LINE_BREAK).finditer(text, start):
            end_line(match.start())
            start_line(match.end())
        end_line(len(text))
        if self.starts[-1] == len(text):  # a final line break ends the last line; no empty line after it
            self.starts.pop()
            self.ends.pop()

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> str:
        line = self.text[self.starts[index]:self.ends[index]]
        return line.decode("utf-8") if isinstance(line, bytes) else line


def _excerpt(f: Finding, lines: "list[str] | _Lines | None") -> tuple[str, int, int] | None:
    """The finding's first line (tabs as spaces, long lines cut around the span) and the underline columns."""
    if not lines or f.line > len(lines):
        return None
    line = lines[f.line - 1].replace("\t", " ")
    start = f.col - 1
    end = f.end_col - 1 if f.end_line == f.line else len(line)
    end = max(end, start + 1)
    width = 100
    offset = 0
    if len(line) > width:
        offset = max(0, min(start - 20, len(line) - width))
        line = ("…" if offset else "") + line[offset:offset + width] + ("…" if offset + width < len(line) else "")
        shift = offset - (1 if offset else 0)
        start, end = start - shift, min(end - shift, len(line))
    return line, start, end


# The summary line's styles as rich renders them on a terminal that takes colour: "bold green" when nothing
# was found, "bold" when an input failed (its standard colours are the same codes in every colour system).
_SUMMARY_ANSI = {False: "\x1b[1;32m", True: "\x1b[1m"}


def _plain_ansi_terminal() -> bool:
    """Whether rich would style its output with plain ANSI codes: not on Windows (its console API), not a
    TERM rich calls dumb (no styles at all), not NO_COLOR (bold without colour), not inside IPython."""
    import builtins
    import os

    return (os.name == "posix" and os.environ.get("TERM", "").lower() not in ("dumb", "unknown")
            and os.environ.get("NO_COLOR", "") == "" and not hasattr(builtins, "get_ipython"))


def write_full(findings: Sequence[Finding], out: IO[str], *, rules: Sequence = (), color: bool = False,
               statistics: bool = False, quiet: bool = False, sources: Mapping[str, str] | None = None,
               errors: Sequence = (), files: int | None = None, selected: int | None = None, **_) -> None:
    by_code = {r.code: r for r in rules or ()}
    cache: dict = {}
    if color and not findings and _plain_ansi_terminal():
        # A clean run's one coloured line (a pre-commit hook's usual output) is written as the escape
        # codes rich writes for it, without importing rich (tens of milliseconds) for a single line.
        if statistics:
            _write_statistics(findings, out)
        if not quiet:
            out.write(f"{_SUMMARY_ANSI[bool(errors)]}{summary_line(findings, errors, files, selected)}\x1b[0m\n")
        return
    if color:
        from rich.console import Console  # imported only when colouring for a terminal: keeps start-up fast
        from rich.text import Text

        console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True)
    for f in findings:
        rule = by_code.get(f.code)
        excerpt = _excerpt(f, _source_lines(f.path, sources, cache))
        gutter = len(str(f.line))
        head = f"{f.path}:{f.line}:{f.col}: {f.code} [{f.severity}] {f.message}"
        help_line = f"help: {rule.summary}; see `notelint rule {f.code}`" if rule else ""
        if color:
            text = Text()
            text.append(f"{f.path}:{f.line}:{f.col}: ", style="bold")
            text.append(f"{f.code} ", style=_SEVERITY_STYLE.get(f.severity, "bold"))
            text.append(f"[{f.severity}] ", style=_SEVERITY_STYLE.get(f.severity, ""))
            text.append(f"{f.message} ")
            text.append(f"({f.name})", style="dim")
            console.print(text)
            if excerpt:
                line, a, b = excerpt
                console.print(Text(f"{' ' * gutter} |", style="blue"))
                body = Text(f"{f.line} | ", style="blue")
                body.append(line[:a])
                body.append(line[a:b], style=_SEVERITY_STYLE.get(f.severity, "bold"))
                body.append(line[b:])
                console.print(body)
                console.print(Text(f"{' ' * gutter} | ", style="blue") + Text(" " * a + "^" * (b - a),
                                                                               style=_SEVERITY_STYLE.get(f.severity)))
            if help_line:
                console.print(Text(f"{' ' * gutter} = {help_line}", style="dim"))
            console.print()
        else:
            out.write(f"{head} ({f.name})\n")
            if excerpt:
                line, a, b = excerpt
                out.write(f"{' ' * gutter} |\n{f.line} | {line}\n{' ' * gutter} | {' ' * a}{'^' * (b - a)}\n")
            if help_line:
                out.write(f"{' ' * gutter} = {help_line}\n")
            out.write("\n")
    if statistics:
        _write_statistics(findings, out)
    if not quiet:
        line = summary_line(findings, errors, files, selected)
        if color:
            worst = max((SEVERITY_RANK[f.severity] for f in findings), default=2 if errors else -1)
            console.print(Text(line, style="bold green" if worst < 0 else "bold"))
        else:
            out.write(line + "\n")
