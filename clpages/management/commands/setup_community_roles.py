from django.core.management.base import BaseCommand

from clpages.roles import setup_community_roles


class Command(BaseCommand):
    help = (
        "Create or update the 'Library editors' and 'Community partners' groups, their page and "
        "collection permissions, and each partner organisation's collection. Safe to run again."
    )

    def handle(self, *args, **options):
        setup_community_roles(stdout=self.stdout if options["verbosity"] > 0 else None)
