"""Hearing back's emails leave through django-tasks, as registration emails do: no request
waits on SMTP, and production's worker sends them (docs/deployment.md)."""

from django.db import transaction
from django_tasks import task
from django_tasks_db import DatabaseBackend

from clpages.hear_back import emails


class EmailNotSent(Exception):
    """A failed email, named without its address: failures go to the logs and the task table."""


@task()
def send_hear_back_email(request_id, kind, shared_page_id=None):
    try:
        if kind == "confirm":
            return emails.send_confirmation(request_id)
        return emails.send_shared(request_id, shared_page_id)
    except Exception as error:  # noqa: BLE001 - whatever failed, its message may hold the address
        raise EmailNotSent(
            f"The {kind} email of hear-back request {request_id} was not sent ({type(error).__name__})."
        ) from None


def email_after_commit(request_id, kind, shared_page_id=None):
    """Send once the change is saved; a rolled-back change sends nothing. The database backend
    stores the task in the change's own transaction; others are called after the commit."""
    if isinstance(send_hear_back_email.get_backend(), DatabaseBackend):
        send_hear_back_email.enqueue(request_id, kind, shared_page_id)
    else:
        transaction.on_commit(lambda: send_hear_back_email.enqueue(request_id, kind, shared_page_id))
