"""Connecteur checker (placeholder until the core lands)."""
