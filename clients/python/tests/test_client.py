"""The Python client against a real dashboard: send, batch, retry, idempotency, close, read-back."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest

from fault_proxy import FaultProxy
from feedbackdashboard import FeedbackClient, FeedbackClientError

FAST = {"flush_interval": 0.02, "retry_delay": 0.05}


def stored(dashboard, source):
    url, key = dashboard
    total, cursor = 0, None
    while True:
        page_url = f"{url}api/v1/feedback?source={source}&limit=500" + (f"&cursor={cursor}" if cursor else "")
        with urllib.request.urlopen(urllib.request.Request(page_url, headers={"X-Api-Key": key})) as response:
            page = json.loads(response.read())
        total += len(page["items"])
        cursor = page.get("nextCursor")
        if not cursor:
            return total


def get(dashboard, path):
    url, key = dashboard
    with urllib.request.urlopen(urllib.request.Request(url + path, headers={"X-Api-Key": key})) as response:
        return json.loads(response.read())


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def test_interactions_and_feedback_arrive_in_batches_with_their_interactions_inline(dashboard):
    source = unique("python")
    with FeedbackClient(base_url=dashboard[0], api_key=dashboard[1], **FAST) as client:
        for i in range(300):
            client.record_interaction(f"{source}-{i}", f"Question {i % 7}?", "An answer.", source=source, metadata={"model": "m1"})
            client.send_feedback(f"{source}-{i}", "negative" if i % 3 == 0 else "positive", comment="Not quite" if i % 3 == 0 else None)
        client.record_interaction(f"{source}-alone", "Asked, never rated?", source=source)
        client.send_feedback(f"{source}-1", "rating", 4)
        client.send_feedback(f"{source}-2", "correction", "The right answer.", correction_kind="knowledge")
        assert client.flush(timeout=30)
        assert (client.delivered, client.dropped) == (302, 0)

    assert stored(dashboard, source) == 302
    assert get(dashboard, f"api/v1/interactions/{source}-alone")["query"] == "Asked, never rated?"
    assert get(dashboard, f"api/v1/interactions/{source}-1")["metadata"] == {"model": "m1"}


def test_a_busy_server_is_retried_after_its_retry_after_and_nothing_is_lost(dashboard):
    source = unique("busy")
    with FaultProxy(dashboard[0], refuse_first=2) as proxy:
        with FeedbackClient(base_url=proxy.url, api_key=dashboard[1], **FAST) as client:
            for i in range(20):
                client.record_interaction(f"{source}-{i}", "Is it busy?", source=source)
                client.send_feedback(f"{source}-{i}", "positive")
            assert client.flush(timeout=30)
            assert client.delivered == 20
        assert proxy.posts >= 3
    assert stored(dashboard, source) == 20


def test_an_answer_lost_on_the_way_back_is_retried_with_the_same_ids_and_stored_once(dashboard):
    source = unique("lost")
    with FaultProxy(dashboard[0], forward_then_fail_first=1) as proxy:
        with FeedbackClient(base_url=proxy.url, api_key=dashboard[1], **FAST) as client:
            keys = []
            for i in range(10):
                client.record_interaction(f"{source}-{i}", "Was it stored twice?", source=source)
                keys.append(client.send_feedback(f"{source}-{i}", "negative"))
            assert client.flush(timeout=30)
            assert client.delivered == 10
    assert len(set(keys)) == 10
    assert stored(dashboard, source) == 10  # the first try was stored; the retry replayed it


def test_close_sends_what_is_queued(dashboard):
    source = unique("close")
    client = FeedbackClient(base_url=dashboard[0], api_key=dashboard[1], flush_interval=5.0)
    for i in range(25):
        client.record_interaction(f"{source}-{i}", "Sent at close?", source=source)
        client.send_feedback(f"{source}-{i}", "positive")
    client.close()
    assert stored(dashboard, source) == 25


def test_what_is_queued_is_sent_when_the_interpreter_exits_without_close(dashboard):
    source = unique("atexit")
    script = (
        "import sys\n"
        "from feedbackdashboard import FeedbackClient\n"
        "client = FeedbackClient(base_url=sys.argv[1], api_key=sys.argv[2], flush_interval=5.0)\n"
        "for i in range(30):\n"
        "    client.record_interaction(f'{sys.argv[3]}-{i}', 'Sent at exit?', source=sys.argv[3])\n"
        "    client.send_feedback(f'{sys.argv[3]}-{i}', 'positive')\n"
    )
    src = os.path.join(os.path.dirname(__file__), "..", "src")
    env = dict(os.environ, PYTHONPATH=src + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run([sys.executable, "-c", script, dashboard[0], dashboard[1], source], env=env, check=True, timeout=60)
    assert stored(dashboard, source) == 30


def test_an_item_that_is_not_json_is_dropped_alone_and_the_sender_goes_on(dashboard):
    source = unique("notjson")
    with FeedbackClient(base_url=dashboard[0], api_key=dashboard[1], **FAST) as client:
        client.record_interaction(f"{source}-0", "Is this JSON?", source=source, metadata={"temperature": 0.7, "beta": True})
        client.send_feedback(f"{source}-0", "negative", comment=object())  # carries the interaction inline, and cannot be sent
        for i in range(1, 6):
            client.record_interaction(f"{source}-{i}", "Is this JSON?", source=source)
            client.send_feedback(f"{source}-{i}", "positive")
        assert client.flush(timeout=30)
        assert (client.delivered, client.dropped) == (5, 1)
        client.send_feedback(f"{source}-1", "rating", 5)  # the sender is still alive
        assert client.flush(timeout=30)
        assert client.delivered == 6
    assert stored(dashboard, source) == 6
    # The interaction of the dropped item is kept, its metadata values as text.
    assert get(dashboard, f"api/v1/interactions/{source}-0")["metadata"] == {"temperature": "0.7", "beta": "true"}


def test_a_wrong_key_is_said_once_in_the_log_not_silently_dropped(dashboard, caplog):
    with FeedbackClient(base_url=dashboard[0], api_key="fdk_not-a-key", **FAST) as client:
        for i in range(3):
            client.send_feedback(f"wrong-key-{i}", "positive")
            assert client.flush(timeout=30)
        assert client.dropped == 3
    warnings = [r.getMessage() for r in caplog.records if r.name == "feedbackdashboard"]
    assert len(warnings) == 1, warnings  # once a minute for each kind of failure
    assert "401" in warnings[0] and "check the API key" in warnings[0]


def test_a_full_queue_drops_and_counts_and_the_caller_is_never_blocked():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = FeedbackClient(base_url=f"http://127.0.0.1:{port}/", api_key="fdk_nowhere", max_queue_size=10, max_attempts=2, **FAST)
    started = time.monotonic()
    for i in range(1000):
        client.send_feedback(f"nowhere-{i}", "positive")
    took = time.monotonic() - started
    assert client.dropped >= 1000 - 10 - 500  # the queue and one batch the sender holds; the rest at the door
    assert took < 5, f"1,000 calls took {took:.2f} s"  # they queue or drop; none waits for the network
    client.close()
    assert (client.dropped, client.delivered) == (1000, 0)


def test_read_back_uses_the_etag_and_answers_304_from_the_cache(dashboard):
    source = unique("read")
    client = FeedbackClient(base_url=dashboard[0], api_key=dashboard[1], synchronous=True)
    first = client.knowledge(source)
    second = client.knowledge(source)
    assert first == [] and second is not None and client.not_modified == 1
    assert client.instructions(source) is None


def test_read_back_answers_the_last_version_read_when_the_dashboard_is_out_of_reach(dashboard, caplog):
    with FaultProxy(dashboard[0]) as proxy:
        client = FeedbackClient(base_url=proxy.url, api_key=dashboard[1], synchronous=True)
        knowledge = client.knowledge()
    with pytest.raises(FeedbackClientError):
        FeedbackClient(base_url=proxy.url, api_key=dashboard[1], synchronous=True).knowledge()  # nothing read before: it says so

    assert client.knowledge() == knowledge  # the proxy is gone
    assert any("answering with the last version read" in r.getMessage() for r in caplog.records)


def test_synchronous_mode_sends_inside_the_call_and_says_when_the_server_refuses(dashboard):
    source = unique("sync")
    client = FeedbackClient(base_url=dashboard[0], api_key=dashboard[1], synchronous=True)
    client.record_interaction(f"{source}-1", "Scripted?", source=source)
    client.send_feedback(f"{source}-1", "rating", 5)
    with pytest.raises(FeedbackClientError, match="never-recorded"):
        client.send_feedback(f"{source}-never-recorded", "positive")
    with pytest.raises(ValueError):
        client.send_feedback(f"{source}-1", "thumbs_up")
    assert stored(dashboard, source) == 1


def test_base_url_and_key_come_from_the_environment(monkeypatch, dashboard):
    monkeypatch.setenv("FEEDBACKDASHBOARD_URL", dashboard[0])
    monkeypatch.setenv("FEEDBACKDASHBOARD_API_KEY", dashboard[1])
    client = FeedbackClient(synchronous=True)
    assert client.knowledge() is not None
    monkeypatch.delenv("FEEDBACKDASHBOARD_URL")
    with pytest.raises(ValueError):
        FeedbackClient(api_key="x")
