"""kata watch in a real pseudo-terminal: a save turns the report green, keys act, Ctrl-C restores the terminal."""
import fcntl
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time

from checker import catalog

KATA = "relu_backward"
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]")


class Terminal:
    """A command run on a pseudo-terminal that is its controlling terminal, as in a shell."""

    def __init__(self, *args, home, manual=False):
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.settings = termios.tcgetattr(self.slave)
        env = {**os.environ, "KATA_HOME": str(home)}
        env.pop("NO_COLOR", None)
        self.process = subprocess.Popen([sys.executable, "-m", "checker", *args], stdin=self.slave,
                                        stdout=self.slave, stderr=self.slave, env=env, start_new_session=True,
                                        preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
        self.screen = b""

    def wait_for(self, text: str, timeout: float = 15) -> float:
        """Seconds until ``text`` appears on the screen (fails after ``timeout``)."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if select.select([self.master], [], [], 0.02)[0]:
                self.screen += os.read(self.master, 65536)
            if text in self.text():
                return time.monotonic() - start
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.text()[-2000:]}")

    def text(self) -> str:
        return ANSI.sub(b"", self.screen).decode(errors="replace")

    def press(self, keys: bytes) -> None:
        self.screen = b""
        os.write(self.master, keys)

    def close(self) -> tuple[int, bool]:
        """The exit code, and whether the terminal's settings are back as they were before the command."""
        try:
            code = self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
        restored = termios.tcgetattr(self.slave) == self.settings
        os.close(self.master)
        os.close(self.slave)
        return code, restored


def test_a_saved_right_answer_turns_green_within_two_seconds(workspace):
    terminal = Terminal("watch", KATA, home=workspace)
    terminal.wait_for("not_implemented")
    assert not termios.tcgetattr(terminal.slave)[3] & termios.ICANON, "keys are read one at a time"
    terminal.press(b"")
    shutil.copy(catalog.solution_path(catalog.get(KATA)), workspace / f"{KATA}.py")
    assert terminal.wait_for("checks passed") < 2.0
    terminal.press(b"h")
    terminal.wait_for("hint 1/")
    terminal.press(b"r")
    terminal.wait_for("[y/N]")
    terminal.press(b"y")
    terminal.wait_for("not_implemented")
    assert (workspace / f"{KATA}.py").read_text() == catalog.stub_path(catalog.get(KATA)).read_text()
    assert len(list((workspace / ".archive").glob(f"{KATA}.*.py"))) == 1
    terminal.press(b"\x03")  # Ctrl-C
    assert terminal.close() == (0, True)


def test_manual_mode_follows_next_and_moves_on_when_it_passes(workspace):
    terminal = Terminal("watch", "--manual", home=workspace)
    terminal.wait_for("Enter re-checks")
    [stub] = workspace.glob("*.py")  # the kata that kata next proposed
    first = stub.stem
    terminal.press(b"")
    shutil.copy(catalog.solution_path(catalog.get(first)), workspace / f"{first}.py")
    terminal.press(b"\n")
    terminal.wait_for("on to the next one")
    terminal.wait_for("Now: ")
    terminal.press(b"q\n")
    assert terminal.close() == (0, True)
    assert len(list(workspace.glob("*.py"))) == 2, "the next kata's stub is ready"
