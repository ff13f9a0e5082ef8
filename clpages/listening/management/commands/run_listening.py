from django.core.management.base import BaseCommand

from clpages.conf import setting
from clpages.listening.retention import erase_answers


class Command(BaseCommand):
    help = (
        "Erase the words and credit of listening answers that arrived more than "
        "CLPAGES_LISTENING_KEEP_DAYS days ago, except quotes shown on their page with consent. "
        "For cron, once a day or more often; safe to run again, or twice at once."
    )

    def handle(self, *args, **options):
        erased = erase_answers()
        if options["verbosity"] > 0:
            # A count only: never an answer's words.
            days = setting("CLPAGES_LISTENING_KEEP_DAYS")
            self.stdout.write(f"Listening answers erased ({days} days after they arrived): {erased}.")
