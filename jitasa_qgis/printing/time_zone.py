"""The process's time zone named once, so printing does not re-read it thousands of times a page.

Qt asks glibc for the local time zone every time it makes a QSettings (QFileInfo dates call tzset), and
QGIS 3.22 makes two or three QSettings for every expression context (the global scope reads the custom
variables and the locale): an atlas page makes a few hundred contexts. With TZ unset, glibc's tzset stats
/etc/localtime on every call; with TZ naming that same file it reads it once and skips it after. Measured:
a global scope 54 µs unset, 24 µs set. The zone is unchanged; only a change of /etc/localtime while QGIS
runs goes unseen, which a restart fixes.
"""

from __future__ import annotations

import os
import time

ZONE_FILE = "/etc/localtime"


def name_time_zone() -> bool:
    """Set TZ to the zone file glibc reads anyway, if TZ is unset and the file is there; True if it was set."""
    if os.name != "posix" or "TZ" in os.environ or not os.path.exists(ZONE_FILE):
        return False
    os.environ["TZ"] = ":" + ZONE_FILE
    time.tzset()
    return True
