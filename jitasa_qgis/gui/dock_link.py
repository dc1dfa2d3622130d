"""What a tab of the operations dock may ask of the dock: run a query or a write on the dock's one
connection, start long work as a background task, and tell the officer what happened.
The tabs get this and the widgets they drive, nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class DockLink:
    """`query(work)`: work(conn) on the dock's connection, reconnecting once if it was lost; None (the reason
    shown) when the store cannot be reached or the query fails.
    `write(work)`: work(conn) once; a StoreError is raised to the caller (the connection is dropped if lost).
    `show_status(text)`: the dock's status line. `notify(text, level)`: the message bar when there is one, else
    the status line. `report(text, level)`: the status line, and the message bar when there is one.
    `start_task(description, work, on_result=, on_error=, on_cancelled=)`: work(spec, progress) off the GUI
    thread on a connection of its own (service_task.py), shown with its progress under the tabs; the callbacks
    run on the main thread. Returns the TaskHandle, or None when nothing was started (on_error was told)."""

    query: Callable[[Callable[[Any], Any]], Any]
    write: Callable[[Callable[[Any], Any]], Any]
    show_status: Callable[[str], None]
    notify: Callable[[str, Any], None]
    report: Callable[[str, Any], None]
    start_task: Callable[..., Any]
