"""Measuring the public pages at catalogue sizes a large library system reaches.

Outside the installable app: `python -m bench` (or `make bench`) runs it from a checkout, with the
Django project of site/ like manage.py.
"""
