"""What the listing says it found, in words: the results heading and the page's title.

"12 programs for families in Arabic, online, this week": a patron who filtered, and a screen
reader user landing on the heading, hear what the list holds without reading the form again.
"""

from clpages.programs.filter_fields import ACCESS_FEATURES, long_date
from clpages.stages import SessionFormat, Stage

FORMAT_WORDS = {
    SessionFormat.IN_PERSON: "in person",
    SessionFormat.ONLINE: "online",
    SessionFormat.HYBRID: "both in person and online",
}
WHEN_WORDS = {"today": "today", "week": "this week", "month": "this month"}


def lower_first(name):
    """ "Older adults" reads "for older adults"; a name written otherwise ("ASL users") stays as written."""
    first_word = name.split(" ", 1)[0]
    if first_word[:1].isupper() and first_word[1:].islower():
        return name[0].lower() + name[1:]
    return name


def in_words(things):
    """ "a", "a and b", "a, b and c"."""
    things = list(things)
    if len(things) < 2:
        return "".join(things)
    return f"{', '.join(things[:-1])} and {things[-1]}"


def what_was_chosen(filters):
    """(who, the rest): the phrases describing the choices in use, in the order they read."""
    who = []
    if filters.audience:
        who.append(f"for {lower_first(filters.audience.name)}")
    if filters.language:
        who.append(f"in {filters.language.name}")
    if filters.topic:
        who.append(f"about {filters.topic.name}")
    rest = []
    if filters.partner:
        rest.append(f"co-created with {filters.partner.name}")
    if filters.stage:
        rest.append(f"at the stage “{Stage(filters.stage).label}”")
    if filters.location:
        rest.append(f"at {filters.location.name}")
    if filters.format:
        rest.append(FORMAT_WORDS[filters.format])
    if filters.when:
        rest.append(WHEN_WORDS[filters.when])
    if filters.date_from and filters.date_to:
        rest.append(f"between {long_date(filters.date_from)} and {long_date(filters.date_to)}")
    elif filters.date_from:
        rest.append(f"from {long_date(filters.date_from)}")
    elif filters.date_to:
        rest.append(f"until {long_date(filters.date_to)}")
    if filters.access:
        rest.append("with " + in_words(ACCESS_FEATURES[feature][2] for feature in filters.access))
    if filters.free:
        rest.append("free of charge")
    if filters.q:
        rest.append(f"matching “{filters.q}”")
    if filters.include_past:
        rest.append("including past programs")
    return who, rest


def results_heading(filters, count):
    """ "12 programs for families in Arabic, online, this week", or "No programs ..."."""
    found = f"{count} program{'s' if count != 1 else ''}" if count else "No programs"
    who, rest = what_was_chosen(filters)
    if not who and not rest:
        return found if count else "No programs yet"
    text = " ".join([found, *who])
    if rest:
        text += (", " if who else " ") + ", ".join(rest)
    return text


def results_title(heading, items, has_errors=False):
    """The start of the page's <title>: the heading, the page of results, and whether some
    choices could not be used, so the browser tab and a screen reader's first words say it."""
    title = heading
    if items.paginator.num_pages > 1:
        title += f", page {items.number} of {items.paginator.num_pages}"
    if has_errors:
        title = f"Some of your choices could not be used. {title}"
    return title
