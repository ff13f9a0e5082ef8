"""Erase requests to hear back that were never confirmed, or waited too long (run daily by cron)."""

from django.core.management.base import BaseCommand

from clpages.hear_back.retention import erase_old


class Command(BaseCommand):
    help = "Erase requests to hear back never confirmed in time, and confirmed ones kept too long."

    def handle(self, *args, **options):
        unconfirmed, confirmed = erase_old()
        self.stdout.write(
            f"Erased {unconfirmed} unconfirmed and {confirmed} confirmed requests to hear back."
        )
