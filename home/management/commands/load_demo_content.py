from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo.builder import DemoBuilder

DEMO_PASSWORD = "community-demo"


class Command(BaseCommand):
    help = "Build the fictional Riverbend Public Library demo. Safe to run again: it changes nothing then."

    def handle(self, *args, **options):
        with transaction.atomic():
            created = DemoBuilder(stdout=self.stdout if options["verbosity"] > 1 else None).build()
            User = get_user_model()
            if not User.objects.filter(username="admin").exists():
                User.objects.create_superuser("admin", "admin@example.org", DEMO_PASSWORD)
                created += 1
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} new records)."))
        self.stdout.write(
            f"Sign in at http://127.0.0.1:8000/admin/ as admin / {DEMO_PASSWORD} "
            "(local demo only: never use these accounts on a public server)."
        )
