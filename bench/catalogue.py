"""A large, realistic program catalogue built fast, for the benchmark and the query-count tests.

Adding 10,000 pages one by one through treebeard's ``add_child`` and a published revision takes
far too long, so pages are bulk-inserted with their tree paths computed here. Views never read
revisions of these pages, so none are created; the pages are live and their search index
entries are written in bulk.
"""

import datetime
import io
import random

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from clpages.models import (
    Audience,
    CommunityHubPage,
    CommunityPartner,
    EvaluationIndexPage,
    EvaluationPage,
    Language,
    Location,
    PartnershipIndexPage,
    PartnershipPage,
    ProgramIndexPage,
    ProgramPage,
    ProgramSession,
    ProgramTag,
)
from clpages.models.program_search import INDEXED_RELATIONS
from clpages.models.programs import refresh_last_session_end
from clpages.performance.cache import new_generation
from clpages.stages import LocationKind, PartnerKind, Registration, SessionFormat, SessionStatus, Stage

AUDIENCES = ["Children", "Teens", "Families", "Adults", "Older adults", "Newcomers", "Caregivers"]
LANGUAGES = ["English", "French", "Arabic", "Spanish", "Tagalog", "Punjabi", "Mandarin", "Somali"]
TOPICS = [
    "gardening", "coding", "reading", "storytime", "jobs", "housing", "health", "music", "art",
    "crafts", "games", "history", "science", "film", "cooking", "writing", "language exchange",
    "citizenship", "money", "tenants", "seniors tech", "makerspace", "poetry", "chess",
]  # fmt: skip
WORDS = [
    "community", "garden", "circle", "club", "workshop", "kitchen", "lab", "café", "walk",
    "studio", "hour", "night", "corner", "table", "stories", "skills", "together", "neighbours",
]  # fmt: skip
PARTNER_KINDS = [kind for kind, _ in PartnerKind.choices]
IMAGE_COLOURS = ["#1b5e20", "#0d47a1", "#b71c1c", "#4a148c", "#e65100", "#006064", "#3e2723", "#263238"]
PAGE_FIELDS_SET_HERE = ("title", "draft_title", "slug", "path", "depth", "url_path")


def _png(colour, size=(320, 214)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def _create_images(prefix, count):
    image_model = get_image_model()
    images = []
    for i in range(count):
        colour = IMAGE_COLOURS[i % len(IMAGE_COLOURS)]
        name = f"{prefix}-{i}.png"
        image = image_model(title=f"{prefix} {i}", file=ImageFile(io.BytesIO(_png(colour)), name=name))
        image.save()
        images.append(image)
    return images


def bulk_add_children(parent, model, rows, *, published_at):
    """Insert ``rows`` (dicts of field values, title and slug included) as live children of ``parent``.

    Returns the new pages' ids in order. Paths continue after the parent's last child, so the
    tree stays valid for treebeard and for pages added later through the admin.
    """
    original, parent = parent, Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    next_step = last._get_lastpos_in_path() + 1 if last else 1
    depth = parent.depth + 1
    content_type = ContentType.objects.get_for_model(model)
    locale_id = parent.locale_id or Locale.get_default().pk
    page_field_names = {f.attname for f in Page._meta.concrete_fields}
    pages, children = [], []
    for i, row in enumerate(rows):
        page_values = {k: v for k, v in row.items() if k in page_field_names}
        child_values = {k: v for k, v in row.items() if k not in page_field_names}
        moment = published_at(i) if callable(published_at) else published_at
        pages.append(
            Page(
                content_type=content_type,
                locale_id=locale_id,
                path=Page._get_path(parent.path, depth, next_step + i),
                depth=depth,
                numchild=0,
                url_path=f"{parent.url_path}{row['slug']}/",
                draft_title=row["title"],
                live=True,
                has_unpublished_changes=False,
                first_published_at=moment,
                last_published_at=moment,
                latest_revision_created_at=moment,
                **page_values,
            )
        )
        children.append(child_values)
    Page.objects.bulk_create(pages, batch_size=500)
    specific = [model(page_ptr_id=page.pk, **values) for page, values in zip(pages, children, strict=True)]
    fields = model._meta.local_concrete_fields
    batch = max(1, min(500, connection.ops.bulk_batch_size(fields, specific)))
    for start in range(0, len(specific), batch):
        model._base_manager.all()._insert(specific[start : start + batch], fields=fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    original.numchild = parent.numchild + len(pages)
    return [page.pk for page in pages]


def _index_for_search(model, ids, prefetch=()):
    backend = get_search_backend()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        backend.add_bulk(model, list(model.objects.filter(pk__in=chunk).prefetch_related(*prefetch)))


class Catalogue:
    """A site with one community hub whose program index grows to N programs.

    ``grow_to`` only adds, so the benchmark measures 100, then 1,000, then 10,000 programs
    without rebuilding.
    """

    def __init__(self, seed=2026, programs_per_partner=40):
        self.random = random.Random(seed)
        self.programs_per_partner = programs_per_partner
        self.now = timezone.now().replace(minute=0, second=0, microsecond=0)
        self.programs = 0
        self.partners = []
        self.program_ids = []

    # --- the fixed part of the site -------------------------------------------------------
    def build_site(self):
        root = Page.get_first_root_node()
        from django.apps import apps

        # The site's own home page type when the project has one; the app does not depend on it.
        home_model = apps.get_model("home", "HomePage") if apps.is_installed("home") else Page
        home = root.add_child(instance=home_model(title="Home", slug="bench-home"))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"root_page": home, "hostname": "localhost", "port": 80, "site_name": "Bench Library"},
        )
        self.hub = home.add_child(
            instance=CommunityHubPage(title="Community", slug="community", show_in_menus=True)
        )
        self.program_index = self.hub.add_child(instance=ProgramIndexPage(title="Programs", slug="programs"))
        self.partnership_index = self.hub.add_child(
            instance=PartnershipIndexPage(title="Partnerships", slug="partnerships")
        )
        self.evaluation_index = self.hub.add_child(
            instance=EvaluationIndexPage(title="Evaluations", slug="evaluations")
        )
        self.audiences = [Audience.objects.create(name=name) for name in AUDIENCES]
        self.languages = [Language.objects.create(name=name) for name in LANGUAGES]
        self.locations = Location.objects.bulk_create(
            Location(
                name=f"{name} Branch" if i < 8 else f"{name} Community Centre",
                kind=LocationKind.BRANCH if i < 8 else LocationKind.VENUE,
                street_address=f"{10 + i} {name} Street",
                city="Riverbend",
                postcode=f"R{i}B 1A{i}",
                step_free_access=i % 3 != 0,
                locale=Locale.get_default(),
            )
            for i, name in enumerate(
                [
                    "Central",
                    "Northside",
                    "Riverside",
                    "Eastgate",
                    "Westend",
                    "Southport",
                    "Hillcrest",
                    "Lakeview",
                    "Maple",
                    "Cedar",
                    "Oak",
                    "Willow",
                ]  # fmt: skip
            )
        )
        self.program_images = _create_images("program", 8)
        self.logos = _create_images("logo", 6)
        return self

    def _add_partners(self, count):
        start = len(self.partners)
        new = CommunityPartner.objects.bulk_create(
            CommunityPartner(
                name=f"{self.random.choice(WORDS).title()} Collective {start + i + 1}",
                slug=f"collective-{start + i + 1}",
                locale=Locale.get_default(),
                kind=PARTNER_KINDS[(start + i) % len(PARTNER_KINDS)],
                description="A community group that plans programs with the library.",
                logo=self.logos[(start + i) % len(self.logos)] if (start + i) % 2 == 0 else None,
                contact_email=f"private{start + i}@example.org",
            )
            for i in range(count)
        )
        self.partners.extend(new)
        rows = [
            {
                "title": f"Working with {partner.name}",
                "slug": f"partnership-{partner.slug}",
                "partner_id": partner.pk,
                "summary": f"How the library and {partner.name} plan together.",
                "framing_stage": "listen",
                "people_to_reach": "Families new to the neighbourhood.",
                "success_looks_like": "People feel the library is theirs too.",
            }
            for partner in new
        ]
        ids = bulk_add_children(self.partnership_index, PartnershipPage, rows, published_at=self.now)
        _index_for_search(PartnershipPage, ids, prefetch=("partner",))

    # --- programs --------------------------------------------------------------------------
    def grow_to(self, total):
        if not hasattr(self, "hub"):
            self.build_site()
        count = total - self.programs
        if count <= 0:
            return self
        with transaction.atomic():
            wanted_partners = max(5, total // self.programs_per_partner)
            if wanted_partners > len(self.partners):
                self._add_partners(wanted_partners - len(self.partners))
            ids = self._add_programs(count)
            self._add_evaluations(ids)
        # Bulk writes send no signals: start a new content generation as publishing would.
        new_generation()
        if connection.vendor in ("sqlite", "postgresql"):
            # Fresh statistics, as autovacuum or a nightly ANALYZE would give a real site. On
            # PostgreSQL also what autovacuum would do to freshly loaded tables, now rather than
            # in the middle of the measurements (it cannot run inside a test's transaction).
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        return self

    def _add_programs(self, count):
        rnd = self.random
        first = self.programs
        rows, anchors = [], []
        for n in range(first, first + count):
            words = rnd.sample(WORDS, 2)
            title = f"{words[0].title()} {words[1]} {n + 1}"
            # Programs spread over the past year and the next three months, as on a real site.
            anchors.append(
                self.now + datetime.timedelta(days=rnd.randint(-330, 90), hours=rnd.choice([10, 14, 18]))
            )
            rows.append(
                {
                    "title": title,
                    "slug": slugify(title),
                    "summary": f"{title}: planned with neighbours who asked for it.",
                    "image_id": self.program_images[n % len(self.program_images)].pk,
                    "stage": Stage.values[n % len(Stage.values)],
                    "body": [{"type": "text", "value": f"<p>{title} is co-created with the community.</p>"}],
                    "community_goals": "<p>Meet neighbours and share what we know.</p>",
                    "success_looks_like": "<p>People come back and bring a friend.</p>",
                    "step_free_access": n % 2 == 0,
                    "captions": n % 5 == 0,
                    "is_free": n % 7 != 0,
                    "search_description": "",
                    "seo_title": "",
                }
            )
        published = [self.now - datetime.timedelta(days=count - i, minutes=i % 60) for i in range(count)]
        ids = bulk_add_children(self.program_index, ProgramPage, rows, published_at=lambda i: published[i])
        self._add_program_relations(ids, anchors)
        self.programs += count
        self.program_ids.extend(ids)
        _index_for_search(ProgramPage, ids, prefetch=INDEXED_RELATIONS)
        return ids

    def _add_program_relations(self, ids, anchors):
        rnd = self.random
        tags = self._tags()
        sessions, tagged, audiences, languages, partners = [], [], [], [], []
        through = ProgramPage.audiences.through, ProgramPage.languages.through
        partner_through = ProgramPage.co_created_with.through
        for i, (program_id, anchor) in enumerate(zip(ids, anchors, strict=True)):
            for week in range(1 + i % 3):
                fmt = [
                    SessionFormat.IN_PERSON,
                    SessionFormat.IN_PERSON,
                    SessionFormat.ONLINE,
                    SessionFormat.HYBRID,
                ][(i + week) % 4]
                start = anchor + datetime.timedelta(weeks=week)
                sessions.append(
                    ProgramSession(
                        program_id=program_id,
                        sort_order=week,
                        start=start,
                        end=start + datetime.timedelta(hours=2),
                        location=None
                        if fmt == SessionFormat.ONLINE
                        else self.locations[i % len(self.locations)],
                        format=fmt,
                        online_url="" if fmt == SessionFormat.IN_PERSON else "https://meet.example.org/room",
                        registration=Registration.REQUIRED if i % 4 == 0 else Registration.NONE,
                        capacity=20 if i % 4 == 0 else None,
                        status=SessionStatus.CANCELLED if (i + week) % 17 == 0 else SessionStatus.SCHEDULED,
                    )
                )
            for tag in rnd.sample(tags, 2):
                tagged.append(ProgramTag(content_object_id=program_id, tag=tag))
            for audience in rnd.sample(self.audiences, 2):
                audiences.append(through[0](programpage_id=program_id, audience_id=audience.pk))
            for language in rnd.sample(self.languages, 1 + i % 2):
                languages.append(through[1](programpage_id=program_id, language_id=language.pk))
            for partner in rnd.sample(self.partners, 1 + i % 2):
                partners.append(partner_through(programpage_id=program_id, communitypartner_id=partner.pk))
        ProgramSession.objects.bulk_create(sessions, batch_size=1000)
        # bulk_create sends no signals: store each program's last session end as a save would.
        for start in range(0, len(ids), 500):
            refresh_last_session_end(ids[start : start + 500])
        ProgramTag.objects.bulk_create(tagged, batch_size=1000)
        through[0].objects.bulk_create(audiences, batch_size=1000)
        through[1].objects.bulk_create(languages, batch_size=1000)
        partner_through.objects.bulk_create(partners, batch_size=1000)

    def _tags(self):
        from taggit.models import Tag

        if not hasattr(self, "_tag_objects"):
            self._tag_objects = [
                Tag.objects.get_or_create(name=t, defaults={"slug": slugify(t)})[0] for t in TOPICS
            ]
        return self._tag_objects

    def _add_evaluations(self, program_ids):
        rows = []
        for program_id in program_ids[::20]:
            rows.append(
                {
                    "title": f"How program {program_id} went",
                    "slug": f"evaluation-{program_id}",
                    "program_id": program_id,
                    "summary": "What the community said success looks like, and what happened.",
                    "success_definition": "<p>Neighbours who had not met now meet each month.</p>",
                    "success_agreed_by": "The planning group",
                    "success_agreed_on": datetime.date(2026, 1, 15),
                    "period_start": datetime.date(2026, 2, 1),
                    "period_end": datetime.date(2026, 6, 30),
                }
            )
        ids = bulk_add_children(self.evaluation_index, EvaluationPage, rows, published_at=self.now)
        _index_for_search(EvaluationPage, ids)

    # --- what the benchmark needs to know ----------------------------------------------------
    def sample_program(self):
        """A program with upcoming sessions, as a patron would open: the same one at every size."""
        if not hasattr(self, "_sample_id"):
            first = self.program_ids[:100]
            upcoming = list(
                ProgramSession.objects.filter(program_id__in=first, start__gte=self.now)
                .order_by("program_id")
                .values_list("program_id", flat=True)
            )
            self._sample_id = upcoming[len(upcoming) // 2] if upcoming else first[len(first) // 2]
        return ProgramPage.objects.get(pk=self._sample_id)
