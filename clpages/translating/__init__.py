"""Translating the community section's pages with wagtail-localize, through Community review."""
