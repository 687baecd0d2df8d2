"""The `kata` command: one module per subcommand under checker/commands/.

Exit codes (a contract): 0 passed / done; 1 the check failed or the action was refused;
2 usage error (unknown kata, missing file); 3 an internal error of ours.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from . import __version__

# The order of `kata --help`; any other module of checker/commands/ follows, alphabetically, so adding a
# command is adding its module.
FIRST_COMMANDS = ("list", "show", "start", "check", "hint", "solution", "reset")


def command_names() -> list[str]:
    from . import commands

    found = sorted(name[:-3] for folder in commands.__path__ for name in os.listdir(folder)
                   if name.endswith(".py") and not name.startswith("_"))
    return [n for n in FIRST_COMMANDS if n in found] + [n for n in found if n not in FIRST_COMMANDS]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class UsageError(Exception):
    """A mistake in how the command was called: printed as one line, exit 2."""


# Commands that run a check: the warm process that forks its child starts before anything else is imported.
WARM_COMMANDS = ("check", "watch")


def _invoked_command(argv: list[str]) -> str | None:
    """The subcommand named in argv (the first word that is not an option), if it is one of ours."""
    first = next((word for word in argv if not word.startswith("-")), None)
    return first if first in command_names() else None


class _Formatter(argparse.HelpFormatter):
    """argparse's own, with the terminal's width from os: argparse asks shutil, which loads its compression
    modules, on every argument added."""

    def __init__(self, prog, **kwargs):
        if kwargs.get("width") is None:
            try:
                columns = int(os.environ.get("COLUMNS", "")) or os.get_terminal_size(sys.stdout.fileno()).columns
            except (ValueError, OSError, AttributeError):
                columns = 80
            kwargs["width"] = max(columns, 40) - 2
        super().__init__(prog, **kwargs)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (only=NAME) one with that subcommand alone: a command imports what it uses."""
    parser = argparse.ArgumentParser(
        prog="kata",
        description="Practice writing backward passes in numpy; a checker that explains what is wrong.",
        epilog="Start with: kata list, then kata start NAME, edit the file, kata check NAME.",
        formatter_class=_Formatter)
    parser.add_argument("--version", action="version", version=f"kata {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in [only] if only else command_names():
        module = importlib.import_module(f"checker.commands.{name}")
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP, formatter_class=_Formatter)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


class _ErrorConsole:
    """The stderr console, made on the first message: a command that succeeds never imports rich for it."""

    def print(self, *args, **kwargs) -> None:
        from .report import make_console

        make_console(stderr=True).print(*args, **kwargs)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = _invoked_command(argv)
    ahead = None
    if command in WARM_COMMANDS:
        from . import warm

        if command == "check" and not {"--json", "--all"} & set(argv):
            from . import report_ahead

            ahead = report_ahead.start()  # rich loads on the other core while numpy loads here
        warm.start(fork_self=True)  # forked once numpy is in: the child is ready when the inputs are drawn
    parser = build_parser(command)
    args = parser.parse_args(argv)  # argparse exits 2 on bad usage
    args.report_ahead = ahead
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USAGE
    from .catalog import UnknownKata

    err = _ErrorConsole()
    try:
        return args.run(args)
    except UnknownKata as exc:
        hint = f" Did you mean: {', '.join(exc.suggestions)}?" if exc.suggestions else " See kata list."
        err.print(f"kata: no kata named '{exc.name}'.{hint}", markup=False, highlight=False)
        return EXIT_USAGE
    except UsageError as exc:
        from .text import inert  # a message may quote what was typed: a path with escape sequences in it

        err.print(f"kata: {inert(str(exc))}", markup=False, highlight=False)
        return EXIT_USAGE
    except OSError as exc:
        # The workspace cannot be read or written (permissions, a full disk): not a bug of ours.
        err.print(f"kata: {exc.strerror or exc}: {exc.filename or ''} (KATA_HOME sets where your attempts live)",
                  markup=False, highlight=False)
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.print("kata: interrupted", markup=False)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception:
        err.print("kata: internal error — this is a bug in kata, not in your code. Please report it with the "
                  "text below.", markup=False)
        import traceback

        err.print(traceback.format_exc(), markup=False, highlight=False)
        return EXIT_INTERNAL


def entry_point() -> None:
    code = main()
    if _invoked_command(sys.argv[1:]) in WARM_COMMANDS:
        _exit_without_teardown(code)
    sys.exit(code)


def _exit_without_teardown(code: int) -> None:
    """Ends the process without the interpreter's teardown of every module (with numpy and rich loaded, a
    fifth of a check's time). What must happen at exit happens first: the atexit handlers (temporary
    directories, the warm process) and the output flushed."""
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
