"""Builds small test inputs by hand: PDFs written byte by byte (so the tests
need no converter), including a genuinely encrypted one and an image-only one."""
from __future__ import annotations

import hashlib
import struct

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")

# (x, y from the bottom, font size, text), optionally with a word spacing
# (the Tw a justifying producer sets to stretch the line's spaces)
TextLine = tuple[float, float, float, str] | tuple[float, float, float, str, float]
# (x0, y0, x1, y1) from the bottom left: a stroked line when x0 == x1 or
# y0 == y1, otherwise a stroked rectangle with those corners
Rule = tuple[float, float, float, float]


def _escape(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def _rules(rules: list[Rule]) -> bytes:
    out = b"0.5 w\n"
    for x0, y0, x1, y1 in rules:
        if x0 == x1 or y0 == y1:
            out += b"%g %g m %g %g l S\n" % (x0, y0, x1, y1)
        else:
            out += b"%g %g %g %g re S\n" % (x0, y0, x1 - x0, y1 - y0)
    return out


def ruled_grid(xs: list[float], ys: list[float], omit: tuple[Rule, ...] = ()) -> list[Rule]:
    """The rules of a table whose column edges are xs and row edges ys (from
    the top down): the outer frame as one rectangle, every inner rule as one
    line per cell side, except the sides listed in omit (merged cells)."""
    inner = [(x, b, x, t) for x in xs[1:-1] for t, b in zip(ys, ys[1:])]
    inner += [(l, y, r, y) for y in ys[1:-1] for l, r in zip(xs, xs[1:])]
    return [(xs[0], ys[-1], xs[-1], ys[0]), *(r for r in inner if r not in omit)]


# Helvetica's advance widths (thousandths of the type size) for lower case
# letters and the space; other characters are taken as wide as an "n"
HELVETICA = dict(zip(" abcdefghijklmnopqrstuvwxyz", [278, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
                                                      222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
                                                      500, 500, 500]))


def text_width(text: str, size: float) -> float:
    return sum(HELVETICA.get(c, 556) for c in text) * size / 1000


def _runs(text: str, size: float) -> bytes:
    """The line's text shown in Helvetica, its **marked** runs in Helvetica-Bold."""
    return b"".join(b"/F%d %g Tf (%s) Tj " % (2 if i % 2 else 1, size, _escape(run))
                    for i, run in enumerate(text.split("**")) if run)


def _content(lines: list[TextLine], unit_font: bool = False) -> bytes:
    out = b""
    for x, y, size, text, *spacing in lines:
        tw = b"%g Tw " % (spacing[0] if spacing else 0)  # word spacing outlives ET: set it on every line
        if unit_font:  # a 1-point font scaled to size by the text matrix
            out += b"BT %s%g 0 0 %g %g %g Tm %sET\n" % (tw, size, size, x, y, _runs(text, 1))
        else:
            out += b"BT %s%g %g Td %sET\n" % (tw, x, y, _runs(text, size))
    return out


def rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


class _Encryption:
    """PDF standard security handler, revision 2 (40-bit RC4), with a user
    password: no reader can show the pages without it."""

    def __init__(self, password: str, file_id: bytes) -> None:
        padded = (password.encode() + PAD)[:32]
        self.owner = rc4(hashlib.md5(padded).digest()[:5], padded)
        self.permissions = -44
        self.key = hashlib.md5(padded + self.owner + struct.pack("<i", self.permissions) + file_id).digest()[:5]
        self.user = rc4(self.key, PAD)

    def stream(self, number: int, data: bytes) -> bytes:
        key = hashlib.md5(self.key + struct.pack("<i", number)[:3] + b"\0\0").digest()[:10]
        return rc4(key, data)

    def dictionary(self) -> bytes:
        return b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
            self.owner.hex().encode(), self.user.hex().encode(), self.permissions)


def make_pdf(pages: list[list[TextLine]], *, password: str | None = None, image: bool = False,
             width: float = 612, height: float = 792, rules: list[list[Rule]] | None = None,
             form_shift: tuple[float, float] | None = None, unit_font: bool = False,
             fills: list[list[Rule]] | None = None) -> bytes:
    """A PDF whose pages show the given lines in Helvetica, runs marked **so** in
    Helvetica-Bold (and the page's
    rules, if given, and its fills: rectangles painted in yellow behind the
    text, as a highlighter marks words), or (image=True) only a grey image and
    no text at all.
    With form_shift the rules are drawn inside a form XObject whose matrix
    moves them by (dx, dy), as producers that reuse drawings do. With
    unit_font every line is set in a 1-point font that its text matrix
    scales to the line's size, as Mac Quartz and Acrobat Distiller write."""
    file_id = hashlib.md5(repr(pages).encode()).digest()
    crypt = _Encryption(password, file_id) if password else None
    objects: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
                                 3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                                 5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                                    b"/Encoding /WinAnsiEncoding >>"}
    next_number, kids = 6, []

    def stream(number: int, head: bytes, data: bytes) -> bytes:
        data = crypt.stream(number, data) if crypt else data
        return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (head, len(data), data)

    objects[4] = stream(4, b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 8", b"\x40\x80\xc0\xff")
    for index, lines in enumerate(pages):
        page, content = next_number, next_number + 1
        next_number += 2
        kids.append(b"%d 0 R" % page)
        body = b"".join(b"q 1 1 0 rg %g %g %g %g re f Q\n" % (x0, y0, x1 - x0, y1 - y0)
                        for x0, y0, x1, y1 in (fills[index] if fills else []))
        body += b"q 300 0 0 300 150 300 cm /Im1 Do Q\n" if image else _content(lines, unit_font)
        forms = b""
        if rules and form_shift:
            form = next_number
            next_number += 1
            objects[form] = stream(form, b"/Type /XObject /Subtype /Form /BBox [0 0 %g %g] /Matrix [1 0 0 1 %g %g]"
                                   % (width, height, *form_shift), _rules(rules[index]))
            forms = b" /Fm1 %d 0 R" % form
            body += b"q /Fm1 Do Q\n"
        elif rules:
            body += _rules(rules[index])
        objects[content] = stream(content, b"", body)
        objects[page] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents %d 0 R "
                         b"/Resources << /Font << /F1 3 0 R /F2 5 0 R >> /XObject << /Im1 4 0 R%s >> >> >>"
                         % (width, height, content, forms))
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    trailer_extra = b""
    if crypt:
        objects[next_number] = crypt.dictionary()
        trailer_extra = b" /Encrypt %d 0 R" % next_number
        next_number += 1
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for number in sorted(objects):
        out += b"%010d 00000 n \n" % offsets[number]
    out += (b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]%s >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, file_id.hex().encode(), file_id.hex().encode(), trailer_extra, xref))
    return bytes(out)
