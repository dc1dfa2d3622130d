"""Workflows (layer 5): one module per workflow, each a plain function of (where the store is, a frozen
parameters dataclass, a progress reporter with cancel) returning a result dataclass.

A service reads with `store`, computes with `core`, writes back in its own transaction(s) and never touches
Qt widgets, `iface` or the project, so the same function runs headless, in a Processing algorithm and in a
QgsTask. See docs/ARCHITECTURE.md, "How to add a workflow".
"""
