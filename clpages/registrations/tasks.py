"""Background work: emails leave through django-tasks' backend, so no request waits on SMTP.

Development and tests use the immediate backend, which sends at once; production runs a worker
(docs/deployment.md).
"""

from django.db import transaction
from django_tasks import task

from clpages.registrations import emails


@task()
def send_registration_email(registration_id, kind):
    return emails.send(registration_id, kind)


def email_after_commit(registration, kind):
    """Send once the change is saved: a rolled-back registration sends nothing."""
    pk = registration.pk
    transaction.on_commit(lambda: send_registration_email.enqueue(pk, kind))
