"""The REST API of requests (django-ninja): ``public`` without login, ``staff`` with a bearer token.

Both call the same services and selectors as the pages.
"""
