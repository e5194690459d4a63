"""An article's review status, from its latest summary version and its latest decision: the
one rule the store keeps, the list counts and the upgrade of an older store fills in."""

from __future__ import annotations

STATUSES = ("to review", "edited", "approved", "rejected", "stale")


def review_status(latest_version: int, latest_origin: str, versions: int,
                  decided_version: int | None, decided_status: str | None) -> str:
    """`latest_origin`: machine | edit; `versions`: how many the article has; the last
    decision's version and status (None: never decided). Plain values, so that SQLite can
    call it too (ReviewStore registers it as review_status())."""
    if decided_status is not None and decided_version == latest_version:
        return decided_status
    if decided_status is not None and latest_origin == "machine":
        return "stale"  # the job rewrote the summary after the decision
    if versions > 1 and latest_origin == "edit":
        return "edited"
    return "to review"
