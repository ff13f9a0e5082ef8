"""Pages and vocabularies in several languages: words from the translation, facts from the original.

``originals`` finds the page a translation was made from, whose dates, places, registration,
stage, audiences, languages, partners and results every translation shows; ``vocabulary`` shows
the terms pages are described with (audiences, languages, places, partners) in the visitor's
language, read in bulk; ``fields`` tells wagtail-localize which fields are translated and which
stay the original's.
"""
