"""The rulebook: its schema (pydantic) and its loading with line numbers."""
