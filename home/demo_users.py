"""Demo sign-ins for trying the community section locally (never for a public server)."""

from django.contrib.auth import get_user_model

from clpages.models import CommunityPartner, PartnerMembership
from clpages.models.partners import in_default_language
from clpages.partners.roles import EDITORS_GROUP, PARTNERS_GROUP, library_staff_groups, partner_groups

DEMO_PASSWORD = "community-demo"

# username, name, role (the group's name when setup_community_roles created it), organisation
DEMO_USERS = [
    ("editor", ("Eddie", "Editor"), EDITORS_GROUP, None),
    ("partner", ("Rana", "Partner"), PARTNERS_GROUP, "Riverbend Newcomers Network"),
    ("partner2", ("Nico", "Partner"), PARTNERS_GROUP, "Northside Youth Collective"),
    ("tenant", ("Amal", "Tenant"), PARTNERS_GROUP, "Maple Ridge Tenants' Association"),
    ("tenant2", ("Marisol", "Tenant"), PARTNERS_GROUP, "Maple Ridge Tenants' Association"),
]

# Members of the action group who, in the story, chose on their account screen to be named on
# its page, and the name they chose. Set once, when the account is made: afterwards it is theirs.
NAMED_ON_GROUP_PAGE = {"tenant": "Amal K.", "tenant2": "Marisol V."}


ROLE_GROUPS = {EDITORS_GROUP: library_staff_groups, PARTNERS_GROUP: partner_groups}


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
        # By the role's permission: the group may have been renamed since.
        group = ROLE_GROUPS[group_name]().order_by("pk").first()
        if group is None:
            say(f"No group holds the '{group_name}' role yet: run setup_community_roles first.")
        else:
            user.groups.add(group)
        if organisation:
            partner = CommunityPartner.objects.filter(in_default_language(), name=organisation).first()
            if partner is None:
                say(f"No organisation named '{organisation}': '{username}' is not a member of one.")
            else:
                partner.members.add(user)
                if created and username in NAMED_ON_GROUP_PAGE:
                    PartnerMembership.objects.filter(partner=partner, user=user).update(
                        shown_on_group_page=True, public_name=NAMED_ON_GROUP_PAGE[username]
                    )
        role = group.name if group else group_name
        say(f"{'Created' if created else 'Kept'} demo user '{username}' ({role}).")
