"""Demo sign-ins for trying the community section locally (never for a public server)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from clpages.models import CommunityPartner
from clpages.roles import EDITORS_GROUP, PARTNERS_GROUP

DEMO_PASSWORD = "community-demo"

# username, name, group, organisation
DEMO_USERS = [
    ("editor", ("Eddie", "Editor"), EDITORS_GROUP, None),
    ("partner", ("Rana", "Partner"), PARTNERS_GROUP, "Riverbend Newcomers Network"),
    ("partner2", ("Nico", "Partner"), PARTNERS_GROUP, "Northside Youth Collective"),
]


def create_demo_users(stdout=None):
    """Create the demo users; an existing user keeps their password. Run after setup_community_roles."""

    def say(message):
        if stdout is not None:
            stdout.write(message)

    User = get_user_model()
    for username, (first_name, last_name), group_name, organisation in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@example.org",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        group, _ = Group.objects.get_or_create(name=group_name)
        user.groups.add(group)
        if organisation:
            partner = CommunityPartner.objects.filter(name=organisation).first()
            if partner is None:
                say(f"No organisation named '{organisation}': '{username}' is not a member of one.")
            else:
                partner.members.add(user)
        say(f"{'Created' if created else 'Kept'} demo user '{username}' ({group_name}).")
