from rich.text import Text

from .. import catalog, progress
from ..report import make_console
from . import interview

HELP = "Show the next hint for a kata (they get stronger each time); --all for every hint."


def add_arguments(parser) -> None:
    parser.add_argument("name", help="the kata, e.g. relu_backward")
    parser.add_argument("--all", action="store_true", help="show every hint at once")


def run(args) -> int:
    kata = catalog.get(args.name)
    console = make_console()
    if interview.forbids(kata.name):
        console.print("No hints during the interview: kata interview --stop ends it.", highlight=False)
        return 1
    hints = kata.hints
    if args.all:
        for number, hint in enumerate(hints, start=1):
            console.print(Text(f"hint {number}/{len(hints)}: ", style="bold") + Text(hint))
        return 0
    index = min(progress.next_hint_index(kata.name), len(hints) - 1)
    console.print(Text(f"hint {index + 1}/{len(hints)}: ", style="bold") + Text(hints[index]))
    if index == len(hints) - 1:
        console.print(Text(f"That was the last hint. kata solution {kata.name} shows the reference.", style="dim"))
    else:
        console.print(Text(f"kata hint {kata.name} again for a stronger one.", style="dim"))
    return 0
