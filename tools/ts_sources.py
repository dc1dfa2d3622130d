"""Copy the plugin's sources for pylupdate5, with the one change it needs to see every message.

pylupdate5 (Qt 5) silently skips `translate("Ctx", "text",)`: a trailing comma after the last argument,
which ruff format adds whenever it splits a call over lines. The copies drop that comma; nothing else
changes, so the line numbers in the .ts stay those of the real files.
"""

from __future__ import annotations

import io
import shutil
import sys
import tokenize
from pathlib import Path


def without_trailing_commas(source: str) -> str:
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    drop: set[tuple[int, int]] = set()
    for i, tok in enumerate(tokens):
        if tok.type != tokenize.NAME or tok.string != "translate":
            continue
        if i + 1 >= len(tokens) or tokens[i + 1].string != "(":
            continue
        depth, last_comma = 0, None
        for tok2 in tokens[i + 1 :]:
            if tok2.type in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT):
                continue
            if tok2.string in "([{" and tok2.type == tokenize.OP:
                depth += 1
            elif tok2.string in ")]}" and tok2.type == tokenize.OP:
                depth -= 1
                if depth == 0:
                    if last_comma is not None:
                        drop.add(last_comma.start)
                    break
            last_comma = tok2 if (tok2.type == tokenize.OP and tok2.string == "," and depth == 1) else None
    if not drop:
        return source
    lines = source.splitlines(keepends=True)
    for row, col in sorted(drop, reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + " " + line[col + 1 :]
    return "".join(lines)


def main(repo: Path, out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    for path in sorted((repo / "jitasa_qgis").rglob("*.py")):
        target = out / path.relative_to(repo)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(without_trailing_commas(path.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(repo / "ui", out / "ui")
    (out / "i18n").mkdir()


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
