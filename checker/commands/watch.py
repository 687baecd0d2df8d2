import os
import random
import select
import sys
import termios
import threading
import tty
from pathlib import Path
from types import SimpleNamespace

from rich.text import Text

from .. import catalog, progress, scheduling, workspace
from ..report import display_path, make_console
from . import check, interview, next as next_command, show

HELP = ("Re-check your attempt on every save and redraw the report. Keys: h next hint, s the task, n next kata, "
        "r reset, q quit. Without NAME, follows kata next and moves on when you pass.")
KEYS = "h hint · s task · n next kata · r reset · q quit"


def add_arguments(parser) -> None:
    parser.add_argument("name", nargs="?", help="the kata (default: what kata next proposes)")
    parser.add_argument("--manual", action="store_true",
                        help="Enter re-checks, for where file events do not arrive (network filesystems, "
                             "some containers); keys are typed then Enter")
    # Read as text and checked in run(), as kata check does: a bad value is one line of ours.
    parser.add_argument("--seed", help="seed of the random inputs (default: a new one per check)")
    parser.add_argument("--timeout", metavar="S", help="seconds your code may run (default 10)")
    parser.add_argument("--memory", metavar="SIZE", help="memory your code may use: 512M, 4G, ... (default 2G)")


class Keyboard:
    """Single keys from a terminal in cbreak mode (restored on exit, Ctrl-C included), else lines."""

    def __init__(self, manual: bool):
        self.fd = sys.stdin.fileno()
        self.raw = not manual and os.isatty(self.fd)
        self.saved = None
        self.open = True

    def __enter__(self):
        if self.raw:
            self.saved = termios.tcgetattr(self.fd)
            tty.setcbreak(self.fd)  # keys arrive one by one, unechoed; Ctrl-C still interrupts
        return self

    def __exit__(self, *exc_info):
        if self.saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)

    def read(self, timeout: float) -> str | None:
        """A key ("\\n" for Enter), or None if none came within ``timeout`` seconds."""
        if not self.open:
            threading.Event().wait(timeout)
            return None
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        data = os.read(self.fd, 1 if self.raw else 1024).decode(errors="replace")
        if not data:
            self.open = False  # stdin closed: keep watching files, stop reading keys
            return None
        return data if self.raw else (data.strip()[:1].lower() or "\n")


class Session:
    """One watch: the kata in view, its last result, and what each key does."""

    def __init__(self, args, console, follow: bool):
        self.args, self.console, self.follow = args, console, follow
        self.kata = None
        self.changed = threading.Event()
        self.notes: list[Text] = []

    def switch(self, name: str) -> None:
        self.kata = catalog.get(name)
        path = workspace.attempt_path(self.kata)
        if not path.exists():
            workspace.write_attempt(self.kata, workspace.pristine_stub(self.kata))
            progress.open_round(self.kata.name, "start")

    def check(self) -> dict:
        path = workspace.attempt_path(self.kata)
        seed = self.args.seed if self.args.seed is not None else random.SystemRandom().randrange(10_000)
        result = check.check_and_record(self.kata, path, seed, self.args.timeout, memory=self.args.memory)
        self.console.clear()
        check.render(result, self.console)
        for note in self.notes:
            self.console.print(note)
        self.notes = []
        where = ("Enter re-checks · keys then Enter: " if self.args.manual
                 else f"watching {display_path(str(path))} · ")
        self.console.print(Text(where + KEYS, style="dim"))
        return result

    def move_on(self) -> bool:
        """To the next kata kata next proposes (not this one); False when there is none."""
        at = progress.now()
        history = progress.history()
        choices = [c for c in scheduling.plan(catalog.all_katas(), history, at) if c["kata"] != self.kata.name]
        if not choices:
            self.console.print(Text("Nothing else is due or new: well done.", style="bold green"))
            return False
        prepared = next_command.prepare({**choices[0], "last_rating": None})
        self.switch(prepared["kata"])
        self.notes.append(Text(f"Now: {self.kata.name} · {prepared['reason']} · {self.kata.title}", style="bold"))
        return True

    def hint(self) -> None:
        if interview.forbids(self.kata.name):
            self.console.print(Text("No hints during the interview.", style="bold"))
            return
        hints = self.kata.hints
        index = min(progress.next_hint_index(self.kata.name), len(hints) - 1)
        self.console.print(Text(f"hint {index + 1}/{len(hints)}: ", style="bold") + Text(hints[index]))

    def reset(self, keyboard: Keyboard) -> None:
        self.console.print(f"Reset {self.kata.name} to a fresh stub (your attempt is archived)? [y/N] ", end="",
                           markup=False)
        answer = keyboard.read(timeout=60) or ""
        self.console.print()
        if answer.lower() == "y":
            _, archived = workspace.write_attempt(self.kata, workspace.pristine_stub(self.kata))
            progress.open_round(self.kata.name, "reset")
            if archived:
                self.notes.append(Text(f"archived as {display_path(str(archived))}", style="dim"))
            self.changed.set()


def _watch_files(session: Session, stop: threading.Event) -> None:
    import watchfiles

    def is_attempt(change, path: str) -> bool:
        return session.kata is not None and Path(path).name == f"{session.kata.name}.py"
    try:
        for _ in watchfiles.watch(workspace.home(), watch_filter=is_attempt, stop_event=stop, step=50,
                                  debounce=400, raise_interrupt=False):
            session.changed.set()
    except (OSError, RuntimeError) as exc:
        session.console.print(Text(f"kata: file events do not arrive here ({exc}); use kata watch --manual",
                                   style="bold red"))


def _loop(session: Session, keyboard: Keyboard) -> int:
    result = session.check()
    while True:
        key = keyboard.read(timeout=0.05)
        if key == "\n" and session.args.manual:
            session.changed.set()
        elif key == "q":
            return 0
        elif key == "h":
            session.hint()
        elif key == "s":
            show.run(SimpleNamespace(name=session.kata.name))
        elif key == "n" and session.move_on():
            session.changed.set()
        elif key == "r":
            session.reset(keyboard)
        if session.changed.is_set():
            session.changed.clear()
            result = session.check()
            if result["passed"] and session.follow and not result.get("interview"):
                session.notes.append(Text(f"✓ {session.kata.name} passed — on to the next one", style="green"))
                if not session.move_on():
                    return 0
                session.changed.set()


def run(args) -> int:
    args.seed, args.timeout = check.seed_option(args.seed), check.seconds_option(args.timeout)
    args.memory = check.memory_option(args.memory)
    console = make_console()
    session = Session(args, console, follow=args.name is None)
    if args.name:
        session.switch(catalog.get(args.name).name)
    else:
        choice = next_command.propose(progress.now())
        if choice is None:
            console.print("Nothing due and nothing new: every kata is passed.")
            return 0
        session.switch(next_command.prepare(choice)["kata"])
    stop = threading.Event()
    watcher = None
    if not args.manual:
        watcher = threading.Thread(target=_watch_files, args=(session, stop), daemon=True)
        watcher.start()
    try:
        with Keyboard(args.manual) as keyboard:
            return _loop(session, keyboard)
    except KeyboardInterrupt:
        return 0  # Ctrl-C is how a watch ends; the terminal is already restored
    finally:
        stop.set()
        console.print(Text("stopped watching", style="dim"))
