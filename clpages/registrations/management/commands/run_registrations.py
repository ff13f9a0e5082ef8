from django.core.management.base import BaseCommand
from django.utils import timezone

from clpages.conf import setting
from clpages.registrations.follow_up import send_follow_ups
from clpages.registrations.notices import tell_changes
from clpages.registrations.retention import erase_personal_data
from clpages.registrations.schedule import send_reminders, send_thank_yous


class Command(BaseCommand):
    help = (
        "The scheduled work of registration on this website, for cron (every 15 minutes): tell "
        "registrants of any change to their date not told yet, remind them before their date "
        "(CLPAGES_REGISTRATION_REMINDER_HOURS), thank them after it, send a follow-up survey "
        "weeks later when one is open, and erase the names, "
        "contacts and access needs of registrations whose date ended more than "
        "CLPAGES_REGISTRATION_KEEP_DAYS days ago. The emails go to the task backend's worker. "
        "Safe to run again, or twice at once: nothing is sent twice."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        # Changes first: a reminder then says nothing the patron has not been told.
        done = [
            ("change notices", tell_changes(now=now)),
            ("reminders", send_reminders(now=now)),
            ("thank-yous", send_thank_yous(now=now)),
            # Before the erasing: a follow-up due today still has its address.
            ("follow-up surveys", send_follow_ups(now=now)),
            (
                f"registrations erased ({setting('CLPAGES_REGISTRATION_KEEP_DAYS')} days after their date)",
                erase_personal_data(now=now),
            ),
        ]
        if options["verbosity"] > 0:
            # Counts only: never a name or an address.
            self.stdout.write("; ".join(f"{what}: {count}" for what, count in done) + ".")
