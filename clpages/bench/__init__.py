"""Measuring the public pages at catalogue sizes a large library system reaches."""
