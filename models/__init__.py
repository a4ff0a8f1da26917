"""Storage and queries: the database behind the ``minutes`` command."""
from minutes.models.db import connect, database_url
from minutes.models.store import IngestReport, ingest_paths, store_extraction

__all__ = ["connect", "database_url", "IngestReport", "ingest_paths", "store_extraction"]
