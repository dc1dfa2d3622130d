"""Create or upgrade the jitasa schema on a store (the workflow behind jitasa:createdatabase)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..store.migrations import check_schema_current, migrate, schema_version
from .progress import Progress, check_cancelled, progress_of
from .store_access import Store, connection, spec_of


@dataclass(frozen=True)
class DatabaseParams:
    target: Optional[int] = None  # the migration to stop at; None: all, then the repeatable definitions


@dataclass(frozen=True)
class DatabaseResult:
    schema_version: int
    applied: tuple[int, ...]  # the migration versions applied by this run, in order

    @property
    def already_current(self) -> bool:
        return not self.applied


def create_or_upgrade_database(
    store: Store, params: Optional[DatabaseParams] = None, progress: Optional[Progress] = None
) -> DatabaseResult:
    """Apply the pending migrations (each in its own transaction, under the store's advisory lock), then the
    definitions when they changed; running it again changes nothing. Raises Cancelled when cancelled before
    it started, StoreError when a step fails (that step rolled back, the ones before it stay)."""
    params = params or DatabaseParams()
    progress = progress_of(progress)
    check_cancelled(progress)
    progress.report(0.0)
    applied = migrate(spec_of(store), target=params.target)
    progress.report(0.9)
    with connection(store) as conn:
        version = schema_version(conn)
    progress.report(1.0)
    return DatabaseResult(schema_version=version, applied=tuple(applied))


def check_store_current(store: Store) -> None:
    """StoreError ("upgrade with jitasa:createdatabase") unless the store's schema is this plugin's."""
    with connection(store) as conn:
        check_schema_current(conn)
