"""Moving the progress store to another machine: every row as JSON, merged back without duplicates."""

from __future__ import annotations

from .progress import SCHEMA_VERSION, _use, now

TABLES = {  # the columns that travel, and those that say two rows are the same row
    "interviews": (("id", "started", "ends", "stopped", "plan", "scorecard"), ("started",)),
    "attempts": (("kata", "at", "passed", "seed", "seconds", "codes", "failed_check", "interview"),
                 ("kata", "at", "passed", "seed")),
    "events": (("kata", "at", "kind"), ("kata", "at", "kind")),
    "rounds": (("kata", "opened", "closed", "rating"), ("kata", "opened")),
}
EXPORT_FORMAT = "kata-progress"


def export_data() -> dict:
    """Everything in the store as JSON-ready data."""
    def work(db):
        data = {"format": EXPORT_FORMAT, "version": SCHEMA_VERSION, "exported": now()}
        for table, (columns, _) in TABLES.items():
            rows = db.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid")
            data[table] = [dict(zip(columns, row)) for row in rows]
        return data
    return _use(work, None, write=False)


def _validated(data) -> dict:
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise ValueError("not a kata progress export (kata progress --export writes one)")
    if not isinstance(data.get("version"), int) or data["version"] > SCHEMA_VERSION:
        raise ValueError("it was exported by a newer kata; upgrade kata to import it")
    for table, (columns, key) in TABLES.items():
        rows = data.get(table, [])
        if not isinstance(rows, list) or not all(isinstance(r, dict) and set(key) <= r.keys() for r in rows):
            raise ValueError(f"its {table!r} are not a list of rows with {', '.join(key)}")
    return data


def import_data(data) -> dict[str, int] | None:
    """Merges an export into the store; rows already present are skipped. Returns rows added per table.
    Raises ValueError (in words) for data that is not an export."""
    data = _validated(data)

    def work(db):
        added, interview_ids = dict.fromkeys(TABLES, 0), {}
        for table, (columns, key) in TABLES.items():
            for given in data.get(table, []):
                row = {c: given.get(c) for c in columns if c != "id"}
                if table == "attempts" and row["interview"] is not None:
                    row["interview"] = interview_ids.get(row["interview"])
                where = " AND ".join(f"{c} IS ?" for c in key)
                found = db.execute(f"SELECT rowid FROM {table} WHERE {where}", [row[c] for c in key]).fetchone()
                if found is None:
                    found = (db.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                                        list(row.values())).lastrowid,)
                    added[table] += 1
                if table == "interviews":  # attempts name their interview by its id in the export
                    interview_ids[given.get("id")] = found[0]
        return added
    return _use(work, None, write=True)
