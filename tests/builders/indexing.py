"""Search and reference index updates skipped while a page is being built, until its last save.

A page built through Wagtail is saved three times (added to the tree, a revision, published), and
a program's sessions once each; every save rewrote the page's search index entry and its reference
index rows, which was about a third of the time a program took to build. Only the last save's
update counts: each update reads the page afresh from the database and replaces what was there.
So the builders skip the updates of the steps before the last save, and that save updates both
indexes exactly as it always did (tests/test_builders.py compares the two).
"""

import contextlib
import threading

import modelsearch.signal_handlers
import wagtail.signal_handlers

# (module, name of the task it enqueues): the post_save handlers of the search index and of the
# reference index look these up when a model is saved.
_TASKS = (
    (modelsearch.signal_handlers, "insert_or_update_object_task"),
    (wagtail.signal_handlers, "update_reference_index_task"),
)
_depth = threading.local()


class _Skipped:
    """Stands in for an index task: enqueues nothing."""

    def enqueue(self, *args, **kwargs):
        return None


@contextlib.contextmanager
def index_updates_skipped():
    """Saves in this block leave the search and reference indexes as they are.

    Only for the steps of a build before its last save of the same objects. Re-entrant. The
    tasks are swapped for the whole process: a live server thread saving meanwhile would skip
    them too, so build before the browser starts.
    """
    depth = getattr(_depth, "value", 0)
    if depth == 0:
        originals = [(module, name, getattr(module, name)) for module, name in _TASKS]
        for module, name, _ in originals:
            setattr(module, name, _Skipped())
    _depth.value = depth + 1
    try:
        yield
    finally:
        _depth.value = depth
        if depth == 0:
            for module, name, task in originals:
                setattr(module, name, task)
