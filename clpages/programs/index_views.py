"""What a program index page serves: its filtered listing and its calendar."""

from clpages.models import ProgramIndexPage
from clpages.programs.calendar import serve_calendar
from clpages.programs.listing import listing_context


def connect():
    # Each takes the page first, so on the class they are the page's own methods.
    ProgramIndexPage.listing_context = listing_context
    ProgramIndexPage.serve_calendar = serve_calendar
