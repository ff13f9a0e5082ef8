"""The demo library shows a weekly series with one cancelled and one moved date."""

import datetime

import pytest
from django.utils import timezone

from clpages.models import ProgramSession
from clpages.recurrence import Change, Repeat

pytestmark = pytest.mark.django_db


def test_demo_has_a_weekly_series_with_one_cancelled_and_one_moved_date(demo_module, db):
    session = ProgramSession.objects.get(program__slug="conversation-cafe")
    assert session.repeat == Repeat.WEEKLY and session.repeat_count == 12
    dates = list(session.occurrences.order_by("start"))
    assert len(dates) == 12
    assert [date.change for date in dates if date.change] == [Change.CANCELLED, Change.MOVED]
    moved = next(date for date in dates if date.is_moved)
    moved_by = timezone.localtime(moved.start).date() - timezone.localtime(moved.original_start).date()
    assert moved_by == datetime.timedelta(days=2)
    assert timezone.localtime(moved.start).time() == timezone.localtime(moved.original_start).time()
    assert (moved.end - moved.start) == (session.end - session.start)


def test_demo_series_page_shows_its_pattern_and_its_changed_dates(demo_module, db, client):
    html = client.get("/community/programs/conversation-cafe/").content.decode()
    assert "<li>Every " in html
    assert '<span class="badge badge--cancelled">Cancelled</span>' in html
    assert '<span class="badge badge--moved">Moved</span>' in html
    assert "The library is closed for the holiday." in html
