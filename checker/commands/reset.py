from .. import catalog, progress, workspace
from ..report import display_path, make_console

HELP = "Archive your current attempt (timestamped) and restore the pristine stub."


def add_arguments(parser) -> None:
    parser.add_argument("name", help="the kata, e.g. relu_backward")


def run(args) -> int:
    kata = catalog.get(args.name)
    console = make_console()
    path, archived = workspace.write_attempt(kata, workspace.pristine_stub(kata))
    progress.open_round(kata.name, "reset")  # after a pass, a new round; before one, the same round goes on
    if archived:
        console.print(f"Archived your attempt to {display_path(str(archived))}", highlight=False, markup=False)
    console.print(f"Fresh stub: {display_path(str(path))}", highlight=False, markup=False)
    return 0
