import dataclasses
import json
import os
import platform
import socket
import tempfile

from rich.text import Text

from .. import isolation
from ..isolation import probe
from ..report import make_console

HELP = ("Show the isolation your code runs under, piece by piece, each one tried in a throwaway child "
        f"(set {isolation.REFUSE_VARIABLE}=piece,... to see the fallback when the kernel refuses one).")
MARKS = {"held": ("✓", "green"), "partial": ("~", "yellow"), "off": ("✗", "red"), "broken": ("✗", "red bold")}


def add_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print the pieces as one JSON object")


def _place(root: str) -> dict:
    """The files and listeners the probes aim at, all in a temporary folder or on loopback."""
    scratch, workspace = os.path.join(root, "scratch"), os.path.join(root, "workspace")
    os.mkdir(scratch)
    os.mkdir(workspace)
    for name, text in (("secret.txt", "another attempt"), ("answer.py", "x = 1\n")):
        with open(os.path.join(workspace, name), "w") as handle:
            handle.write(text)
    return {"scratch": scratch, "workspace": workspace, "secret": os.path.join(workspace, "secret.txt"),
            "answer": os.path.join(workspace, "answer.py"), "outside": os.path.join(root, "outside.txt"),
            "checker_file": os.path.join(os.path.dirname(isolation.__file__), "__init__.py"),
            "parent_pid": os.getpid(), "abstract": f"\0kata-doctor-{os.getpid()}",
            "unix_path": os.path.join(workspace, "service.sock")}


def _listen(place: dict) -> list:
    """Listeners the probes try to reach: TCP and UDP on loopback, a unix socket by path and an abstract one."""
    tcp = socket.create_server(("127.0.0.1", 0))
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    place["tcp_port"], place["udp_port"] = tcp.getsockname()[1], udp.getsockname()[1]
    sockets = [tcp, udp]
    for address in (place["unix_path"], place["abstract"]):
        try:
            unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            unix.bind(address)
            unix.listen()
            sockets.append(unix)
        except OSError:
            pass  # no abstract sockets here (not Linux): the probe's connect fails either way
    return sockets


def _piece(status: dict | None, probed) -> dict:
    status = status or {"state": "off", "in_force": False, "detail": "not reported by the child"}
    found = dict(status)
    found["probe"] = None if probed is None else {"held": bool(probed[0]), "evidence": probed[1]}
    if status["state"] == "on":
        found["verdict"] = "held" if probed is None or probed[0] else "broken"
    else:
        found["verdict"] = status["state"]
    return found


def diagnose() -> dict:
    """Applies the isolation in a throwaway child, probes every piece, and returns the findings as data."""
    with tempfile.TemporaryDirectory(prefix="kata-doctor-") as root:
        place = _place(root)
        sockets = _listen(place)
        policy = isolation.Policy(scratch=place["scratch"], answer=place["answer"],
                                  forbidden=tuple(isolation.default_forbidden() + [place["workspace"]]))
        try:
            run = probe.run_in_child(lambda: probe.probe_all(policy, place), policy, timeout=30)
            probes = dict(run.value or {})
            # A piece in force can hide the next: seccomp stops every socket() before Landlock or the network
            # namespace is reached, and the namespace refuses an abstract socket before Landlock does.
            for refuse, pieces in (({"sockets"}, ("network",)), ({"sockets", "network"}, ("tcp", "abstract_sockets"))):
                if all(run.statuses.get(r, {}).get("in_force") for r in refuse):
                    alone = dataclasses.replace(policy, refuse=policy.refuse | refuse)
                    shadowed = probe.run_in_child(lambda: probe.probe_sockets(place), alone, timeout=30)
                    probes.update({k: v for k, v in (shadowed.value or {}).items() if k in pieces})
            tree = run
            if run.statuses.get("new_processes", {}).get("in_force"):  # no grandchild could be left: the tree alone
                alone = dataclasses.replace(policy, refuse=policy.refuse | {"new_processes"})
                tree = probe.run_in_child(probe.leave_grandchild, alone, timeout=30)
        finally:
            for sock in sockets:
                sock.close()
        changed = os.path.exists(place["outside"])
    probes["process_tree"] = [tree.tree_gone, "a setsid() grandchild was " +
                              ("gone when the check ended" if tree.tree_gone else "still alive a second after")]
    if changed:
        probes["filesystem"] = [False, "a file outside the scratch directory was written"]
    pieces = {name: _piece(run.statuses.get(name), probes.get(name)) for name in isolation.PIECES}
    return {"full": all(p["verdict"] == "held" for p in pieces.values()) and not run.error,
            "platform": f"{platform.system()} {platform.release()}", "landlock_abi": isolation.landlock_abi(),
            "pieces": pieces, "error": run.error, "seconds": round(run.seconds, 3)}


def _render(found: dict, console) -> None:
    console.print(Text(f"kata doctor · {found['platform']} · Landlock ABI {found['landlock_abi']} · "
                       f"{found['seconds']:.2f} s", style="bold"))
    width = max(len(name) for name in found["pieces"])
    for name, piece in found["pieces"].items():
        mark, style = MARKS[piece["verdict"]]
        line = Text(f"  {mark} ", style=style) + Text(name.ljust(width + 2)) + Text(piece["detail"])
        if piece["verdict"] == "broken":
            line += Text(f"  — but the probe got through: {piece['probe']['evidence']}", style="red")
        console.print(line)
    if found["error"]:
        console.print(Text(f"The probe child failed: {found['error']}", style="red"))
    missing = [n for n, p in found["pieces"].items() if p["verdict"] != "held"]
    if found["full"]:
        console.print(Text("Full isolation: every piece is in force and held when tried.", style="green"))
    else:
        console.print(Text(f"Missing or weaker: {', '.join(missing) or 'see above'}. Checks still run, with the "
                           f"rest in force.", style="yellow"))


def run(args) -> int:
    found = diagnose()
    if args.json:
        print(json.dumps(found, indent=2))
    else:
        _render(found, make_console())
    return 0
