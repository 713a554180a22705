"""Page views of requests: ``public`` (applicants, no login) and ``staff`` (the office)."""
