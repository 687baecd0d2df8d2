import os
import shlex
import subprocess

from .. import catalog, progress, workspace
from ..cli import UsageError
from ..report import display_path, make_console

HELP = "Open your attempt in $VISUAL or $EDITOR (starting the kata if need be), or print its path."


def add_arguments(parser) -> None:
    parser.add_argument("name", help="the kata, e.g. relu_backward")
    parser.add_argument("--path", action="store_true", help="only print the path, open no editor")


def run(args) -> int:
    kata = catalog.get(args.name)
    path = workspace.attempt_path(kata)
    if not path.exists():
        path, _ = workspace.write_attempt(kata, workspace.pristine_stub(kata))
        progress.open_round(kata.name, "start")
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if args.path or not editor:
        make_console().print(display_path(str(path)), markup=False, highlight=False)
        return 0
    try:
        done = subprocess.run([*shlex.split(editor), str(path)])
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot run the editor {editor!r} ($VISUAL/$EDITOR): {exc}") from None
    return 0 if done.returncode == 0 else 1
