"""Pieces every app shares: the application error. Not a Django app (it has no models)."""
