"""Storage: SQLAlchemy models, the engine and unit of work, Alembic migrations. The only SQL."""
