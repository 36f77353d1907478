"""One runner for every malformed-data case: each content module keeps its table (MALFORMED:
test id, data file, change to its parsed YAML, what the error must name) beside the data it
covers; here each case breaks a copy of data/ and the loader must refuse it in those words."""
from __future__ import annotations

import importlib

import pytest

from tests.conftest import break_yaml, expect_data_error

TABLES = ("test_content_p0", "test_content_p1", "test_content_p2a", "test_content_p2b", "test_content_p3")
CASES = [pytest.param(name, change, expected, id=f"{table.removeprefix('test_content_')}-{case_id}")
         for table in TABLES
         for case_id, name, change, expected in importlib.import_module(f"tests.data.{table}").MALFORMED]


def test_every_table_has_cases():
    assert all(importlib.import_module(f"tests.data.{t}").MALFORMED for t in TABLES)


@pytest.mark.parametrize("name, change, expected", CASES)
def test_malformed_data_is_refused_naming_file_entry_and_field(data_copy, name, change, expected):
    break_yaml(data_copy, name, change)
    expect_data_error(data_copy, *expected)
