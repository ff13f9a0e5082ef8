"""Small builders for the page tree and records the tests need."""

import contextlib
import datetime
import itertools

from django.utils import timezone
from wagtail.models import Page, Site

from clpages.models import (
    CommunityHubPage,
    CommunityPartner,
    EvaluationIndexPage,
    EvaluationPage,
    Location,
    PartnershipIndexPage,
    PartnershipPage,
    ProgramIndexPage,
    ProgramPage,
    ProgramSession,
)
from home.models import HomePage

_seq = itertools.count(1)


def build_site():
    """Home page as the default site's root, with the community hub and its three indexes."""
    root = Page.get_first_root_node()
    home = HomePage(title="Home", slug="home-test")
    root.add_child(instance=home)
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    hub = home.add_child(instance=CommunityHubPage(title="Community", slug="community", show_in_menus=True))
    programs = hub.add_child(instance=ProgramIndexPage(title="Programs", slug="programs"))
    partnerships = hub.add_child(instance=PartnershipIndexPage(title="Partnerships", slug="partnerships"))
    evaluations = hub.add_child(instance=EvaluationIndexPage(title="Evaluations", slug="evaluations"))
    return {
        "home": home,
        "hub": hub,
        "programs": programs,
        "partnerships": partnerships,
        "evaluations": evaluations,
    }


def make_partner(name=None, **kwargs):
    name = name or f"Partner {next(_seq)}"
    kwargs.setdefault("description", f"{name} works with families across the city.")
    return CommunityPartner.objects.create(name=name, **kwargs)


def make_location(name=None, **kwargs):
    name = name or f"Branch {next(_seq)}"
    kwargs.setdefault("street_address", "1 Main Street")
    kwargs.setdefault("city", "Riverbend")
    return Location.objects.create(name=name, **kwargs)


def make_program(index, title=None, partners=(), sessions=1, location=None, **kwargs):
    title = title or f"Program {next(_seq)}"
    kwargs.setdefault("summary", f"{title}: a program planned with the community.")
    program = ProgramPage(title=title, **kwargs)
    index.add_child(instance=program)
    if partners:
        program.co_created_with.set(partners)
    start = timezone.now() + datetime.timedelta(days=3)
    for i in range(sessions):
        ProgramSession.objects.create(
            program=program,
            start=start + datetime.timedelta(days=7 * i),
            end=start + datetime.timedelta(days=7 * i, hours=2),
            location=location,
            address="" if location else "12 River Road, Riverbend",
        )
    program.save_revision().publish()
    return program


def make_partnership(index, partner, title=None, **kwargs):
    title = title or f"Partnership {next(_seq)}"
    kwargs.setdefault("summary", "Working together.")
    page = PartnershipPage(title=title, partner=partner, **kwargs)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_evaluation(index, program=None, partnership=None, title=None, **kwargs):
    title = title or f"Evaluation {next(_seq)}"
    kwargs.setdefault("summary", "How it went.")
    kwargs.setdefault("success_definition", "<p>Families feel at home in the library.</p>")
    kwargs.setdefault("success_agreed_by", "The planning group")
    kwargs.setdefault("success_agreed_on", datetime.date(2026, 1, 15))
    kwargs.setdefault("period_start", datetime.date(2026, 2, 1))
    kwargs.setdefault("period_end", datetime.date(2026, 6, 30))
    page = EvaluationPage(title=title, program=program, partnership=partnership, **kwargs)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


TEST_PASSWORD = "a-long-test-password"


def make_user(username, groups=(), partners=(), **kwargs):
    """A user in the named groups, member of the given partner organisations."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=TEST_PASSWORD, **kwargs
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    for partner in partners:
        partner.members.add(user)
    return user


def build_partner_world(tree):
    """Roles, organisations A and B, a partner in each, an editor, and their programs.

    Programs: one co-created with A only, one with B only, one co-led by both.
    """
    from django.core.management import call_command

    from clpages.partners.roles import EDITORS_GROUP, PARTNERS_GROUP

    call_command("setup_community_roles", verbosity=0)
    org_a = make_partner("Riverbend Newcomers Network")
    org_b = make_partner("Northside Youth Collective")
    return {
        **tree,
        "org_a": org_a,
        "org_b": org_b,
        "editor": make_user("editor", [EDITORS_GROUP]),
        "partner_a": make_user("partner_a", [PARTNERS_GROUP], [org_a]),
        "partner_b": make_user("partner_b", [PARTNERS_GROUP], [org_b]),
        "a_program": make_program(tree["programs"], "Family story time", partners=[org_a], sessions=0),
        "b_program": make_program(tree["programs"], "Teen zine lab", partners=[org_b], sessions=0),
        "ab_program": make_program(
            tree["programs"], "Homework Help Club", partners=[org_a, org_b], sessions=0
        ),
    }


def db_snapshot():
    """Everything a refused admin request could have changed in the page tree."""
    from wagtail.models import PageViewRestriction, Revision, TaskState, WorkflowState

    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "path",
                "title",
                "draft_title",
                "slug",
                "live",
                "has_unpublished_changes",
                "latest_revision_id",
                "locked",
                "owner",
            )
        ),
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", "object_id")),
        "restrictions": PageViewRestriction.objects.count(),
        "workflow_states": list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        "task_states": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        "co_creators": sorted(
            ProgramPage.co_created_with.through.objects.values_list("programpage", "communitypartner")
        ),
        "partnerships": list(PartnershipPage.objects.order_by("pk").values_list("pk", "partner")),
        "evaluations": list(
            EvaluationPage.objects.order_by("pk").values_list("pk", "program", "partnership")
        ),
    }


def admin_form_data(client, admin, url):
    """A page form as Wagtail renders it, fetched by a superuser: what anyone could forge."""
    from wagtail.test.utils.form_data import querydict_from_html

    client.force_login(admin)
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form").copy()
    # StreamFields are drawn by JavaScript; the test pages' bodies are empty.
    data.setdefault("body-count", "0")
    client.logout()
    return data


def post_form(client, url, data=None):
    # A QueryDict posted as is would lose all but the last of a field's values.
    return client.post(url, dict(data.lists()) if hasattr(data, "lists") else data or {})


@contextlib.contextmanager
def built_once(django_db_blocker, build):
    """Data for a whole test module, in a transaction rolled back when the module is done.

    Each test still runs in its own savepoint (pytest-django's ``db``); pair with ``fresh``.
    """
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)


def fresh(world):
    """Reloaded copies of a shared world's model instances: an earlier test may have changed them."""
    return {
        name: type(value)._default_manager.get(pk=value.pk) if hasattr(value, "_meta") else value
        for name, value in world.items()
    }
