"""Where the state lives: SQLite files in the state folder (the default, no server) or one
PostgreSQL database shared by every node (`AIOPS_DATABASE_URL`, or `database:` in the environment
file). Imports only `aiops.core`; the stores above it (incident index, approvals ledger, audit trail,
idempotency keys, incident memory) run their SQL through `sql.Database`."""

from aiops.storage.config import DatabaseConfig, resolve
from aiops.storage.sql import Connection, Database, SqliteDatabase
from aiops.storage.url import DatabaseURL, redact_url

__all__ = ["Connection", "Database", "DatabaseConfig", "DatabaseURL", "SqliteDatabase", "redact_url", "resolve"]
