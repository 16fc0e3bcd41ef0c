"""Renderers: a run result → JSON, terminal text, HTML scorecards, CSV."""
