"""The core imports nothing from Django: only gongkai.web may."""
import ast
from pathlib import Path

import gongkai

CORE = Path(gongkai.__file__).parent


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_core_never_imports_django():
    offenders = [
        str(path.relative_to(CORE))
        for path in CORE.rglob("*.py")
        if "web" not in path.relative_to(CORE).parts
        and any(name.split(".")[0] == "django" for name in _imports(path))
    ]
    assert [] == offenders
