from django.db import models


class ContentGeneration(models.Model):
    """The one row naming the current generation of public content (clpages.performance.cache).

    Kept in the database, not in a cache: every server process reads the same row whatever cache
    it has, and a change made in a transaction names a new generation only when it commits.
    """

    value = models.BigIntegerField()

    class Meta:
        verbose_name = "content generation"

    def __str__(self):
        return str(self.value)
