"""Hearing back once: a person who answered asks, by email with a confirmation (double opt-in),
to be told once when a program's results, or what changed because of them, are shared."""
