"""Sending account emails so that a failure is seen, never swallowed."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from clpages.single_line import one_line

logger = logging.getLogger("clpages.accounts")


class EmailNotSent(Exception):
    """The email could not be handed to the mail server; the caller must not pretend it was."""


def site_name():
    return getattr(settings, "WAGTAIL_SITE_NAME", "the library")


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def addressed_to(user, email):
    """An unsaved copy of the account with another address: for mail to an address not yet (or no
    longer) the account's own."""
    copy = get_user_model()(pk=user.pk, username=user.get_username(), email=email)
    copy.first_name = user.first_name
    return copy


def send_account_email(template, context, user, purpose):
    """Renders `<template>_subject.txt` and `<template>.txt` and sends them to the user.

    Raises EmailNotSent if the mail server refuses; the log names the purpose and the account
    id, not the address or the text, which are personal.
    """
    context = {"site_name": site_name(), "user": user, "username": user.get_username(), **context}
    subject = one_line(render_to_string(f"{template}_subject.txt", context))
    body = render_to_string(f"{template}.txt", context)
    message = EmailMessage(subject, body, None, [user.email])
    try:
        message.send(fail_silently=False)
    except Exception as error:
        logger.error("Could not send the %s email to user %s", purpose, user.pk, exc_info=True)
        raise EmailNotSent(purpose) from error
