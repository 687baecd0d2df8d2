"""What to practise next: FSRS, the scheduler Anki adopted, fed the ratings of the checker's verdicts.

A kata is a card. Each closed round is one review of it, rated from what the checker saw (see
``progress.rate``). The card is rebuilt by replaying those reviews, so the store keeps only facts (rounds
and their ratings), never the scheduler's state, and a newer FSRS simply replays the same history.

The order of ``plan``: due reviews first (the one most likely forgotten first), then katas in progress,
then new katas in curriculum order (prerequisites before what builds on them, then easy before hard).
"""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache

from .catalog import DIFFICULTY_ORDER

REVIEW, CONTINUE, NEW = "review", "continue", "new"


@lru_cache(maxsize=1)
def scheduler():
    from fsrs import Scheduler

    # Katas are practised in days, not minutes: no same-day learning steps, and no random fuzz, so the
    # same history always gives the same schedule.
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def _utc(at: float) -> datetime:
    return datetime.fromtimestamp(at, tz=timezone.utc)


def card(ratings: list[tuple[float, int]]):
    """The FSRS card after replaying ``ratings`` [(epoch seconds, rating 1-4)], or None if never rated."""
    from fsrs import Card, Rating

    if not ratings:
        return None
    state = Card(card_id=1, due=_utc(ratings[0][0]))
    for at, rating in sorted(ratings):
        state, _ = scheduler().review_card(state, Rating(rating), _utc(at))
    return state


def due(ratings: list[tuple[float, int]]) -> float | None:
    """When the kata is next due (epoch seconds), or None if it was never rated."""
    state = card(ratings)
    return state.due.timestamp() if state else None


def curriculum(katas: dict) -> list[str]:
    """Kata names with every prerequisite before the katas that build on it, then easy before hard."""
    rank = {name: (DIFFICULTY_ORDER.get(k.difficulty, 9), i) for i, (name, k) in enumerate(katas.items())}
    waiting = sorted(katas, key=rank.__getitem__)
    ordered: list[str] = []
    while waiting:
        placed = set(ordered)
        ready = [n for n in waiting
                 if all(p in placed or p not in katas for p in getattr(katas[n], "prerequisites", ()))]
        chosen = ready[0] if ready else waiting[0]  # a cycle of prerequisites is broken, not fatal
        ordered.append(chosen)
        waiting.remove(chosen)
    return ordered


def plan(katas: dict, history: dict, at: float, started: set[str] = frozenset()) -> list[dict]:
    """Every kata worth doing at ``at``, best first: {"kata", "reason", "due"} with reason review,
    continue or new. ``started``: katas with an attempt file, which are not new even if never checked."""
    reviews, going, fresh = [], [], []
    for name in curriculum(katas):
        record = history.get(name)
        if record and record["open_round"]:
            going.append({"kata": name, "reason": CONTINUE, "due": None, "last": record["last"] or 0})
        elif record and record["ratings"]:
            state = card(record["ratings"])
            if state.due.timestamp() <= at:
                recall = scheduler().get_card_retrievability(state, _utc(at))
                reviews.append({"kata": name, "reason": REVIEW, "due": state.due.timestamp(), "recall": recall})
        elif name in started:
            going.append({"kata": name, "reason": CONTINUE, "due": None, "last": 0})
        else:
            fresh.append({"kata": name, "reason": NEW, "due": None})
    reviews.sort(key=lambda r: r["recall"])
    going.sort(key=lambda r: -r["last"])
    return reviews + going + fresh


def upcoming(history: dict, at: float) -> dict | None:
    """The review due soonest after ``at``: {"kata", "due"}, or None."""
    later = [(due(r["ratings"]), name) for name, r in history.items() if r["ratings"] and not r["open_round"]]
    later = [(when, name) for when, name in later if when > at]
    return {"kata": min(later)[1], "due": min(later)[0]} if later else None


def rating_name(rating: int | None) -> str:
    from .progress import RATING_NAMES

    return RATING_NAMES.get(rating, "")


def when_text(moment: float | None, at: float) -> str:
    """A time relative to ``at`` in a few characters: "in 3 d", "2 h ago", "today"."""
    if moment is None:
        return "—"
    seconds = moment - at
    size = abs(seconds)
    if size < 3600:
        amount = f"{max(1, round(size / 60))} min"
    elif size < 86400:
        amount = f"{round(size / 3600)} h"
    else:
        amount = f"{round(size / 86400)} d"
    return f"in {amount}" if seconds > 0 else f"{amount} ago"
