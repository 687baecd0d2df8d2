"""Spaced repetition on the checker's verdicts: ratings, curriculum order, a simulated month, `kata next`."""
import json
import shutil
from datetime import datetime
from types import SimpleNamespace

from checker import catalog, cli, progress, scheduling
from test_practice_store import kata, result

DAY = 86400.0
START = datetime(2025, 3, 1, 9, 0).timestamp()


def at(monkeypatch, moment: float) -> None:
    monkeypatch.setenv("KATA_NOW", str(moment))


def practise(monkeypatch, name: str, moment: float, outcome: str, kind: str = "start") -> None:
    """One round of a kata as a learner does it: easy (first try), good (a failed check first),
    hard (a hint first) or again (the solution revealed)."""
    at(monkeypatch, moment)
    progress.open_round(name, kind)
    at(monkeypatch, moment + 300)
    if outcome == "again":
        progress.reveal_solution(name)
        return
    if outcome == "good":
        progress.record_check(result(False, name))
    if outcome == "hard":
        progress.next_hint_index(name)
    at(monkeypatch, moment + 600)
    progress.record_check(result(True, name))


def test_each_way_of_passing_has_its_rating(workspace, monkeypatch):
    for name, outcome in [("a", "easy"), ("b", "good"), ("c", "hard"), ("d", "again")]:
        practise(monkeypatch, name, START, outcome)
    ratings = {name: record["ratings"] for name, record in progress.history().items()}
    assert ratings == {"a": [(START + 600, progress.EASY)], "b": [(START + 600, progress.GOOD)],
                       "c": [(START + 600, progress.HARD)], "d": [(START + 300, progress.AGAIN)]}


def test_checks_after_a_pass_are_not_reviews(workspace, monkeypatch):
    practise(monkeypatch, "a", START, "easy")
    at(monkeypatch, START + DAY)
    progress.record_check(result(False, "a"))
    progress.record_check(result(True, "a"))
    progress.reveal_solution("a")  # comparing with the reference after a pass
    assert progress.history()["a"]["ratings"] == [(START + 600, progress.EASY)]


def fake_catalog() -> dict:
    def entry(difficulty, *prerequisites):
        return SimpleNamespace(difficulty=difficulty, prerequisites=prerequisites)
    return {"relu": entry("easy"), "linear": entry("easy"), "chain": entry("easy", "graph"),
            "graph": entry("medium"), "mlp": entry("medium", "linear", "relu"), "train": entry("hard", "mlp")}


def test_curriculum_puts_prerequisites_first_then_difficulty():
    assert scheduling.curriculum(fake_catalog()) == ["relu", "linear", "graph", "chain", "mlp", "train"]


def test_a_simulated_month_of_practice(workspace, monkeypatch):
    """Two katas a day for 30 days, by a learner who finds relu hard and everything else easy."""
    katas = fake_catalog()
    seen, log = {}, []
    for day in range(30):
        for slot in range(2):
            moment = START + day * DAY + slot * 3600
            history = progress.history()
            due_now = {n for n, r in history.items() if r["ratings"] and scheduling.due(r["ratings"]) <= moment}
            choices = scheduling.plan(katas, history, moment)
            if not choices:  # all passed and nothing due: a day off
                assert not due_now and len(seen) == len(katas)
                continue
            choice = choices[0]
            assert (choice["reason"] == scheduling.REVIEW) == bool(due_now), "due reviews come first"
            name = choice["kata"]
            rounds = seen[name] = seen.get(name, 0) + 1
            outcome = ["again", "hard", "good"][min(rounds - 1, 2)] if name == "relu" else "easy"
            practise(monkeypatch, name, moment, outcome, "review" if rounds > 1 else "start")
            log.append((day, name, choice["reason"]))
    introduced = [name for _, name, reason in log if reason == scheduling.NEW]
    assert introduced == ["relu", "linear", "graph", "chain", "mlp", "train"]
    days_of = {name: [day for day, n, _ in log if n == name] for name in katas}
    assert days_of["relu"][1] - days_of["relu"][0] == 1, "a revealed solution comes back the next day"
    linear_gaps = [b - a for a, b in zip(days_of["linear"], days_of["linear"][1:])]
    assert len(linear_gaps) >= 1 and linear_gaps == sorted(linear_gaps) and linear_gaps[0] >= 7
    assert len(days_of["relu"]) > len(days_of["linear"]), "the hard one is practised more often"
    assert scheduling.upcoming(progress.history(), START + 30 * DAY)["due"] > START + 30 * DAY


def test_next_starts_a_review_from_a_fresh_stub(workspace, monkeypatch, capsys):
    at(monkeypatch, START)
    assert cli.main(["next", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["next"]["reason"] == "new"
    name = first["next"]["kata"]
    attempt = workspace / f"{name}.py"
    shutil.copy(catalog.solution_path(catalog.get(name)), attempt)
    at(monkeypatch, START + 600)
    assert cli.main(["check", name]) == 0
    later = kata("next", "--json", home=workspace, env={"KATA_NOW": "2025-04-01T09:00"})
    proposal = json.loads(later.stdout)["next"]
    assert proposal["kata"] == name and proposal["reason"] == "review" and proposal["last_rating"] == "Easy"
    assert attempt.read_text() == catalog.stub_path(catalog.get(name)).read_text()
    archived = list((workspace / ".archive").glob(f"{name}.*.py"))
    assert [p.read_text() for p in archived] == [catalog.solution_path(catalog.get(name)).read_text()]
    at(monkeypatch, START + 31 * DAY)
    capsys.readouterr()
    assert cli.main(["next", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["next"]["reason"] == "continue", "a started review is not restarted"
