"""The examples in the core's docstrings run as tests."""
import doctest
import importlib
import pkgutil

import pytest

import gongkai

CORE_MODULES = sorted(
    info.name for info in pkgutil.walk_packages(gongkai.__path__, "gongkai.")
    if not info.name.startswith("gongkai.web") and info.name not in ("gongkai.__main__",)
)


@pytest.mark.parametrize("name", CORE_MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert 0 == result.failed
