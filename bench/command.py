"""Measure the public pages at 100, 1,000 and 10,000 programs in a throwaway database.

    python -m bench                      # 100, 1000 and 10000 programs
    python -m bench --programs 10000     # one size
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clpages python -m bench

SQLite builds a fresh file in a temporary folder; PostgreSQL builds a database named
``clpages_bench`` on the same server (dropped afterwards). The configured database is never
read or written. Rendered images go to a temporary media folder.
"""

import os
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.test.utils import override_settings

from bench import languages, registrations, surveys
from bench.catalogue import Catalogue
from bench.measure import TARGETS, measure_all

BENCH_DATABASE = "clpages_bench"


def _sizes(value):
    try:
        sizes = sorted({int(part) for part in value.split(",") if part.strip()})
    except ValueError as error:
        raise CommandError("--programs takes numbers separated by commas, e.g. 100,1000,10000") from error
    if not sizes or sizes[0] < 1:
        raise CommandError("--programs needs at least one positive number")
    return sizes


def machine_speed_ms():
    """Milliseconds for a fixed pure-Python loop (best of three): how fast the machine is now.

    Shared and virtual machines slow down when their neighbours are busy; this tells readers of
    a table whether its figures came from a fast or a slow spell.
    """
    timings = []
    for _ in range(3):
        started, total = time.perf_counter(), 0
        for i in range(3_000_000):
            total += i
        timings.append((time.perf_counter() - started) * 1000)
    return min(timings)


class Command(BaseCommand):
    help = "Build a throwaway catalogue of N programs and measure queries and server time per page."

    def add_arguments(self, parser):
        parser.add_argument(
            "--programs", default="100,1000,10000", help="Catalogue sizes, e.g. 100,1000,10000"
        )
        parser.add_argument("--repeat", type=int, default=20, help="Requests per page for the median")
        parser.add_argument("--keep", action="store_true", help="Keep the throwaway database afterwards")
        parser.add_argument("--markdown", action="store_true", help="Print the table as Markdown")
        parser.add_argument(
            "--database-name",
            default=BENCH_DATABASE,
            help="PostgreSQL: the throwaway database's name, so two runs on one server do not collide",
        )

    def handle(self, *args, programs, repeat, keep, markdown, database_name, **options):
        sizes = _sizes(programs)
        self.speed_before = machine_speed_ms()
        connection = connections["default"]
        vendor = connection.vendor
        if vendor not in ("sqlite", "postgresql"):
            raise CommandError(f"The benchmark runs on SQLite or PostgreSQL, not {vendor}.")
        with tempfile.TemporaryDirectory(prefix="clpages-bench-") as workdir:
            test_settings = connection.settings_dict.setdefault("TEST", {})
            test_settings["NAME"] = (
                str(Path(workdir) / "bench.sqlite3") if vendor == "sqlite" else database_name
            )
            self.stdout.write(f"Building a throwaway {vendor} database: {test_settings['NAME']}")
            original_name = connection.creation.create_test_db(
                verbosity=0, autoclobber=True, serialize=False, keepdb=False
            )
            try:
                rows = self._run(sizes, repeat, Path(workdir))
            finally:
                connection.creation.destroy_test_db(original_name, verbosity=0, keepdb=keep)
        self._print(rows, sizes, vendor, repeat, markdown)

    def _run(self, sizes, repeat, workdir):
        token = uuid.uuid4().hex[:8]
        cache_settings = {alias: dict(config) for alias, config in settings.CACHES.items()}
        catalogue = Catalogue()
        rows = {}
        self.registration_posts = {}
        self.survey_rows = {}
        self.language_rows = {}
        translations = languages.Translations(catalogue)
        # Emails (registrations) stay in memory: nobody is written to, nothing personal is printed.
        with override_settings(
            MEDIA_ROOT=workdir / "media",
            DEBUG=False,
            ALLOWED_HOSTS=["localhost"],
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ):
            for size in sizes:
                started = time.perf_counter()
                catalogue.grow_to(size)
                self.stdout.write(
                    f"  {size:>6} programs built in {time.perf_counter() - started:.1f} s; measuring"
                )
                # A key prefix of its own per size: nothing stored by the site or an earlier size is
                # read, and nothing is cleared (the cache may be a shared Redis).
                for alias, config in cache_settings.items():
                    config["KEY_PREFIX"] = f"clpages-bench-{token}-{size}"
                    if config["BACKEND"].endswith("LocMemCache"):
                        # A memory cache of its own, roomy enough not to evict the pages measured.
                        config["LOCATION"] = f"clpages-bench-{alias}-{size}"
                        config["OPTIONS"] = {"MAX_ENTRIES": 100_000}
                if registrations.installed():
                    registrations.take_registrations(catalogue)
                with override_settings(CACHES=cache_settings, CLPAGES_PAGE_CACHE_SECONDS=300):
                    rows[size] = measure_all(catalogue, repeat)
                    if registrations.installed():
                        self.registration_posts[size] = registrations.measure_registration_post(
                            catalogue, repeat
                        )
                    if surveys.installed():
                        self.survey_rows[size] = surveys.measure_survey(catalogue, repeat)
                    self.language_rows[size] = languages.measure_languages(translations, repeat)
        return rows

    def _print_languages(self, sizes):
        """The lists in each language: English, French (half translated), Arabic (none)."""
        out = self.stdout.write
        out("In each language (fr: half the programs translated; ar: none), uncached; cached:")
        for i, first in enumerate(self.language_rows[sizes[0]]):
            cells = []
            for size in sizes:
                result = self.language_rows[size][i]
                if not result.available:
                    cells.append(f"N={size:,}: {result.note or 'not available'}")
                    continue
                cells.append(
                    f"N={size:,}: {result.queries} q, {result.median_ms:.1f} ms (CPU {result.cpu_ms:.1f}); "
                    f"cached {result.cached_queries} q, {result.cached_ms:.1f} ms"
                )
            growth = {self.language_rows[size][i].queries for size in sizes}
            out(f"  {first.name}: " + "; ".join(cells) + ("; queries GROW with N" if len(growth) > 1 else ""))

    def _print(self, rows, sizes, vendor, repeat, markdown):
        out = self.stdout.write
        out("")
        out(
            f"{vendor}: SQL queries per request, median server time (wall clock, and CPU of the serving "
            f"thread) over {repeat} requests, uncached; then served from the page cache"
        )
        header = ["page"] + [f"N={size:,}" for size in sizes] + ["target"]
        table = []
        for i, target in enumerate(TARGETS):
            cells = [target.name + (" *" if target.extra else "")]
            verdict = "-"
            for size in sizes:
                result = rows[size][i]
                if not result.available:
                    cells.append(result.note or "not available")
                    verdict = "not available"
                    continue
                cells.append(
                    f"{result.queries} q, {result.median_ms:.1f} ms (CPU {result.cpu_ms:.1f}); "
                    f"cached {result.cached_queries} q, {result.cached_ms:.1f} ms"
                )
            last = rows[sizes[-1]][i]
            if last.available:
                verdict = f"< {last.limit_ms:.0f} ms: {'met' if last.within_limit else 'MISSED'}"
                if not last.within_limit:
                    verdict += f" (CPU: {'met' if last.cpu_ms < last.limit_ms else 'missed'})"
                growth = {rows[size][i].queries for size in sizes if rows[size][i].available}
                if len(growth) > 1:
                    verdict += "; queries GROW with N"
            cells.append(verdict)
            table.append(cells)
        if markdown:
            out("| " + " | ".join(header) + " |")
            out("|" + "---|" * len(header))
            for cells in table:
                out("| " + " | ".join(cells) + " |")
        else:
            widths = [max(len(str(row[c])) for row in [header] + table) for c in range(len(header))]
            for cells in [header] + table:
                out("  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=True)))
        out("* measured for information; not one of the pages the targets name.")
        for size, post in self.registration_posts.items():
            if post.median_ms is None:
                out(f"Registration POST at N={size:,}: {post.note}")
                continue
            out(
                f"Registration POST at N={size:,}: {post.queries} q, {post.median_ms:.1f} ms "
                f"(CPU {post.cpu_ms:.1f}), a new person each time; {post.note}"
            )
        for size, (page, post) in self.survey_rows.items():
            if page.available:
                out(
                    f"{page.name} at N={size:,}: {page.queries} q, {page.median_ms:.1f} ms "
                    f"(CPU {page.cpu_ms:.1f}); cached {page.cached_queries} q, {page.cached_ms:.1f} ms"
                )
            if post.median_ms is not None:
                out(
                    f"Survey POST at N={size:,}: {post.queries} q, {post.median_ms:.1f} ms "
                    f"(CPU {post.cpu_ms:.1f}); {post.note}"
                )
            else:
                out(f"Survey POST at N={size:,}: {post.note}")
        self._print_languages(sizes)
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        out(f"Machine: {os.cpu_count()} cores, load average {load} (1, 5, 15 min) at the end of the run.")
        out(
            f"Machine speed: a fixed pure-Python loop took {self.speed_before:.0f} ms before the run and "
            f"{machine_speed_ms():.0f} ms after it (lower is faster; on a shared machine it varies)."
        )
        out("URLs: " + "; ".join(f"{r.name}: {r.url}" for r in rows[sizes[-1]] if r.url))
