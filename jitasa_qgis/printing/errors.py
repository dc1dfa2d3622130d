"""The one exception of printing: a code (definitions.print_errors) and its detail; str() gives the words."""

from __future__ import annotations

from ..definitions.print_errors import PrintErrorCode, print_error_text


class PrintError(ValueError):
    """A print that cannot be made; a ValueError so services and Processing report it like bad input."""

    def __init__(self, code: PrintErrorCode | str, detail: str = ""):
        self.code = PrintErrorCode(code)
        self.detail = detail
        super().__init__(code, detail)

    def __str__(self) -> str:
        return print_error_text(self.code, self.detail)
