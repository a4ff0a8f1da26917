"""Legacy word-processor files (Word 97-2003 .doc, .rtf, OpenDocument .odt)
converted to .docx by LibreOffice, headless, in a temporary folder and with
a time limit, then read by the Word parser. The parsed file keeps the
original's path, sha256 and format, so every fact points at what the user has.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from minutes.extract.errors import ParseError

TIMEOUT = 120  # seconds; LibreOffice converts a long .doc in 2-5 s
INSTALL = "install LibreOffice Writer (Debian: apt-get install libreoffice-writer-nogui)"
SUFFIX = {"doc": ".doc", "rtf": ".rtf", "odt": ".odt"}
# the import filter for each: left to guess, LibreOffice reads a broken file as plain text
FILTER = {"doc": "MS Word 97", "rtf": "Rich Text Format", "odt": "writer8"}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(path: Path, data: bytes, fmt: str, timeout: float = TIMEOUT) -> bytes:
    """The .docx LibreOffice makes of ``data`` (a file in format ``fmt``)."""
    program = soffice()
    if program is None:
        raise ParseError(str(path), "unsupported", f"{fmt} files need LibreOffice to be read: {INSTALL}")
    with tempfile.TemporaryDirectory(prefix="minutes-convert-") as tmp:
        work = Path(tmp)
        source = work / f"source{SUFFIX[fmt]}"  # our own name: the user's may be anything
        source.write_bytes(data)
        # a profile of its own, so conversions running side by side do not share one
        command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                   "--nolockcheck", f"--infilter={FILTER[fmt]}", "--convert-to", "docx:MS Word 2007 XML",
                   "--outdir", str(work / "out"),
                   str(source)]
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # soffice starts helpers: end the whole group
            proc.communicate()
            raise ParseError(str(path), "timeout", f"LibreOffice took over {timeout:g} s to convert it") from None
        result = work / "out" / "source.docx"
        if not result.is_file():
            said = " ".join(err.decode("utf-8", "replace").split())[:300]
            raise ParseError(str(path), "corrupt", f"LibreOffice could not read this {fmt} file"
                             + (f": {said}" if said else ""))
        return result.read_bytes()
