from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from clpages.conf import setting
from home.demo.builder import DemoBuilder
from home.demo_users import DEMO_PASSWORD, create_demo_users


class Command(BaseCommand):
    help = "Build the fictional Riverbend Public Library demo. Safe to run again: it changes nothing then."

    def handle(self, *args, **options):
        # The demo's accounts share a published password: on a public server anyone could sign in.
        # Settings opt in (dev and test do), so a new environment is safe without knowing this.
        if not setting("CLPAGES_ALLOW_DEMO_CONTENT"):
            raise CommandError(
                "load_demo_content refuses to run with these settings: the demo content creates accounts "
                "whose password is published. Use it with the development settings "
                "(DJANGO_SETTINGS_MODULE=clsite.settings.dev), never on a public server."
            )
        with transaction.atomic():
            created = DemoBuilder(stdout=self.stdout if options["verbosity"] > 1 else None).build()
            User = get_user_model()
            if not User.objects.filter(username="admin").exists():
                User.objects.create_superuser("admin", "admin@example.org", DEMO_PASSWORD)
                created += 1
            call_command("setup_community_roles", verbosity=0)
            create_demo_users()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} new records)."))
        self.stdout.write(
            f"Sign in at http://127.0.0.1:8000/admin/ as admin, editor, partner, partner2 or tenant, "
            f"password {DEMO_PASSWORD} (local demo only: never use these accounts on a public server)."
        )
