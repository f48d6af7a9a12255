from majlis.core.models.api_token import ApiToken
from majlis.core.models.audit import AuditEvent
from majlis.core.models.invitation import Invitation
from majlis.core.models.job import Job, JobState
from majlis.core.models.rate_window import RateWindow
from majlis.core.models.workspace import Membership, Workspace

__all__ = [
    "ApiToken",
    "AuditEvent",
    "Invitation",
    "Job",
    "JobState",
    "Membership",
    "RateWindow",
    "Workspace",
]
