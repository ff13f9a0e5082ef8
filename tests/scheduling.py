"""How pytest-xdist hands tests to workers: a module's run of tests goes to one worker whole.

``tests/conftest.py`` orders the suite by phase, with each module's tests of a phase together (a
"run"). xdist's default hands out tests one by one, so both workers ran parts of most modules and
each built that module's data (the demo, a browser module's committed site) for itself. Here a
whole run goes to one worker, and each worker takes runs from the front of the order, so every
worker still runs its share in phase order. xdist's own ``loadfile`` cannot do this: it would
join a module's runs from two phases into one unit.
"""

from xdist.scheduler import LoadScopeScheduling


def runs(collection):
    """{node id: the key of its run}: runs are numbered in order, so keys sort as they ran."""
    keys, number, previous = {}, 0, None
    for nodeid in collection:
        module = nodeid.split("::", 1)[0]
        if module != previous:
            number, previous = number + 1, module
        keys[nodeid] = f"{number:05d}::{module}"
    return keys


class ModuleRunScheduling(LoadScopeScheduling):
    _runs = None

    def __init__(self, config, log=None):
        super().__init__(config, log)
        # xdist sorts units by size unless told not to: that would undo the phase order.
        config.option.loadscopereorder = False

    def _split_scope(self, nodeid):
        if self._runs is None:
            self._runs = runs(next(iter(self.registered_collections.values())))
        return self._runs[nodeid]
