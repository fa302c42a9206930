"""Use cases over the database: take a Session, may flush, never commit.

The view or command that calls a service commits once, so a failed request leaves
nothing half-written.
"""
