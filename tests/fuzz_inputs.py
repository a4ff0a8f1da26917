"""Hostile inputs made from the seeds: PDF, DOCX and text files mutated at
random (a seeded generator, so a run can be replayed), for the fuzz test."""
from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path
from typing import Callable


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(1, len(data))]


def _repeat(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    chunk = data[start:start + rng.randint(1, 4096)]
    return data[:start] + chunk * rng.randint(2, 200) + data[start:]


def _splice(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + rng.randbytes(rng.randint(1, 2048)) + data[start + rng.randint(0, 2048):]


BYTES: list[Callable[[random.Random, bytes], bytes]] = [_flip, _truncate, _repeat, _splice]

# What the probe found hard on Word files: numbering and spans out of range, deep nesting, long runs.
XML_EDITS = [
    lambda rng, x: re.sub(r'w:val="\d+"', lambda m: f'w:val="{rng.choice(["-1", "x", "99999999999", "9"])}"', x, count=20),
    lambda rng, x: x.replace("<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{rng.choice([0, 400000000, -3])}"/>', 5),
    lambda rng, x: x.replace("<w:p>", "<w:p>" + "<w:r><w:t>" + "[" * rng.randint(1000, 50000) + "</w:t></w:r>", 1),
    lambda rng, x: x.replace("</w:body>", "<w:p><w:r><w:t>" + "£1,000 and " * rng.randint(1000, 20000)
                             + "</w:t></w:r></w:p></w:body>"),
    lambda rng, x: x[:rng.randrange(len(x))],
]


def _docx(rng: random.Random, data: bytes) -> bytes:
    """A Word file whose document.xml is edited, repacked so the zip itself is sound."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "word/document.xml":
                body = rng.choice(XML_EDITS)(rng, body.decode("utf-8")).encode("utf-8")
            z.writestr(item, body)
    return out.getvalue()


TEXT_EDITS = [
    lambda rng, t: t.encode("utf-16"),
    lambda rng, t: t.encode("utf-8").replace(b"e", b"\xe9", rng.randint(1, 3)),
    lambda rng, t: t.encode("utf-8") + b"\x00" * rng.randint(1, 5000) + t.encode("utf-8"),
    lambda rng, t: t.replace("\n\n", " ").encode("utf-8") * rng.randint(1, 30),
    lambda rng, t: (t + "<table><tr><td>" * rng.randint(100, 5000) + "<" * rng.randint(100, 20000)).encode("utf-8"),
    lambda rng, t: (t + "\t".join(f"{2000 + i % 30}/{i % 30 + 1:02d}" for i in range(rng.randint(100, 4000)))).encode(),
]


def mutate(seeds: list[Path], count: int, seed: int, folder: Path) -> list[Path]:
    """``count`` mutated files in ``folder``, each named after its seed and mutation."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(count):
        source = rng.choice(seeds)
        data = source.read_bytes()
        suffix = source.suffix.lower()
        if suffix == ".docx" and rng.random() < 0.6:
            data, how = _docx(rng, data), "xml"
        elif suffix in (".txt", ".md") and rng.random() < 0.6:
            edit = rng.randrange(len(TEXT_EDITS))
            data, how = TEXT_EDITS[edit](rng, data.decode("utf-8", "replace")), f"text{edit}"
        else:
            op = rng.choice(BYTES)
            data, how = op(rng, data), op.__name__.strip("_")
        path = folder / f"{n:03d}-{how}-{source.stem[:20]}{suffix}"
        path.write_bytes(data)
        out.append(path)
    return out
