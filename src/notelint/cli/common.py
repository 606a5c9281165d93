"""What every command shares: exit codes, the output and input options, where the report goes."""
from __future__ import annotations

import os
import stat
import sys
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    import argparse
    from typing import Sequence

from ..reading.source import SourceError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A mistake in how notelint was called: one line on stderr, exit code 2."""


def add_output_options(parser: argparse.ArgumentParser, formats: Sequence[str], default: str) -> None:
    """--output-format (alias --format), -o/--output-file and --color, the same for every command."""
    parser.add_argument("--output-format", "--format", dest="output_format", choices=list(formats), default=default,
                        help=f"output format (default: {default})")
    parser.add_argument("-o", "--output-file", dest="output_file", metavar="PATH",
                        help="write the report to PATH instead of standard output")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour in terminal output (default: auto; NO_COLOR is honoured)")


def add_input_options(parser: argparse.ArgumentParser, corpus: bool = False) -> None:
    """`corpus`: the command also reads corpus files (jsonl, csv, parquet: one article per row)."""
    formats = ("text", "markdown", "html") + (("jsonl", "csv", "parquet") if corpus else ())
    parser.add_argument("--input-format", choices=formats,
                        help="read every file in this format instead of choosing by extension")
    parser.add_argument("--max-file-size", type=int, default=None, metavar="BYTES",
                        help="refuse files larger than this (default: 16 MiB; 0 for no limit)")


class OutputError(Exception):
    """The report could not be written (a closed standard output, a full disk): one line, exit code 2."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: error: cannot write output: {reason}")


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


class _GuardedStdout:
    """Standard output as the commands write to it. A reader that leaves (`notelint check | head -1`) ends
    the output quietly, and the run still returns the exit code it earned (with `pipefail`, CI must not go
    green because the reader stopped early); any other write error (a full disk) is an OutputError."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.reader_left = False

    def write(self, text: str) -> int:
        if self._stream is None:
            if text:
                raise OutputError("<stdout>", "standard output is closed")
            return 0
        if self.reader_left:
            return len(text)
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._discard()
            return len(text)
        except OSError as exc:
            self._abandon()
            raise OutputError("<stdout>", _reason(exc)) from None

    def flush(self) -> None:
        if self._stream is None or self.reader_left:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._discard()
        except OSError as exc:
            self._abandon()
            raise OutputError("<stdout>", _reason(exc)) from None

    def isatty(self) -> bool:
        return self._stream is not None and not self.reader_left and self._stream.isatty()

    def close(self) -> None:  # standard output stays open for the interpreter to flush
        pass

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def _discard(self) -> None:
        # What is still buffered goes to /dev/null, so Python's own flush at exit has nothing to complain of.
        self.reader_left = True
        silence_stdout()

    def _abandon(self) -> None:
        silence_stdout()


def silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


class _AtomicOutput:
    """A report written to -o: into a temporary file beside the target, renamed over it only when the
    command finishes; an interrupted or failed run leaves the target as it was. A target that is not a
    regular file (a device, a FIFO, /dev/stdout) is written in place: it cannot be renamed over."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.target = os.path.realpath(path)  # a symlinked -o updates the file it points to
        self.tmp: str | None = None
        try:
            st = os.stat(self.target)
        except FileNotFoundError:
            st = None
        except OSError as exc:
            raise OutputError(path, _reason(exc)) from None
        try:
            if st is not None and not stat.S_ISREG(st.st_mode):
                if stat.S_ISDIR(st.st_mode):
                    raise OutputError(path, "is a directory")
                self._stream = open(self.target, "w", encoding="utf-8", newline="")
                return
            import tempfile

            directory, name = os.path.split(self.target)
            fd, self.tmp = tempfile.mkstemp(dir=directory or ".", prefix=f".{name}.", suffix=".tmp")
            if st is not None:
                os.chmod(self.tmp, stat.S_IMODE(st.st_mode))
            else:  # as open() would have made it: the umask applies
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self.tmp, 0o666 & ~umask)
            self._stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
        except OSError as exc:
            self._remove_tmp()
            raise OutputError(path, _reason(exc)) from None

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise OutputError(self.path, _reason(exc)) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputError(self.path, _reason(exc)) from None

    def isatty(self) -> bool:
        return False

    def close(self) -> None:  # committed (or discarded) by main() once the command has finished
        pass

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def commit(self) -> None:
        try:
            self._stream.close()
            if self.tmp is not None:
                os.replace(self.tmp, self.target)
                self.tmp = None
        except OSError as exc:
            self.discard()
            raise OutputError(self.path, _reason(exc)) from None

    def discard(self) -> None:
        try:
            self._stream.close()
        except OSError:
            pass
        self._remove_tmp()

    def _remove_tmp(self) -> None:
        if self.tmp is not None:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None


def input_paths(args: argparse.Namespace) -> list[str]:
    """Every file a command reads, as named on its command line (articles, configuration, style rules)."""
    named: list[str] = []
    for attr in ("files", "paths", "original", "republished", "path", "config"):
        value = getattr(args, attr, None)
        if isinstance(value, str):
            named.append(value)
        elif isinstance(value, list):
            named.extend(v for v in value if isinstance(v, str))
    named.extend(getattr(args, "style_rules", None) or ())
    return [p for p in named if p != "-"]


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output_is_not_an_input(args: argparse.Namespace, inputs=()) -> None:
    """-o naming a file the command reads would replace the article (or configuration) with the report."""
    output = getattr(args, "output_file", None)
    if not output or not os.path.exists(output):
        return
    for path in list(inputs) or input_paths(args):
        if same_file(path, output):
            raise UsageError(f"-o/--output-file {output} is also an input file; the report would replace it")


def open_output(args: argparse.Namespace):
    """Where a command writes its report: -o/--output-file, else standard output. main() finishes it."""
    out = getattr(args, "_output", None)
    if out is not None:
        return out
    if getattr(args, "output_file", None):
        out = _AtomicOutput(args.output_file)
    else:
        out = _GuardedStdout(sys.stdout)
    args._output = out
    return out


def finish_output(args: argparse.Namespace, completed: bool) -> None:
    out = getattr(args, "_output", None)
    if isinstance(out, _AtomicOutput):
        if completed:
            out.commit()
        else:
            out.discard()
    elif isinstance(out, _GuardedStdout) and completed:
        out.flush()


def findings_exit_code(findings, fail_on: str, exit_zero: bool = False) -> int:
    """1 when a finding reaches the fail level (unless --exit-zero), else 0. Never a count."""
    from ..linting.findings import SEVERITY_RANK

    if exit_zero:
        return EXIT_OK
    threshold = SEVERITY_RANK[fail_on]
    return EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= threshold for f in findings) else EXIT_OK


def use_color(args: argparse.Namespace, stream) -> bool:
    if getattr(args, "color", "auto") == "always":
        return True
    if getattr(args, "color", "auto") == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def add_runner_options(parser: argparse.ArgumentParser) -> None:
    """`--jobs`, `--no-cache`, `--cache-dir` for commands that check many files."""
    parser.add_argument("-j", "--jobs", type=positive_int, default=None, metavar="N",
                        help="worker processes (default: the number of cores)")
    parser.add_argument("--no-cache", dest="use_cache", action="store_false",
                        help="neither read nor write the result cache")
    parser.add_argument("--cache-dir", metavar="DIR", default=None,
                        help="where the result cache lives (default: $NOTELINT_CACHE_DIR or ./.notelint_cache)")


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    import argparse  # only to say what is wrong, which argparse prints

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
