from majlis.moderation.models.item import Item, ItemStatus
from majlis.moderation.models.report import Report, Reporter, ReportOutcome
from majlis.moderation.models.site import ModerationSettings, Site, SiteKey, Usage

__all__ = [
    "Item",
    "ItemStatus",
    "ModerationSettings",
    "Report",
    "ReportOutcome",
    "Reporter",
    "Site",
    "SiteKey",
    "Usage",
]
