from .. import catalog, progress, workspace
from ..report import display_path, make_console

HELP = "Copy a kata's stub into your workspace and print its path."


def add_arguments(parser) -> None:
    parser.add_argument("name", help="the kata, e.g. relu_backward")


def run(args) -> int:
    kata = catalog.get(args.name)
    console = make_console()
    path = workspace.attempt_path(kata)
    if path.exists():
        console.print(f"You already started {kata.name}: {display_path(str(path))}\n"
                      f"[dim]Edit it and run kata check {kata.name}; kata reset {kata.name} archives it "
                      f"and gives you a fresh stub.[/]", highlight=False)
        return 1
    path, _ = workspace.write_attempt(kata, workspace.pristine_stub(kata))
    progress.open_round(kata.name, "start")
    console.print(f"{display_path(str(path))}", highlight=False, markup=False)
    console.print(f"[dim]Edit it, then: kata check {kata.name}  ·  kata show {kata.name} for the task[/]",
                  highlight=False)
    return 0
