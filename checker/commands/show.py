from rich.panel import Panel
from rich.syntax import Syntax
from rich.text import Text

from .. import catalog
from ..report import make_console

HELP = "Show a kata's task statement and the signatures to write."


def add_arguments(parser) -> None:
    parser.add_argument("name", help="the kata, e.g. relu_backward")


def run(args) -> int:
    kata = catalog.get(args.name)
    console = make_console()
    title = f"{kata.name} · {kata.topic} · {kata.difficulty} · {kata.source}"
    console.print(Panel(Text(catalog.task_statement(kata)), title=title, title_align="left"))
    for signature, doc in catalog.signatures(kata):
        code = signature + ":\n" + "".join(f"    {line}\n" for line in ('"""', *doc.splitlines(), '"""'))
        console.print(Syntax(code, "python", theme="ansi_dark", background_color="default"))
    console.print(Text(f"kata start {kata.name} to get your copy of the stub", style="dim"))
    return 0
