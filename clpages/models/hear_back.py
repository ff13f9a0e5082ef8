"""A person's wish to hear, once, when a page shares its results or what changed.

The least a promise to write once needs: the page and an email address, when it was asked and
when the person confirmed it from their inbox. No name, no client address, nothing else. A
request is deleted as soon as its one email has gone, and erased unsent after a set time
(``manage.py erase_hear_back``); it is never shown on a page, in the API or in a feed.
"""

from django.db import models


class HearBackRequest(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(max_length=254)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "email"], name="clpages_hear_back_once_per_page"),
        ]
        verbose_name = "request to hear back"
        verbose_name_plural = "requests to hear back"

    def __str__(self):
        # Never the address: this string can reach the admin's history and logs.
        return f"Request {self.pk} to hear back about page {self.page_id}"
