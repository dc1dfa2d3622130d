#!/usr/bin/env bash
# Remake the pictures of the officers' and analysts' guides (docs/GUIDE_*.md) from the demo:
#   bash tools/guide_screenshots.sh          (needs Debian's xvfb, imagemagick and poppler-utils)
# 1. `make demo`: the demo store and the sample prints in out/ (map, amphoe atlas, call sheets, report);
# 2. pages of those PDFs as PNG (pdftoppm);
# 3. QGIS with the plugin on a virtual screen (`make run`, the approach of shared/tools/screenshot), the
#    operations dock on a tab (JITASA_DEMO_TAB), one screenshot each.
# Every picture is shrunk to 256 colours and at most 1100 px wide (< 300 KB each) into docs/images/.
# QGIS runs one at a time on a machine: the run is taken under flock /tmp/jitasa_run.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGES=docs/images
WAIT_S=${JITASA_GUIDE_WAIT_S:-35}
mkdir -p "$IMAGES"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

shrink() {  # shrink SRC DEST [crop geometry]
  local crop=()
  [ -n "${3:-}" ] && crop=(-crop "$3" +repage)
  convert "$1" "${crop[@]}" -resize '1100x1100>' -colors 256 -strip "PNG8:$2"
}

page() {  # page PDF PAGE NAME: one page of a PDF as docs/images/NAME.png
  pdftoppm -png -r 70 -f "$2" -l "$2" -singlefile "$1" "$tmp/$3"
  shrink "$tmp/$3.png" "$IMAGES/$3.png"
}

make -s demo >/dev/null
page out/demo_call_sheets.pdf 2 guide_call_sheet
page out/demo_call_sheets_masked.pdf 2 guide_call_sheet_masked
page out/demo_call_sheets_teams.pdf 3 guide_call_sheet_team
page out/demo_situation_report.pdf 1 guide_situation_report
page out/demo_atlas_amphoe.pdf 1 guide_atlas_page
page out/demo_map_a3.pdf 1 guide_map_a3

# a run waiting for review, so the Runs tab has something to show (once: only when none is proposed)
PGSERVICEFILE=$PWD/.pg_service.conf QT_QPA_PLATFORM=offscreen .venv/bin/python - <<'PY'
from jitasa_qgis.services.batch_assignment import BatchAssignmentParams, run_batch_assignment
from jitasa_qgis.store.connection import ConnectionSpec

spec = ConnectionSpec.from_service("jitasa_demo")
with spec.connect() as conn, conn.cursor() as cur:
    cur.execute("SELECT count(*) FROM jitasa.assignment_run WHERE status = 'proposed'")
    proposed = cur.fetchone()[0]
if not proposed:
    params = BatchAssignmentParams(method="optimal", mode="propose", scope_kind="amphoe", area="6710")
    print(f"guide: proposed run {run_batch_assignment(spec, params).run_id} (amphoe 6710)")
PY

shot() {  # shot NAME TAB [CODE CROP]: QGIS with the operations dock on TAB (after a demo script, cropped)
  local display=:$(( 90 + RANDOM % 100 ))
  Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  DISPLAY=$display JITASA_DEMO_TAB="$2" JITASA_DEMO_CODE="${3:-}" setsid make -s run >"$tmp/$1.log" 2>&1 &
  local run=$!
  sleep "$WAIT_S"
  DISPLAY=$display import -window root "$tmp/$1.png"
  kill -- -"$run" 2>/dev/null || kill "$run" 2>/dev/null || true
  sleep 2
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  shrink "$tmp/$1.png" "$IMAGES/$1.png" "${4:-}"
}

(
  flock 9
  shot guide_officer_requests requests_tab
  shot guide_officer_runs runs_tab
  # the menu's dialogs, printed as background tasks, cropped to the dialog (placed by the demo scripts)
  shot guide_call_sheets_dialog requests_tab tools/demo_call_sheets_dialog.py 580x428+508+112
  shot guide_situation_report_dialog requests_tab tools/demo_situation_report_dialog.py 580x340+508+112
) 9>/tmp/jitasa_run.lock

ls -l "$IMAGES"/guide_*.png
