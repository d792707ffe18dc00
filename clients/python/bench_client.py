"""bench/run.sh clients runs this: N interactions with feedback through the client as fast as they come.

Prints one JSON line: items delivered a second (first call to flush done), the median cost of a
send_feedback call in microseconds, and the median of the same loop without the call (the baseline).
"""

import json
import sys
import time

sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/src")

from feedbackdashboard import FeedbackClient  # noqa: E402


def main(url, key, source, count):
    client = FeedbackClient(base_url=url, api_key=key, max_queue_size=4 * count)
    clock = time.perf_counter_ns
    calls = []
    started = clock()
    for i in range(count):
        interaction = f"{source}-{i}"
        client.record_interaction(interaction, "How do I reset my password?", "Go to Settings.", source=source)
        before = clock()
        client.send_feedback(interaction, "negative" if i % 4 == 0 else "positive")
        calls.append(clock() - before)
    client.flush()
    elapsed = (clock() - started) / 1e9
    bare = []
    for i in range(count):
        interaction = f"{source}-{i}"
        before = clock()
        bare.append(clock() - before)
    calls.sort()
    bare.sort()
    print(json.dumps({
        "per_s": count / elapsed,
        "call_us": calls[len(calls) // 2] / 1000,
        "bare_us": bare[len(bare) // 2] / 1000,
        "delivered": client.delivered,
        "dropped": client.dropped,
    }))
    client.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
