"""`majlis manage publish_due`: claim the posts that are due and publish them now.

The scheduler does this every minute; the command is for operators (and the test that kills
a worker in the middle of publishing). With `MAJLIS_QUEUE_URL=memory:` the variants are
published in this very process; otherwise they are queued for the workers.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from majlis.publishing.delivery import publish_due


class Command(BaseCommand):
    help = "Claim the posts that are due and publish (or queue) their variants."

    def handle(self, *args: Any, **options: Any) -> None:
        claimed = publish_due()
        self.stdout.write(f"{claimed} post(s) claimed")
