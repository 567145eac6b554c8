"""Pure rules of the admission pipeline. Imports neither Qt nor SQLAlchemy, and does no I/O."""
