"""printing.time_zone: TZ named as the zone file glibc reads when it is unset (the same zone, the same local
times), and left alone when the user set it; in a child process, so this one's environment stays as it is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, os, time
before = [time.localtime(t)[:6] + (time.localtime(t).tm_gmtoff,) for t in (0, 1_700_000_000, 1_800_000_000)]
from jitasa_qgis.printing.time_zone import name_time_zone
changed = name_time_zone()
after = [time.localtime(t)[:6] + (time.localtime(t).tm_gmtoff,) for t in (0, 1_700_000_000, 1_800_000_000)]
print(json.dumps({"changed": changed, "tz": os.environ.get("TZ"), "same": before == after}))
"""


def _child(tz):
    env = {k: v for k, v in os.environ.items() if k != "TZ"}
    if tz is not None:
        env["TZ"] = tz
    out = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_an_unset_zone_is_named_as_the_zone_file_with_the_same_local_times():
    got = _child(None)
    assert got == {"changed": True, "tz": ":/etc/localtime", "same": True}


def test_a_zone_the_user_set_is_kept():
    got = _child("Asia/Bangkok")
    assert got == {"changed": False, "tz": "Asia/Bangkok", "same": True}
