"""kata interview: the plan, checks that say pass or fail only, the clock, the scorecard and what it feeds."""
import json
import shutil

from checker import catalog, cli
from test_practice_store import kata
from test_practice_watch import Terminal

T0 = 1_740_819_600.0  # 2025-03-01 09:00 UTC


def test_an_interview_from_plan_to_scorecard(workspace, monkeypatch, capsys):
    started = kata("interview", "--seed", "1", "--json", home=workspace, env={"KATA_NOW": str(T0)})
    assert started.returncode == 0, started.stderr
    plan = json.loads(started.stdout)
    warm_up, main = plan["roles"]["warm-up"], plan["roles"]["main"]
    assert set(plan["roles"]) == {"warm-up", "main", "stretch"} and len(set(plan["katas"])) == 3
    difficulty = {name: catalog.DIFFICULTY_ORDER[catalog.get(name).difficulty] for name in plan["katas"]}
    assert difficulty[warm_up] <= difficulty[main] <= difficulty[plan["roles"]["stretch"]]

    shutil.copy(catalog.solution_path(catalog.get(warm_up)), workspace / f"{warm_up}.py")
    monkeypatch.setenv("KATA_NOW", str(T0 + 300))
    assert cli.main(["check", warm_up]) == 0
    monkeypatch.setenv("KATA_NOW", str(T0 + 900))
    assert cli.main(["check", main]) == 1  # the untouched stub
    said = capsys.readouterr().out
    assert "pass — the interviewer" in said and "not yet" in said
    assert "not_implemented" not in said and "rel. error" not in said and "kata hint" not in said
    assert cli.main(["hint", main]) == 1 and cli.main(["solution", main, "--yes"]) == 1
    capsys.readouterr()

    ended = kata("interview", "--json", home=workspace, env={"KATA_NOW": str(T0 + 46 * 60)})
    card = json.loads(ended.stdout)
    rows = {row["role"]: row for row in card["katas"]}
    assert card["passed"] == 1 and rows["warm-up"]["first_pass_seconds"] == 300
    assert rows["main"]["attempts"] == 1 and rows["main"]["first_failing_check"]
    assert rows["stretch"]["attempts"] == 0
    last = {r["kata"]: r for r in card["last_checks"]}
    assert last[main]["diagnoses"][0]["code"] == "not_implemented", "the full diagnosis, once the clock stops"

    assert cli.main(["interview", "--history", "--json"]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == [card["id"]]
    monkeypatch.setenv("KATA_NOW", str(T0 + 2 * 86400))
    assert cli.main(["next", "--json", "--peek"]) == 0
    proposal = json.loads(capsys.readouterr().out)["next"]
    assert proposal["kata"] == main and proposal["reason"] == "review" and proposal["last_rating"] == "Again"


def test_interview_usage_errors(workspace, capsys):
    assert cli.main(["interview", "--minutes", "0"]) == 2
    assert cli.main(["interview", "--topic", "astrology"]) == 2
    assert cli.main(["interview", "--stop"]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_the_countdown_then_the_scorecard_in_a_terminal(workspace):
    terminal = Terminal("interview", "--minutes", "0.05", "--seed", "2", home=workspace)
    terminal.wait_for("left ·")
    terminal.wait_for("Scorecard", timeout=10)
    assert terminal.close() == (0, True)
