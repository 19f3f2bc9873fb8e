"""Contract tests of bot/storage, one module per repository; each runs on SQLite and PostgreSQL."""
