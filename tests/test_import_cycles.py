"""No import cycles among the program's modules.

Counted: the imports a module runs when it is imported (module level, including inside top-level
``if``/``try`` blocks and class bodies). Not counted: imports inside functions (the accepted way
to defer a heavy or optional import until it is used) and ``if TYPE_CHECKING:`` blocks (never run).
An import is an arrow to the module it names and to the packages above it that are not already
being imported (the importing module's own ancestors always are): in ``x.p.m``, ``from . import
n`` is an arrow to the module ``x.p.n`` only, ``from . import NAME`` (not a module) one to ``x.p``,
and ``from ..q.r import s`` arrows to ``x.q`` and ``x.q.r`` (and ``x.q.r.s`` when that is a module).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "xiangyun_desk"


def module_files(root: Path, package: str) -> dict[str, Path]:
    """Dotted module name -> file, for every module of ``package`` under ``root``."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_time_nodes(node: ast.AST):
    """The import statements that run when ``node`` (a module) runs; functions' bodies do not."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            yield from _import_time_nodes(ast.Module(body=child.orelse, type_ignores=[]))
        else:
            yield from _import_time_nodes(child)


def _with_packages(target: str, importer: str) -> list[str]:
    """``target`` and the packages above it, less those that ``importer`` is inside of."""
    parts = target.split(".")
    prefixes = (".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return [p for p in prefixes if importer != p and not importer.startswith(p + ".")]


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module -> the package's modules it imports at import time."""
    modules = module_files(root, package)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        targets: set[str] = set()
        for node in _import_time_nodes(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    targets.update(_with_packages(alias.name, name))
                continue
            if node.level:
                base = here[:len(here) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                if submodule in modules:  # "from . import x" imports the module x
                    targets.update(_with_packages(submodule, name))
                else:  # a name defined by ``source``: it must have run first
                    targets.add(source)
                    targets.update(_with_packages(source, name))
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def tangles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module: each module of one reaches
    every other through imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def visit(v: str) -> None:  # Tarjan; the graph is small enough for recursion
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(components, key=min)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path that returns to its start) per tangle."""
    found = []
    for component in tangles(graph):
        start = min(component)
        # Shortest way back to start inside the component (breadth first).
        previous = {start: None}
        queue = [start]
        end = None
        while queue and end is None:
            v = queue.pop(0)
            for w in sorted(graph[v] & component):
                if w == start:
                    end = v
                    break
                if w not in previous:
                    previous[w] = v
                    queue.append(w)
        path = [start]
        while end is not None and end != start:
            path.insert(1, end)
            end = previous[end]
        found.append(path + [start])
    return sorted(found)


def test_the_finder_sees_cycles_through_every_kind_of_import(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("from . import v\nVERSION = '1'\n")
    (pkg / "v.py").write_text("from . import VERSION\n")  # needs pkg/__init__ finished: a cycle
    (pkg / "a.py").write_text("from .sub import b\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "b.py").write_text("try:\n    import pkg.c\nexcept ImportError:\n    pass\n")
    (pkg / "c.py").write_text("class K:\n    from . import a\n")
    # Not counted: a function's import, a TYPE_CHECKING import, the importer's own packages.
    (pkg / "d.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                              "    from . import e\ndef f():\n    from . import e\n")
    (pkg / "e.py").write_text("from pkg import d\nimport pkg.sub\n")
    (pkg / "sub" / "f.py").write_text("from . import b\nfrom .. import a\n")
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.a"] == {"pkg.sub", "pkg.sub.b"}
    assert graph["pkg.d"] == set()
    assert graph["pkg.e"] == {"pkg.d", "pkg.sub"}
    assert graph["pkg.sub.f"] == {"pkg.sub.b", "pkg.a"}
    assert cycles(graph) == [["pkg", "pkg.v", "pkg"], ["pkg.a", "pkg.sub.b", "pkg.c", "pkg.a"]]


def test_no_import_cycles_in_the_program():
    graph = import_graph(ROOT, PACKAGE)
    found = [f"{' -> '.join(cycle)}\n  (tangled: {', '.join(sorted(tangle))})"
             for cycle, tangle in zip(cycles(graph), tangles(graph), strict=True)]
    assert not found, "import cycles:\n" + "\n".join(found)
