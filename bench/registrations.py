"""Registration on the website at scale: the catalogue's every fourth program takes registrations,
each of its sessions with some places taken; then a registration POST is timed.

Kept apart from the catalogue so the catalogue's own programs (which tests read) stay as they are.
"""

import statistics
import time

from django.apps import apps
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from bench.measure import LIMIT_MS, Result
from clpages.models import ProgramSession
from clpages.models.occurrences import occurrence_key
from clpages.performance.cache import new_generation
from clpages.stages import Registration as RegistrationKind
from clpages.stages import SessionStatus

PLACES_TAKEN = (3, 2, 1, 2, 4)


def installed():
    return apps.is_installed("clpages.registrations")


def take_registrations(catalogue):
    """Every fourth program not yet converted takes registrations on the website (20 places a
    session), with five registrations per session."""
    registration = apps.get_model("clpages_registrations", "Registration")
    # The plain program page measured stays a program without registration here.
    done = getattr(catalogue, "_registering_ids", set()) | {catalogue.sample_program().pk}
    wanted = [pk for pk in catalogue.program_ids[1::4] if pk not in done]
    with transaction.atomic():
        sessions = list(ProgramSession.objects.filter(program_id__in=wanted).values_list("pk", "start"))
        ProgramSession.objects.filter(program_id__in=wanted).update(
            registration=RegistrationKind.ON_SITE, capacity=20, registration_url=""
        )
        rows = [
            registration(
                session_id=pk,
                date_key=occurrence_key(pk, 0, start),
                status="confirmed",
                places=places,
                name=f"Person {pk}-{n}",
                email=f"person{pk}-{n}@example.org",
            )
            for pk, start in sessions
            for n, places in enumerate(PLACES_TAKEN)
        ]
        registration.objects.bulk_create(rows, batch_size=2000)
    catalogue._registering_ids = done | set(wanted)
    new_generation()


def registering_program(catalogue):
    """A program of the catalogue taking registrations, with an upcoming session: the same at every size."""
    if not hasattr(catalogue, "_registering_sample"):
        session = (
            ProgramSession.objects.filter(
                registration=RegistrationKind.ON_SITE,
                status=SessionStatus.SCHEDULED,
                start__gte=catalogue.now,
                program_id__in=catalogue.program_ids[:400],
            )
            .order_by("program_id", "start")
            .first()
        )
        catalogue._registering_sample = session
    return catalogue._registering_sample


def measure_registration_post(catalogue, repeat):
    """Median time of a registration POST (a new person each time), its queries, and whether the
    page cache of the rest of the site survives it."""
    result = Result("registration POST", limit_ms=LIMIT_MS)
    session = registering_program(catalogue)
    if session is None:
        result.note = "not available"
        return result
    ProgramSession.objects.filter(pk=session.pk).update(capacity=100_000, places_per_registration=4)
    url = f"/register/{session.pk}/{occurrence_key(session.pk, 0, session.start)}/"
    result.url = url
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    counter = iter(range(1_000_000))

    def post():
        n = next(counter)
        return client.post(url, {"name": "Bench person", "email": f"bench{n}@example.org", "places": "1"})

    with override_settings(CLPAGES_REGISTRATION_RATE="1000000/h"):
        result.status = post().status_code  # warm up
        if result.status != 302:
            result.note = f"not available (HTTP {result.status})"
            return result
        result.status = 200
        with CaptureQueriesContext(connection) as queries:
            post()
        result.queries = len(queries)
        wall, cpu = [], []
        for _ in range(repeat):
            started, started_cpu = time.perf_counter(), time.thread_time()
            post()
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - started_cpu) * 1000)
        result.median_ms, result.cpu_ms = statistics.median(wall), statistics.median(cpu)
        # The listing stored before a registration is still served from the cache after it.
        browser = Client(HTTP_HOST="localhost")
        browser.get(catalogue.program_index.url)
        post()
        kept = browser.get(catalogue.program_index.url).get("X-Page-Cache") == "hit"
        result.cached_queries, result.cached_ms = 0, 0.0
        result.note = "page cache kept" if kept else "page cache EMPTIED"
    return result
