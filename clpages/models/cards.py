"""What a program card says beside its title: its next date, time and place, who it is for, its
languages and who co-created it. The program listing and the community hub show the same facts,
read for a whole list of cards in a fixed number of queries."""

from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail.images import get_image_model

from clpages.i18n.originals import in_language_of, original_ids
from clpages.joining import attach_registration_states
from clpages.models.occurrences import SessionOccurrence
from clpages.models.programs import link_names
from clpages.stages import SessionStatus

# What a card lists by name: the attribute set on each program, for each kind of link_names.
CARD_NAMES = {
    "audiences": "audience_names",
    "languages": "language_names",
    "co_created_with": "partner_names",
}
# The long text no card shows, left unread.
LONG_TEXT = ("body", "community_goals", "success_looks_like")


def attach_names(programs):
    """Give each program of a list of cards the names its card lists, joined, in one query.

    The names are in the active language, those of a translation's original (clpages.i18n), and
    the languages carry their own names marked up with their language (safe HTML).
    """
    programs = list(programs)
    originals = original_ids(programs)
    names = link_names(set(originals.values()), CARD_NAMES)
    comma = ", "
    for program in programs:
        for kind, attribute in CARD_NAMES.items():
            listed = names.get((originals[program.pk], kind), [])
            setattr(program, attribute, mark_safe(comma.join(conditional_escape(name) for name in listed)))
    return programs


def cards_in_language(cards, page):
    """``cards`` (original programs, as soonest_programs gives them) as ``page``'s reader sees
    them: each translated program in its own words with its original's facts, date and picture;
    untranslated ones as they are. One query, none in the default language."""
    shown = in_language_of(cards, page)
    for card, item in zip(cards, shown, strict=True):
        if item is not card:
            item.next_session = card.next_session
            item.image = card.image
            for name in ("stage", "kind", *CARD_NAMES.values()):
                setattr(item, name, getattr(card, name))
    return shown


def attach_next_sessions(programs, sessions):
    """Give each program its ``next_session``: the first of ``sessions`` (a SessionOccurrence
    queryset) that is one of its own, with its place, in one query; None without one."""
    programs = list(programs)
    chosen = (
        sessions.filter(program__in=[program.pk for program in programs])
        .select_related("location", "session")
        .order_by("start", "pk")
    )
    first = {}
    for session in chosen:
        first.setdefault(session.program_id, session)
    # Places left and "Full" from registrations taken on this website, one query for the page.
    attach_registration_states(list(first.values()))
    for program in programs:
        program.next_session = first.get(program.pk)
    return programs


def soonest_programs(programs, count, rendition_spec, now=None):
    """The ``count`` programs of ``programs`` whose next session starts soonest, as cards.

    Read through their sessions, in one query: each program's next session (still to end, not
    cancelled) with the program, its image and the place, in the order of their starts. The
    database walks the sessions' (start, end) index and stops after ``count`` (5 ms at 10,000
    programs on SQLite, where reading every program's next session and sorting took 16), asking
    of each session only whether its program is visible (EXISTS, by primary key) and whether it
    is that program's next. Then the image renditions and the names, one query each.
    """
    ahead = SessionOccurrence.objects.filter(end__gte=now or timezone.now()).exclude(
        status=SessionStatus.CANCELLED
    )
    first_of_program = ahead.filter(program=OuterRef("program")).order_by("start", "pk").values("pk")[:1]
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=rendition_spec)
    # Chosen in a subquery of their own, so joining the programs does not make the database
    # read them all first. Not by title within a start, for the same reason.
    chosen = (
        ahead.filter(Exists(programs.filter(pk=OuterRef("program_id"))), pk=Subquery(first_of_program))
        .order_by("start", "pk")
        .values("pk")[:count]
    )
    sessions = (
        SessionOccurrence.objects.filter(pk__in=chosen)
        .select_related("program", "program__image", "location", "session")
        .defer(*(f"program__{name}" for name in LONG_TEXT))
        .prefetch_related(Prefetch("program__image__renditions", queryset=renditions))
        .order_by("start", "pk")
    )
    cards = []
    for session in sessions:
        session.program.next_session = session
        cards.append(session.program)
    return attach_names(cards)
