"""A throwaway or project-local PostgreSQL 15 cluster for tests, `make run` and `make demo`.

PostgreSQL refuses to run as root, so when we are root the server binaries run as the `postgres` system
user (created by Debian's postgresql package) through `runuser`. Authentication is `trust` on loopback
only: these clusters hold demo or test data and listen on 127.0.0.1 alone.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
SUPERUSER = "postgres"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


class PgCluster:
    def __init__(self, datadir: Path, port: int):
        self.datadir = Path(datadir)
        self.port = port

    @property
    def logfile(self) -> Path:
        return self.datadir.parent / f"{self.datadir.name}.log"

    def _run(self, cmd: list[str], check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(_as_server_user(cmd), check=check, capture_output=True, text=True)

    def _own(self, path: Path) -> None:
        if os.geteuid() == 0:
            shutil.chown(path, "postgres", "postgres")

    def exists(self) -> bool:
        return (self.datadir / "PG_VERSION").exists()

    def init(self) -> None:
        self.datadir.mkdir(parents=True, exist_ok=True)
        self._own(self.datadir)
        self.datadir.chmod(0o700)
        self._run(
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(self.datadir),
                "-U",
                SUPERUSER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        with open(self.datadir / "postgresql.conf", "a", encoding="utf-8") as f:
            f.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.datadir}'\n"
                # speed for a throwaway cluster only: an immediate shutdown may lose acknowledged commits
                # (README, "For the DBA": never on a real server)
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "shared_buffers = 512MB\nwork_mem = 64MB\nmaintenance_work_mem = 512MB\n"
                "max_connections = 200\nmax_wal_size = 4GB\n"
            )

    def is_running(self) -> bool:
        return self._run([str(PG_BIN / "pg_ctl"), "-D", str(self.datadir), "status"], check=False).returncode == 0

    def start(self) -> None:
        if self.is_running():
            return
        self.logfile.touch()
        self._own(self.logfile)
        res = self._run(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.datadir), "-l", str(self.logfile), "-w", "-t", "60", "start"],
            check=False,
        )
        if res.returncode != 0:
            log = self.logfile.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"PostgreSQL did not start on port {self.port}: {res.stderr}\n{log}")
        self._wait_ready()

    def _wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"PostgreSQL on port {self.port} did not accept connections")

    def stop(self, mode: str = "fast") -> None:
        if self.exists() and self.is_running():
            self._run([str(PG_BIN / "pg_ctl"), "-D", str(self.datadir), "-m", mode, "-w", "stop"], check=False)

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.datadir, ignore_errors=True)
        self.logfile.unlink(missing_ok=True)

    def params(self, dbname: str = "postgres", user: str = SUPERUSER) -> dict:
        return {"host": "127.0.0.1", "port": self.port, "dbname": dbname, "user": user}

    def dsn(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        return f"host=127.0.0.1 port={self.port} dbname={dbname} user={user}"
