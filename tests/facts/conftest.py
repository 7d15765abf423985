"""Shared fixtures of the facts tests: a tiny rule pack built here (not the bundled one, which is
written separately) and the bundled unit registry."""

from __future__ import annotations

import pytest

from plancheck.facts.model import Registry
from plancheck.facts.registry import load_registry
from plancheck.rules.model import Pack

LEVELS = ["department", "district", "commune"]

_TINY_PACK = Pack.model_validate({
    "pack": {"id": "test", "title_vi": "Thử", "source": "test", "period": "2022"},
    "areas": [{"id": "attt", "name_vi": "An toàn thông tin"}],
    "metrics": [
        {"id": "info_systems_total", "name_vi": "Tổng số hệ thống", "kind": "count", "levels": LEVELS},
        {"id": "info_systems_classified", "name_vi": "Số hệ thống đã phân loại", "kind": "count",
         "levels": LEVELS, "not_above": ["info_systems_total"]},
        {"id": "online_records_pct", "name_vi": "Tỷ lệ hồ sơ", "kind": "percent", "levels": LEVELS},
        {"id": "has_document_system", "name_vi": "Có hệ thống QLVB", "kind": "yes_no", "levels": ["department"]},
        {"id": "news_items", "name_vi": "Số tin bài", "kind": "count", "levels": ["district", "commune"]},
        {"id": "it_budget_vnd", "name_vi": "Chi CNTT", "kind": "amount_vnd", "levels": ["province"]},
        {"id": "population_density", "name_vi": "Mật độ", "kind": "number", "levels": LEVELS},
    ],
    "targets": [{
        "id": "ATTT-1", "area": "attt", "title_vi": "70% hệ thống được phân loại", "clause": "II.2.a",
        "measure": {"ratio": {"numerator": "info_systems_classified", "denominator": "info_systems_total"}},
        "levels": LEVELS, "threshold": ">= 70%",
    }],
})


@pytest.fixture(scope="session")
def pack() -> Pack:
    return _TINY_PACK


@pytest.fixture(scope="session")
def registry() -> Registry:
    reg, diagnostics = load_registry()
    assert diagnostics == []
    return reg
