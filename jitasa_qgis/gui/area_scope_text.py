"""The dock's "you work: ..." line: the login's areas (store.area_scopes) in the user's words."""

from __future__ import annotations

from typing import Sequence

from ..definitions.i18n import translate
from ..store.area_scopes import AreaScope

CTX = "AreaScopes"


def _one(scope: AreaScope) -> str:
    if scope.level == "amphoe":
        amphoe = translate("AreaScopes", "amphoe {0}").format(scope.name_th or scope.code)
        return f"{scope.province_th}, {amphoe}" if scope.province_th else amphoe
    return scope.name_th or scope.code or ""


def scope_text(scopes: Sequence[AreaScope]) -> str:
    """ "You work: เพชรบูรณ์, amphoe หล่มสัก"; the whole country; or none (then nothing is shown to the login)."""
    if any(s.national for s in scopes):
        return translate("AreaScopes", "You work: the whole country")
    if not scopes:
        return translate(
            "AreaScopes",
            "You work no area: no requests or volunteers are shown. An admin grants areas (jitasa:grantarea).",
        )
    names = list(dict.fromkeys(_one(s) for s in scopes))  # a province through two roles: once
    return translate("AreaScopes", "You work: {0}").format("; ".join(names))
