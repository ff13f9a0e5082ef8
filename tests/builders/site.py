"""The page tree every test site starts from, and the records around it: partners, places, people."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from clpages.models import (
    CommunityHubPage,
    CommunityPartner,
    EvaluationIndexPage,
    Location,
    PartnershipIndexPage,
    ProgramIndexPage,
)
from home.models import HomePage

PASSWORD = "a-long-test-password"

_seq = itertools.count(1)


def next_number():
    """A number no other record built in this process has: for names that must differ."""
    return next(_seq)


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
    name = name or f"Partner {next_number()}"
    kwargs.setdefault("description", f"{name} works with families across the city.")
    return CommunityPartner.objects.create(name=name, **kwargs)


def make_location(name=None, **kwargs):
    name = name or f"Branch {next_number()}"
    kwargs.setdefault("street_address", "1 Main Street")
    kwargs.setdefault("city", "Riverbend")
    return Location.objects.create(name=name, **kwargs)


def make_user(username, groups=(), partners=(), **kwargs):
    """A user in the named groups, member of the given partner organisations."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **kwargs
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    for partner in partners:
        partner.members.add(user)
    return user
