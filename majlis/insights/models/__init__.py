from majlis.insights.models.alert import Alert, AlertKind, AlertState, Severity
from majlis.insights.models.channel import Channel, ChannelKind, Delivery, DeliveryState
from majlis.insights.models.detector import DetectorState
from majlis.insights.models.playbook import Playbook

__all__ = [
    "Alert",
    "AlertKind",
    "AlertState",
    "Channel",
    "ChannelKind",
    "Delivery",
    "DeliveryState",
    "DetectorState",
    "Playbook",
    "Severity",
]
