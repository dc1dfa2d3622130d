"""Benchmarks: each module in this folder with a `run() -> list[dict]` is one group; run with `python -m bench`.

Records are `{"name", "value", "unit", "anchor", "anchor_value", "ratio", "note"}`; `python -m bench` merges
them into bench/results.json by name (records from modules not run are kept) and prints a table.
"""
