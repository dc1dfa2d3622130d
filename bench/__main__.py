"""Run the benchmark modules in bench/ and merge their records into bench/results.json.

python -m bench               # every bench/*.py module that has run()
python -m bench assign        # only these modules
python -m bench --list        # what would run
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import traceback
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results.json"
FIELDS = ("name", "value", "unit", "anchor", "anchor_value", "ratio", "note")


def discover() -> list[str]:
    """Module names in bench/ (not private, not this runner) that define run()."""
    names = []
    for path in sorted(BENCH_DIR.glob("*.py")):
        if path.stem.startswith("_"):
            continue
        names.append(path.stem)
    return names


def load_results(path: Path = RESULTS) -> list[dict]:
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        print(f"warning: {path} is not valid JSON; starting a new list", file=sys.stderr)
        return []
    return [r for r in data if isinstance(r, dict) and "name" in r] if isinstance(data, list) else []


def merge(old: list[dict], new: list[dict]) -> list[dict]:
    """Records of `new` replace those of `old` with the same name; the rest keep their order."""
    by_name = {r["name"]: r for r in new}
    merged = [by_name.pop(r["name"], r) for r in old]
    merged.extend(r for r in new if r["name"] in by_name)
    return merged


def normalise(record: dict) -> dict:
    missing = [f for f in ("name", "value", "unit") if f not in record]
    if missing:
        raise ValueError(f"bench record {record!r} lacks {missing}")
    return {field: record.get(field) for field in FIELDS}


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def print_table(records: list[dict]) -> None:
    rows = [
        [r["name"], _fmt(r["value"]), r["unit"] or "", r["anchor"] or "-", _fmt(r["anchor_value"]), _fmt(r["ratio"])]
        for r in records
    ]
    header = ["name", "value", "unit", "anchor", "anchor value", "ratio"]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths))
    print(line)
    print("-" * len(line))
    for row, record in zip(rows, records):
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths)))
        if record.get("note"):
            print(f"    {record['note']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="bench modules to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the bench modules and exit")
    parser.add_argument("--results", type=Path, default=RESULTS, help="results file to merge into")
    args = parser.parse_args(argv)
    available = discover()
    if args.list:
        print("\n".join(available))
        return 0
    unknown = [m for m in args.modules if m not in available]
    if unknown:
        parser.error(f"unknown bench module(s) {unknown}; available: {available}")
    failed = []
    records: list[dict] = []
    for name in args.modules or available:
        module = importlib.import_module(f"bench.{name}")
        run = getattr(module, "run", None)
        if not callable(run):
            continue
        print(f"== bench.{name}", flush=True)
        try:
            new = [normalise(r) for r in run()]
        except Exception:  # one broken module must not lose the others' records
            traceback.print_exc()
            failed.append(name)
            continue
        records.extend(new)
        # Write after every module, so a long run that dies later keeps what it measured.
        args.results.write_text(
            json.dumps(merge(load_results(args.results), new), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    if records:
        print()
        print_table(records)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
