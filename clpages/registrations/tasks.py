"""Background work: emails leave through django-tasks' backend, so no request waits on SMTP.

Development and tests use the immediate backend, which sends at once; production stores the
tasks in the database (django-tasks-db) for a worker to send (docs/deployment.md).
"""

from django.db import transaction
from django_tasks import task
from django_tasks_db import DatabaseBackend

from clpages.registrations import emails


class EmailNotSent(Exception):
    """An email that failed, named without its address: the worker logs and stores the failure."""


@task()
def send_registration_email(registration_id, kind, details=None):
    try:
        return emails.send(registration_id, kind, details)
    except Exception as error:  # noqa: BLE001 - whatever failed, its message may hold the address
        # SMTP errors carry the recipient's address in their message, and a failed task's
        # traceback goes to the logs and the task table: neither may hold a patron's address.
        raise EmailNotSent(
            f"The {kind} email of registration {registration_id} was not sent ({type(error).__name__})."
        ) from None


def email_after_commit(registration, kind, **details):
    """Send once the change is saved: a rolled-back change sends nothing.

    With the database backend the task is stored in the change's own transaction, so the two are
    saved together or not at all, and the worker sees the task only once they are. Other backends
    (the immediate one sends at once) are called after the commit.
    """
    pk, details = registration.pk, details or None
    if isinstance(send_registration_email.get_backend(), DatabaseBackend):
        send_registration_email.enqueue(pk, kind, details)
    else:
        transaction.on_commit(lambda: send_registration_email.enqueue(pk, kind, details))
