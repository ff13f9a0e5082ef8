"""Who may read the library's reports: library staff, known by a permission, never a group name.

The library-staff role's permission (``clpages.add_partnermembership``, clpages.partners.roles)
marks the library's own people. As for pages, only grants from outside partner groups count
(``staff_codenames``): ticking it for a partner group by mistake never opens the reports to them.
"""

from clpages.partners.roles import LIBRARY_STAFF_PERMISSION
from clpages.partners.scope import staff_codenames

_CACHE = "_clpages_reads_reports"


def reads_reports(user):
    """Whether the user is library staff (cached on the user object: the menu asks per report)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, _CACHE):
        app_label, _, codename = LIBRARY_STAFF_PERMISSION
        setattr(user, _CACHE, bool(staff_codenames(user, app_label, [codename])))
    return getattr(user, _CACHE)
