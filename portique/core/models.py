from django.db import models


class RateCounter(models.Model):
    """One rate-limit counter for one window (see portique.core.ratelimit).

    Used when the shared cache is the database cache, whose ``incr`` is a read then a
    write (two concurrent requests both read 4 and both write 5); the counter is
    incremented here by a single ``INSERT … ON CONFLICT … DO UPDATE`` statement instead,
    which the database applies atomically on SQLite and PostgreSQL alike.
    """

    name = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    # Seconds since the epoch after which the window is over and the row can go.
    expires_at = models.BigIntegerField(db_index=True)

    def __str__(self) -> str:
        return f"{self.name}: {self.count}"
