"""The blank DOCX and ODT of each worksheet as script data, for the page to fill with the
reader's answers (sc-office.js): a page opened from file:// may fetch nothing, but it may load
a script. `<file>.js` beside each download sets `window.scTemplates[<file>]` to the file's
bytes in base64; it loads only when a reader asks for their answers as a document."""
from __future__ import annotations

import base64
import json

FORMATS = ("docx", "odt")


def script_name(filename: str) -> str:
    return f"{filename}.js"


def script(filename: str, blob: bytes) -> str:
    key = json.dumps(filename, ensure_ascii=True)  # a file name we made: JSON is a JS string literal
    return f'(window.scTemplates=window.scTemplates||{{}})[{key}]="{base64.b64encode(blob).decode("ascii")}";\n'
