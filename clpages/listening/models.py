"""A page's question to its community, and the answers people sent.

An answer holds only what the person chose to write: the words, how to credit them (optional),
the language they wrote in, and whether they agreed to be quoted. No address, email or account
is stored with it.
"""

from django.conf import settings
from django.db import models


class ListeningQuestion(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    text = models.CharField(
        "question",
        max_length=200,
        help_text="One short question in plain words, e.g. 'What matters to you about the homework club?'",
    )
    is_open = models.BooleanField("open for answers", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A question partners set waits for the library: None until someone on staff approves it.
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "listening question"

    def __str__(self):
        return self.text

    @property
    def is_approved(self):
        return self.approved_at is not None

    @property
    def is_asking(self):
        return self.is_open and self.is_approved

    @property
    def status_label(self):
        if not self.is_approved:
            return "Waiting for the library's approval"
        return "Open for answers" if self.is_open else "Closed"


class AnswerStatus(models.TextChoices):
    NEW = "new", "New"
    KEPT = "kept", "Kept for the team"
    PROMOTED = "promoted", "Shown as a quote"
    HIDDEN = "hidden", "Hidden"


class ListeningAnswer(models.Model):
    question = models.ForeignKey(ListeningQuestion, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(max_length=2000)
    credit = models.CharField(max_length=100, blank=True)
    language = models.ForeignKey(
        "clpages.Language", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=AnswerStatus.choices, default=AnswerStatus.NEW)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "listening answer"
        indexes = [models.Index(fields=["question", "status"])]

    def __str__(self):
        return self.text[:60]

    @property
    def can_be_quoted(self):
        return self.consent and self.erased_at is None and bool(self.text)
