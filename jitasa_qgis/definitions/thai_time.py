"""Thai time: what the store's reports, the call sheets and the printed dates are given in, wherever the
machine's clock is set (a server or a laptop on UTC prints the same date as an office in Phetchabun)."""

from __future__ import annotations

import datetime as dt

THAI_TIME_ZONE = "Asia/Bangkok"  # the IANA name, for PostgreSQL's TimeZone and zoneinfo
# Thailand keeps no daylight saving: a fixed offset is exact, and needs no time zone database
THAI_TIME = dt.timezone(dt.timedelta(hours=7), "ICT")
