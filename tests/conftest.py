"""Shared test fixtures. ../shared (read-only test material) sits beside the
repository; tests that need it skip with a clear message when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"test material not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def pg_url() -> str:
    """URL of a real PostgreSQL server started for this test run."""
    from postgres_server import Unavailable, postgres_server
    try:
        server = postgres_server()
        url = server.__enter__()
    except Unavailable as e:
        pytest.skip(f"PostgreSQL tests skipped: {e}")
    yield url
    server.__exit__(None, None, None)
