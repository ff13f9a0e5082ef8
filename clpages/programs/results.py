"""What the listing says it found, in words: the results heading and the page's title.

"12 programs for families in Arabic, online, this week": a patron who filtered, and a screen
reader user landing on the heading, hear what the list holds without reading the form again.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from clpages.programs.filter_fields import ACCESS_FEATURES, long_date
from clpages.stages import SessionFormat, Stage

FORMAT_WORDS = {
    SessionFormat.IN_PERSON: gettext_lazy("in person"),
    SessionFormat.ONLINE: gettext_lazy("online"),
    SessionFormat.HYBRID: gettext_lazy("both in person and online"),
}
WHEN_WORDS = {
    "today": gettext_lazy("today"),
    "week": gettext_lazy("this week"),
    "month": gettext_lazy("this month"),
}


def lower_first(name):
    """ "Older adults" reads "for older adults"; a name written otherwise ("ASL users") stays as written."""
    first_word = name.split(" ", 1)[0]
    if first_word[:1].isupper() and first_word[1:].islower():
        return name[0].lower() + name[1:]
    return name


def in_words(things):
    """ "a", "a and b", "a, b and c"."""
    things = [str(thing) for thing in things]
    if len(things) < 2:
        return "".join(things)
    return _("%(first)s and %(last)s") % {"first": _(", ").join(things[:-1]), "last": things[-1]}


def what_was_chosen(filters):
    """(who, the rest): the phrases describing the choices in use, in the order they read."""
    who = []
    if filters.audience:
        who.append(_("for %(audience)s") % {"audience": lower_first(filters.audience.name)})
    if filters.language:
        who.append(_("in %(language)s") % {"language": filters.language.name})
    if filters.topic:
        who.append(_("about %(topic)s") % {"topic": filters.topic.name})
    rest = []
    if filters.partner:
        rest.append(_("co-created with %(partner)s") % {"partner": filters.partner.name})
    if filters.stage:
        rest.append(_("at the stage “%(stage)s”") % {"stage": Stage(filters.stage).label})
    if filters.location:
        rest.append(_("at %(place)s") % {"place": filters.location.name})
    if filters.format:
        rest.append(str(FORMAT_WORDS[filters.format]))
    if filters.when:
        rest.append(str(WHEN_WORDS[filters.when]))
    if filters.date_from and filters.date_to:
        rest.append(
            _("between %(start)s and %(end)s")
            % {"start": long_date(filters.date_from), "end": long_date(filters.date_to)}
        )
    elif filters.date_from:
        rest.append(_("from %(day)s") % {"day": long_date(filters.date_from)})
    elif filters.date_to:
        rest.append(_("until %(day)s") % {"day": long_date(filters.date_to)})
    if filters.access:
        rest.append(
            _("with %(features)s")
            % {"features": in_words(ACCESS_FEATURES[feature][2] for feature in filters.access)}
        )
    if filters.free:
        rest.append(_("free of charge"))
    if filters.q:
        rest.append(_("matching “%(text)s”") % {"text": filters.q})
    if filters.include_past:
        rest.append(_("including past programs"))
    return who, rest


def results_heading(filters, count):
    """ "12 programs for families in Arabic, online, this week", or "No programs ..."."""
    if count:
        found = ngettext("%(count)s program", "%(count)s programs", count) % {"count": count}
    else:
        found = _("No programs")
    who, rest = what_was_chosen(filters)
    if not who and not rest:
        return found if count else _("No programs yet")
    text = " ".join([found, *who])
    if rest:
        text += (_(", ") if who else " ") + _(", ").join(rest)
    return text


def results_title(heading, items, has_errors=False):
    """The start of the page's <title>: the heading, the page of results, and whether some
    choices could not be used, so the browser tab and a screen reader's first words say it."""
    title = heading
    if items.paginator.num_pages > 1:
        title += _(", page %(number)s of %(total)s") % {
            "number": items.number,
            "total": items.paginator.num_pages,
        }
    if has_errors:
        title = _("Some of your choices could not be used. %(title)s") % {"title": title}
    return title
