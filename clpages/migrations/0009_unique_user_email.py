"""One account per email address, whatever its case, held by the database; and the requests
sent to existing accounts invited into an organisation.

Invitations find people by their email address, so two accounts sharing one would let an
invitation reach the wrong person. Sites that already have such accounts must give each its own
address (or clear it) before migrating: the migration stops and names the accounts to fix.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models.functions import Lower

CONSTRAINT_NAME = "clpages_unique_user_email_ci"


def _constraint():
    return models.UniqueConstraint(Lower("email"), condition=~models.Q(email=""), name=CONSTRAINT_NAME)


def _user_model(apps):
    app_label, model_name = settings.AUTH_USER_MODEL.split(".")
    return apps.get_model(app_label, model_name)


def add_unique_email(apps, schema_editor):
    User = _user_model(apps)
    if "email" not in {field.name for field in User._meta.get_fields()}:
        return
    shared = (
        User._default_manager.using(schema_editor.connection.alias)
        .exclude(email="")
        .annotate(address=Lower("email"))
        .values("address")
        .annotate(accounts=models.Count("pk"))
        .filter(accounts__gt=1)
        .values_list("address", flat=True)
    )
    clashes = []
    for address in shared:
        ids = (
            User._default_manager.using(schema_editor.connection.alias)
            .annotate(address=Lower("email"))
            .filter(address=address)
        )
        clashes.append(", ".join(str(pk) for pk in ids.order_by("pk").values_list("pk", flat=True)))
    if clashes:
        raise RuntimeError(
            "Some accounts share an email address (ignoring upper and lower case), so email "
            "addresses cannot be made unique yet. Give each of these accounts its own address, "
            "or clear it, in Settings > Users (/admin/users/<id>/), then run migrate again. "
            "Accounts sharing an address, by id: " + "; ".join(f"[{ids}]" for ids in clashes)
        )
    schema_editor.add_constraint(User, _constraint())


def remove_unique_email(apps, schema_editor):
    User = _user_model(apps)
    if "email" in {field.name for field in User._meta.get_fields()}:
        schema_editor.remove_constraint(User, _constraint())


class Migration(migrations.Migration):
    dependencies = [
        ("clpages", "0008_content_generation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(add_unique_email, remove_unique_email),
        migrations.CreateModel(
            name="MembershipRequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("accepted_at", models.DateTimeField(blank=True, null=True)),
                (
                    "invited_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "partner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="membership_requests",
                        to="clpages.communitypartner",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"verbose_name": "membership request"},
        ),
    ]
