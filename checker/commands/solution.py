import sys

from rich.syntax import Syntax

from .. import catalog, progress
from ..report import make_console
from . import interview

HELP = "Print the reference solution (asks first if you have not passed the kata)."


def add_arguments(parser) -> None:
    parser.add_argument("name", help="the kata, e.g. relu_backward")
    parser.add_argument("--yes", "-y", action="store_true", help="show it without asking")


def run(args) -> int:
    kata = catalog.get(args.name)
    console = make_console()
    if interview.forbids(kata.name):
        console.print("No solution during the interview: kata interview --stop ends it.", highlight=False)
        return 1
    if not args.yes and not progress.has_passed(kata.name):
        if not sys.stdin.isatty():
            console.print(f"You have not passed {kata.name} yet; add --yes to see the reference anyway.",
                          highlight=False)
            return 1
        answer = console.input(f"You have not passed {kata.name} yet. Show the reference solution? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            console.print("Not shown. kata hint " + kata.name + " gives a nudge instead.", highlight=False)
            return 1
    source = catalog.solution_path(kata).read_text(encoding="utf-8")
    progress.reveal_solution(kata.name)
    console.print(Syntax(source, "python", theme="ansi_dark", background_color="default", line_numbers=False))
    return 0
