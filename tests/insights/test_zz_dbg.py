from tests.insights.test_crisis_replay import *
def test_dbg(five_weeks, django_capture_on_commit_callbacks):
    moment = REPLAY_FROM + timedelta(minutes=30)
    while moment < REPLAY_TO:
        with django_capture_on_commit_callbacks(execute=True):
            watch.schedule_checks(now=moment)
        moment += timedelta(hours=1)
    for a in Alert.objects.order_by("created_at"):
        print(a.scope, a.kind, a.severity, a.created_at.astimezone(CASABLANCA), a.escalated_at, a.observed, a.expected, a.hours, a.window_start.astimezone(CASABLANCA), a.window_end.astimezone(CASABLANCA), a.explanation["negative_share"], [t["label"] for t in a.explanation["terms"]], a.explanation["clusters"][:1])
