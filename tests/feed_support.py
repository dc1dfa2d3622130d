"""Shared by the feed tests: QGIS authentication configurations made in the test profile, and a handler
that records when each request arrived."""

from __future__ import annotations

import secrets
import threading
import time

from werkzeug.wrappers import Response

_MASTER = {}


def auth_config(method: str, **values: str) -> str:
    """A new authcfg id in the test profile's auth database holding `values` (a random master password
    per session: no credential is written in a file)."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        password = _MASTER.setdefault("password", secrets.token_urlsafe(16))
        assert manager.setMasterPassword(password, True), "could not set the test profile's master password"
    config = QgsAuthMethodConfig(method)
    config.setName(f"feed test {method} {secrets.token_hex(3)}")
    for key, value in values.items():
        config.setConfig(key, value)
    assert manager.storeAuthenticationConfig(config), f"could not store a {method} auth config"
    assert config.id(), "the stored config has no id"
    return config.id()


class Timed:
    """A werkzeug handler answering from a list of (status, body, headers), recording arrival times."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.times: list[float] = []
        self.headers: list[dict] = []
        self.lock = threading.Lock()

    def __call__(self, request):
        with self.lock:
            self.times.append(time.monotonic())
            self.headers.append(dict(request.headers))
            status, body, headers = self.answers[min(len(self.times) - 1, len(self.answers) - 1)]
        return Response(body, status=status, headers=headers, content_type="application/json")
