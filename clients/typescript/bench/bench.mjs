// bench/run.sh clients runs this: N interactions with feedback through the client as fast as they come.
// Prints one JSON line: items delivered a second (first call to flush done), the median cost of a sendFeedback
// call in microseconds, and the median of the same loop without the call (the baseline).
import { FeedbackClient } from "../dist/index.js";

const [url, key, source, countText] = process.argv.slice(2);
const count = Number(countText);
const client = new FeedbackClient({ baseUrl: url, apiKey: key, maxQueueSize: 4 * count });
const clock = () => process.hrtime.bigint();
const calls = new Float64Array(count);
const started = clock();
for (let i = 0; i < count; i++) {
  const interaction = `${source}-${i}`;
  await client.recordInteraction({ id: interaction, query: "How do I reset my password?", response: "Go to Settings.", source });
  const before = clock();
  await client.sendFeedback({ interactionId: interaction, type: i % 4 === 0 ? "negative" : "positive" });
  calls[i] = Number(clock() - before);
  if (i % 1000 === 999) {
    await new Promise(resolve => setImmediate(resolve)); // an application's request loop yields; so the sender runs
  }
}
await client.close();
const elapsed = Number(clock() - started) / 1e9;
const bare = new Float64Array(count);
for (let i = 0; i < count; i++) {
  const before = clock();
  bare[i] = Number(clock() - before);
}
calls.sort();
bare.sort();
console.log(JSON.stringify({
  per_s: count / elapsed,
  call_us: calls[count >> 1] / 1000,
  bare_us: bare[count >> 1] / 1000,
  delivered: client.delivered,
  dropped: client.dropped,
}));
