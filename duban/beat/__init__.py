"""Exactly one beat: a lease that a beat must hold before it sends anything (docs/operations.md)."""
