"""The package layout: one package per stage, imports flowing one way, no import cycles.

Every import counts, including those inside functions (a lazy import is still a dependency); only
imports under `if TYPE_CHECKING:` (annotations) are left out.
"""
from __future__ import annotations

import ast
import os
import tomllib

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PACKAGE = os.path.join(ROOT, "src", "notelint")

# The stages in the order data flows through them: a module may import its own stage and earlier ones.
STAGES = ("reading", "parsing", "linting", "diffing", "finding", "reporting", "runner", "cli")


def _modules() -> dict[str, str]:
    """Dotted module name -> file, for every module of the package."""
    found = {}
    for folder, _dirs, files in os.walk(PACKAGE):
        for name in files:
            if name.endswith(".py"):
                rel = os.path.relpath(os.path.join(folder, name), os.path.dirname(PACKAGE))[:-3]
                parts = rel.split(os.sep)
                if parts[-1] == "__init__":
                    parts = parts[:-1]
                found[".".join(parts)] = os.path.join(folder, name)
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(module: str, path: str, modules: dict[str, str]) -> set[str]:
    """The notelint modules `module` imports (a name imported from a package counts as its submodule
    when there is one, else as the package)."""
    is_package = path.endswith("__init__.py")
    package = module.split(".") if is_package else module.split(".")[:-1]
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "notelint")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "notelint":
                return
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in modules else target)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(open(path, encoding="utf-8").read(), path))
    out.discard(module)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def test_every_stage_is_a_package_with_a_docstring():
    modules = _modules()
    for stage in STAGES:
        path = modules.get(f"notelint.{stage}")
        assert path, f"no package notelint.{stage}"
        doc = ast.get_docstring(ast.parse(open(path, encoding="utf-8").read()))
        assert doc, f"notelint/{stage}/__init__.py should say the stage's job in a line or two"


def test_imports_flow_one_way_through_the_stages():
    wrong = []
    for module, imported in _graph().items():
        here = _stage(module)
        for target in imported:
            there = _stage(target)
            if target == "notelint" and module != "notelint":
                # The top-level package is the public API, which imports the stages.
                wrong.append(f"{module} imports the top-level package (take names from their stage)")
            elif here and there and STAGES.index(there) > STAGES.index(here):
                wrong.append(f"{module} ({here}) imports {target} ({there}), a later stage")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_import_cycles():
    graph = _graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_cycle_check_sees_a_cycle_made_by_a_function_level_import(tmp_path):
    # The checker itself: two modules importing each other, one of them lazily inside a function.
    a = tmp_path / "a.py"
    a.write_text("from .b import x\n")
    b = tmp_path / "b.py"
    b.write_text("def f():\n    from .a import y\n")
    modules = {"notelint.pkg.a": str(a), "notelint.pkg.b": str(b)}
    assert _imports("notelint.pkg.a", str(a), modules) == {"notelint.pkg.b"}
    assert _imports("notelint.pkg.b", str(b), modules) == {"notelint.pkg.a"}


def test_pyproject_lists_every_package():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        listed = set(tomllib.load(fh)["tool"]["setuptools"]["packages"])
    packages = {name for name, path in _modules().items() if path.endswith("__init__.py")}
    assert packages <= listed, f"add to pyproject's packages: {sorted(packages - listed)}"


@pytest.mark.parametrize("stage", STAGES)
def test_tests_mirror_the_package_tree(stage):
    assert os.path.isdir(os.path.join(HERE, stage)), f"tests for notelint/{stage} belong in tests/{stage}/"
