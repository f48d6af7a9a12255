from majlis.publishing.models.account import NetworkAccount, NetworkKind
from majlis.publishing.models.links import ShortLink
from majlis.publishing.models.media import Media
from majlis.publishing.models.post import (
    EDITABLE_STATES,
    MOVABLE_STATES,
    Post,
    PostComment,
    PostState,
    Variant,
    VariantState,
)

__all__ = [
    "EDITABLE_STATES",
    "MOVABLE_STATES",
    "Media",
    "NetworkAccount",
    "NetworkKind",
    "Post",
    "PostComment",
    "PostState",
    "ShortLink",
    "Variant",
    "VariantState",
]
