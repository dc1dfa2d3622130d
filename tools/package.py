"""Build the installable plugin zip: one top folder jitasa_qgis/ with the package, metadata.txt, LICENSE,
resources/, ui/ and the compiled i18n/*.qm (the .ts sources stay out)."""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOP = "jitasa_qgis"


def files_to_package() -> list[tuple[Path, str]]:
    items: list[tuple[Path, str]] = []
    for path in sorted((ROOT / "jitasa_qgis").rglob("*.py")):
        if "__pycache__" not in path.parts:
            items.append((path, f"{TOP}/{path.relative_to(ROOT / 'jitasa_qgis')}"))
    for name in ("metadata.txt", "LICENSE"):
        items.append((ROOT / name, f"{TOP}/{name}"))
    for folder in ("resources", "ui"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                items.append((path, f"{TOP}/{path.relative_to(ROOT)}"))
    for path in sorted((ROOT / "i18n").glob("*.qm")):
        items.append((path, f"{TOP}/i18n/{path.name}"))
    return items


def build(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for src, arcname in files_to_package():
            zf.write(src, arcname)
    tmp.replace(out)  # never leave a half-written zip behind
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    path = build(args.out)
    print(f"built {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
