"""The result contract: one :class:`Result` per check run, with ``to_json``, assembled in one
place (:func:`checker.engine.run_kata`). Its fields are listed in the README ("The result").
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Row:
    """One line of the report: a check that passed, failed, or was not reached."""

    name: str
    passed: bool | None  # None: not checked, because something before it failed
    detail: str = ""
    max_rel_error: float | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "passed": self.passed, "skipped": self.passed is None,
                "max_rel_error": self.max_rel_error, "detail": self.detail}


@dataclass
class Diagnosis:
    """A named likely mistake: the code (a fixed vocabulary), the evidence, the cause in words."""

    code: str
    message: str
    variable: str = ""
    explanation: str = ""
    worst: list[dict] = field(default_factory=list)
    location: dict | None = None
    evidence: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        data = {"code": self.code, "variable": self.variable, "message": self.message,
                "explanation": self.explanation, "worst": self.worst, "evidence": self.evidence}
        if self.location:
            data["location"] = self.location
        return data


@dataclass
class Verdict:
    """What one check kind found: its rows and its diagnoses, in report order."""

    rows: list[Row] = field(default_factory=list)
    diagnoses: list[Diagnosis] = field(default_factory=list)


@dataclass
class Result:
    kata: str
    file: str
    seed: int
    rows: list[Row]
    diagnoses: list[Diagnosis]
    output: str = ""
    seconds: float = 0.0
    replay: str = ""
    isolation: dict = field(default_factory=dict)  # piece -> {"state", "in_force", "detail"}

    @property
    def passed(self) -> bool:
        return bool(self.rows) and all(r.passed for r in self.rows) and not self.diagnoses

    def to_json(self) -> dict:
        return {
            "kata": self.kata,
            "file": self.file,
            "passed": self.passed,
            "seed": self.seed,
            "checks": [r.to_json() for r in self.rows],
            "diagnoses": [d.to_json() for d in self.diagnoses],
            "output": self.output,
            "seconds": round(self.seconds, 3),
            "replay": self.replay or f"kata check {self.kata} --seed {self.seed}",
            "isolation": self.isolation,
        }
