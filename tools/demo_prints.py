"""What `make demo` prints into out/ from the demo store (run by tools/devstore.py demo, headless):

- out/demo_map_a3.pdf          the whole province on A3 landscape (jitasa:printmap's service)
- out/demo_atlas_amphoe.pdf    the amphoe atlas of Phetchabun, a page per amphoe (jitasa:printatlas's)
- out/demo_call_sheets.pdf     call sheets of amphoe Wang Pong, names and phones printed (the store's owner)
- out/demo_call_sheets_masked.pdf  the same sheets without personal data (as an analyst prints them)
- out/demo_call_sheets_teams.pdf   the same volunteers' sheets a page per team (volunteers in no team: a page each)
- out/demo_situation_report.pdf / .xlsx  the province's situation report and its tables

python tools/demo_prints.py OUT_DIR   (PGSERVICEFILE pointing at the demo's service file)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SERVICE = "jitasa_demo"
PROVINCE = "67"
SHEETS_AMPHOE = "6710"  # วังโป่ง: 35 volunteers


def main(out: Path) -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from jitasa_qgis.definitions.i18n import load_translator
    from jitasa_qgis.definitions.paths import I18N_DIR
    from jitasa_qgis.services.call_sheets import CallSheetParams, print_call_sheets
    from jitasa_qgis.services.print_map import PrintAtlasParams, PrintMapParams, print_atlas, print_map
    from jitasa_qgis.services.situation_report import SituationReportParams, make_situation_report
    from jitasa_qgis.store.qgis_connections import from_service

    # the prints in the demo's language (Thai unless JITASA_LOCALE says), as make_demo_project does
    translator = load_translator(os.environ.get("JITASA_LOCALE", "th_TH"), I18N_DIR)
    if translator is not None:
        app.installTranslator(translator)
    location = from_service(SERVICE)
    out.mkdir(parents=True, exist_ok=True)
    office = "สำนักงานสาธารณสุขจังหวัดเพชรบูรณ์ (สาธิต)"
    steps = [
        (
            "demo_map_a3.pdf",
            lambda p: print_map(location, PrintMapParams(output=p, template="a3_landscape", office=office)),
        ),
        (
            "demo_atlas_amphoe.pdf",
            lambda p: print_atlas(location, PrintAtlasParams(output=p, level="amphoe", scope=PROVINCE, office=office)),
        ),
        (
            "demo_call_sheets.pdf",
            lambda p: print_call_sheets(location, CallSheetParams(path=p, area=SHEETS_AMPHOE, office=office)),
        ),
        (
            "demo_call_sheets_masked.pdf",
            lambda p: print_call_sheets(
                location, CallSheetParams(path=p, area=SHEETS_AMPHOE, office=office, include_personal=False)
            ),
        ),
        (
            "demo_call_sheets_teams.pdf",
            lambda p: print_call_sheets(
                location, CallSheetParams(path=p, area=SHEETS_AMPHOE, office=office, per_team=True)
            ),
        ),
        (
            "demo_situation_report.pdf",
            lambda p: make_situation_report(
                location,
                SituationReportParams(
                    path=p, tables_path=out / "demo_situation_report.xlsx", area=PROVINCE, office=office
                ),
            ),
        ),
    ]
    failed = 0
    for name, make in steps:
        started = time.perf_counter()
        try:
            result = make(out / name)
        except Exception as exc:  # noqa: BLE001 - one failed print should not hide the others
            failed += 1
            print(f"print: {name} failed: {exc}", file=sys.stderr)
            continue
        pages = getattr(result, "pages", "?")
        print(f"print: {out / name} ({pages} pages, {time.perf_counter() - started:.1f} s)")
    app.exitQgis()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out"))
