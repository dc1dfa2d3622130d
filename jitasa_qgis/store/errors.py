"""Errors the store raises: each carries one clear, user-facing message naming the problem."""

from __future__ import annotations


class StoreError(Exception):
    """Something about the store the user must fix (missing connection, server down, no PostGIS...)."""


class StaleWriteError(StoreError):
    """Someone else changed the row first; the write was refused and nothing was changed."""


class SchemaVersionError(StoreError):
    """The store's schema is older (or newer) than this plugin expects."""
