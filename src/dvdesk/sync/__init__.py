"""Exchange with the office above (later issues)."""
