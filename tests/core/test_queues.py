"""The same task code runs on the SQLite queue and on Redis, and a task delivered twice, or to
two workers, does its work once: the job is claimed by a conditional UPDATE."""

from __future__ import annotations

import pytest
import redis
from django.core import mail
from django.db import transaction

from majlis.core import jobs, members
from majlis.core.models import Job, JobState
from majlis.queue import QueueURLError, make_huey

REDIS_URL = "redis://127.0.0.1:6379/15"


def _redis_answers() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


QUEUES = [
    pytest.param("sqlite:", id="sqlite"),
    pytest.param(
        REDIS_URL,
        id="redis",
        marks=[
            pytest.mark.redis,
            pytest.mark.skipif(not _redis_answers(), reason="Redis does not answer on 6379"),
        ],
    ),
]


@pytest.fixture(params=QUEUES)
def queue(request, tmp_path):
    huey = make_huey(request.param, tmp_path, name=f"majlis-test-{tmp_path.name}")
    huey.flush()
    task = huey.task()(jobs.execute)  # the very function the production task calls
    yield huey, task
    huey.flush()


def _drain(huey) -> list[str]:
    outcomes = []
    while (message := huey.dequeue()) is not None:
        outcomes.append(huey.execute(message))
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_an_invitation_delivered_twice_is_sent_once(queue, team):
    huey, task = queue
    invitation = members.invite(team.workspace, team.owner, "new@example.com", "agent")
    job = Job.objects.get(kind="core.send_invitation")
    mail.outbox.clear()  # the in-process queue of the test settings already ran it once
    Job.objects.filter(pk=job.pk).update(state=JobState.QUEUED, attempts=0)

    task(job.pk)
    task(job.pk)  # the broker hands the same job over again
    assert huey.pending_count() == 2

    assert sorted(_drain(huey)) == ["done", "skipped"]
    assert [m.to for m in mail.outbox] == [[invitation.email]]
    assert Job.objects.get(pk=job.pk).state == JobState.DONE


@pytest.mark.django_db(transaction=True)
def test_a_job_for_a_withdrawn_invitation_fails_without_retrying(queue, team):
    huey, task = queue
    invitation = members.invite(team.workspace, team.owner, "gone@example.com", "agent")
    job = Job.objects.get(kind="core.send_invitation")
    Job.objects.filter(pk=job.pk).update(state=JobState.QUEUED, attempts=0)
    invitation.delete()
    task(job.pk)
    assert _drain(huey) == ["failed"]
    assert Job.objects.get(pk=job.pk).error == "the invitation was withdrawn"


@pytest.mark.django_db(transaction=True)
def test_work_is_enqueued_only_when_the_transaction_commits(team):
    mail.outbox.clear()

    def invite_then_fail() -> None:
        with transaction.atomic():
            members.invite(team.workspace, team.owner, "rolled-back@example.com", "agent")
            raise RuntimeError("the request failed after inviting")

    with pytest.raises(RuntimeError):
        invite_then_fail()
    assert mail.outbox == []
    assert not Job.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_job_left_running_by_a_dead_worker_is_run_again(team):
    from datetime import timedelta

    from django.utils import timezone

    members.invite(team.workspace, team.owner, "late@example.com", "agent")
    job = Job.objects.get(kind="core.send_invitation")
    long_ago = timezone.now() - jobs.STALE_AFTER - timedelta(minutes=1)
    Job.objects.filter(pk=job.pk).update(state=JobState.RUNNING, started_at=long_ago)
    mail.outbox.clear()
    assert jobs.requeue_stale() == 1
    assert [m.to for m in mail.outbox] == [["late@example.com"]]


def test_a_queue_url_of_an_unknown_kind_is_refused_clearly(tmp_path):
    with pytest.raises(QueueURLError, match="MAJLIS_QUEUE_URL must be"):
        make_huey("amqp://guest@localhost//", tmp_path)
