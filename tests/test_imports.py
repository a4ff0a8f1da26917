"""How the modules import each other: no cycles among the package's own
modules (none dodged by importing inside a function), and the query
commands' start-up does not load spaCy."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from support import REPO

ROOT = REPO
PACKAGES = {"extract": "minutes.extract", "models": "minutes.models", "web": "minutes.web"}


def _modules() -> dict[str, Path]:
    out = {"minutes.pipeline": ROOT / "pipeline.py"}
    for folder, package in PACKAGES.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            name = ".".join((package, *parts))
            out[name.removesuffix(".__init__")] = path
    return out


def _imports(path: Path, modules: dict[str, Path]) -> tuple[set[str], list[str]]:
    """The package modules ``path`` imports at module level, and those it imports inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top: set[str] = set()
    nested: list[str] = []

    def targets(node: ast.Import | ast.ImportFrom) -> set[str]:
        if isinstance(node, ast.Import):
            names = {a.name for a in node.names}
        else:
            base = node.module or ""
            names = {f"{base}.{a.name}" for a in node.names} | {base}
        return {n for n in names if n in modules}

    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            top |= targets(node)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            nested += [n for sub in ast.walk(node) if isinstance(sub, (ast.Import, ast.ImportFrom))
                       for n in targets(sub)]
    return top, nested


def test_no_import_cycles_and_no_late_imports_of_our_own_modules():
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        graph[name], nested = _imports(path, modules)
        # the parsers' registry loads each parser with its library on first use (pypdfium2, lxml)
        allowed = {m for m in nested if name == "minutes.extract.parsers" and m.startswith(name + ".")}
        assert set(nested) <= allowed, f"{name} imports {sorted(set(nested) - allowed)} inside a function"
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join(trail[trail.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2
    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_query_commands_start_without_spacy():
    code = "import sys, minutes.pipeline; print(sorted(m for m in ('spacy', 'dateparser') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
