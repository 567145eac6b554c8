"""Statistics, printed forms and spreadsheets."""
