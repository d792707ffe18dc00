// The TypeScript client against a real dashboard (FEEDBACKDASHBOARD_URL, FEEDBACKDASHBOARD_API_KEY): send, batch,
// retry, idempotency, close, read-back. The repository's `dotnet test FeedbackDashboard.sln` starts one and runs these.
import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { FeedbackClient, FeedbackClientError } from "../dist/index.js";
import { startFaultProxy } from "./fault-proxy.mjs";

const url = process.env.FEEDBACKDASHBOARD_URL;
const key = process.env.FEEDBACKDASHBOARD_API_KEY;
if (!url || !key) {
  throw new Error("Set FEEDBACKDASHBOARD_URL and FEEDBACKDASHBOARD_API_KEY to a running dashboard and its ingest key.");
}
const FAST = { flushIntervalMs: 20, retryDelayMs: 50 };
const unique = prefix => `${prefix}-${Math.random().toString(16).slice(2, 10)}`;

async function get(path) {
  const response = await fetch(new URL(path, url), { headers: { "X-Api-Key": key } });
  return response.json();
}

async function stored(source) {
  let total = 0;
  let cursor;
  do {
    const page = await get(`api/v1/feedback?source=${source}&limit=500${cursor ? `&cursor=${cursor}` : ""}`);
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

test("interactions and feedback arrive in batches with their interactions inline", async () => {
  const source = unique("ts");
  const client = new FeedbackClient({ baseUrl: url, apiKey: key, ...FAST });
  for (let i = 0; i < 300; i++) {
    await client.recordInteraction({ id: `${source}-${i}`, query: `Question ${i % 7}?`, response: "An answer.", source, metadata: { model: "m1" } });
    await client.sendFeedback({ interactionId: `${source}-${i}`, type: i % 3 === 0 ? "negative" : "positive", comment: i % 3 === 0 ? "Not quite" : undefined });
  }
  await client.recordInteraction({ id: `${source}-alone`, query: "Asked, never rated?", source });
  await client.sendFeedback({ interactionId: `${source}-1`, type: "rating", value: 4 });
  await client.sendFeedback({ interactionId: `${source}-2`, type: "correction", value: "The right answer.", correctionKind: "knowledge" });
  await client.close();

  assert.deepEqual([client.delivered, client.dropped], [302, 0]);
  assert.equal(await stored(source), 302);
  assert.equal((await get(`api/v1/interactions/${source}-alone`)).query, "Asked, never rated?");
  assert.deepEqual((await get(`api/v1/interactions/${source}-1`)).metadata, { model: "m1" });
});

test("a busy server is retried after its Retry-After and nothing is lost", async () => {
  const source = unique("busy");
  const proxy = await startFaultProxy(url, { refuseFirst: 2 });
  const client = new FeedbackClient({ baseUrl: proxy.url, apiKey: key, ...FAST });
  for (let i = 0; i < 20; i++) {
    await client.recordInteraction({ id: `${source}-${i}`, query: "Is it busy?", source });
    await client.sendFeedback({ interactionId: `${source}-${i}`, type: "positive" });
  }
  await client.close();
  await proxy.close();

  assert.equal(client.delivered, 20);
  assert.ok(proxy.posts >= 3, `${proxy.posts} posts`);
  assert.equal(await stored(source), 20);
});

test("an answer lost on the way back is retried with the same ids and stored once", async () => {
  const source = unique("lost");
  const proxy = await startFaultProxy(url, { forwardThenFailFirst: 1 });
  const client = new FeedbackClient({ baseUrl: proxy.url, apiKey: key, ...FAST });
  const keys = [];
  for (let i = 0; i < 10; i++) {
    await client.recordInteraction({ id: `${source}-${i}`, query: "Was it stored twice?", source });
    keys.push(await client.sendFeedback({ interactionId: `${source}-${i}`, type: "negative" }));
  }
  await client.close();
  await proxy.close();

  assert.equal(new Set(keys).size, 10);
  assert.equal(client.delivered, 10);
  assert.equal(await stored(source), 10); // the first try was stored; the retry replayed it
});

test("a Node process that ends without flushing sends what is queued before it exits", async () => {
  const source = unique("exit");
  const script = `
    import { FeedbackClient } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)};
    const client = new FeedbackClient({ baseUrl: process.argv[1], apiKey: process.argv[2], flushIntervalMs: 5000 });
    for (let i = 0; i < 30; i++) {
      client.recordInteraction({ id: process.argv[3] + "-" + i, query: "Sent at exit?", source: process.argv[3] });
      client.sendFeedback({ interactionId: process.argv[3] + "-" + i, type: "positive" });
    }`;
  const started = Date.now();
  await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, url, key, source], { timeout: 60_000 });

  assert.equal(await stored(source), 30);
  assert.ok(Date.now() - started < 5_000, "sent at exit, not after the 5 s interval");
});

test("an item that is not JSON is dropped alone, and the sender goes on", async () => {
  const source = unique("notjson");
  const client = new FeedbackClient({ baseUrl: url, apiKey: key, ...FAST });
  await client.recordInteraction({ id: `${source}-0`, query: "Is this JSON?", source, metadata: { temperature: 0.7, beta: true } });
  await client.sendFeedback({ interactionId: `${source}-0`, type: "rating", value: 5n }); // a BigInt; it carries the interaction inline
  for (let i = 1; i < 6; i++) {
    await client.recordInteraction({ id: `${source}-${i}`, query: "Is this JSON?", source });
    await client.sendFeedback({ interactionId: `${source}-${i}`, type: "positive" });
  }
  await client.flush();
  assert.deepEqual([client.delivered, client.dropped], [5, 1]);
  await client.sendFeedback({ interactionId: `${source}-1`, type: "rating", value: 5 });
  await client.close();

  assert.equal(client.delivered, 6);
  assert.equal(await stored(source), 6);
  // The interaction of the dropped item is kept, its metadata values as text.
  assert.deepEqual((await get(`api/v1/interactions/${source}-0`)).metadata, { temperature: "0.7", beta: "true" });
});

test("a wrong key is told to onError once, not silently dropped", async () => {
  const messages = [];
  const client = new FeedbackClient({ baseUrl: url, apiKey: "fdk_not-a-key", ...FAST, onError: message => messages.push(message) });
  for (let i = 0; i < 3; i++) {
    await client.sendFeedback({ interactionId: `wrong-key-${i}`, type: "positive" });
    await client.flush();
  }
  await client.close();

  assert.equal(client.dropped, 3);
  assert.equal(messages.length, 1, messages.join("\n")); // once a minute for each kind of failure
  assert.match(messages[0], /401.*check the API key/);
});

test("a full queue drops and counts, and the caller never waits for the network", async () => {
  const port = await new Promise(resolve => { const s = net.createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); }); });
  const client = new FeedbackClient({ baseUrl: `http://127.0.0.1:${port}/`, apiKey: "fdk_nowhere", maxQueueSize: 10, maxAttempts: 2, ...FAST });
  const started = performance.now();
  for (let i = 0; i < 1000; i++) {
    await client.sendFeedback({ interactionId: `nowhere-${i}`, type: "positive" });
  }
  const took = performance.now() - started;

  assert.ok(client.dropped >= 990, `dropped ${client.dropped}`);
  assert.ok(took < 5000, `1,000 calls took ${took} ms`);
  await client.close();
  assert.deepEqual([client.dropped, client.delivered], [1000, 0]);
});

test("read-back uses the ETag and answers 304 from the cache", async () => {
  const source = unique("read");
  const client = new FeedbackClient({ baseUrl: url, apiKey: key, synchronous: true });
  const first = await client.knowledge(source);
  const second = await client.knowledge(source);

  assert.deepEqual(first, []);
  assert.equal(second, first);
  assert.equal(client.notModified, 1);
  assert.equal(await client.instructions(source), null);
});

test("read-back answers the last version read when the dashboard is out of reach", async () => {
  const messages = [];
  const proxy = await startFaultProxy(url);
  const client = new FeedbackClient({ baseUrl: proxy.url, apiKey: key, onError: message => messages.push(message) });
  const knowledge = await client.knowledge();
  await proxy.close();

  assert.deepEqual(await client.knowledge(), knowledge);
  assert.match(messages.join("\n"), /answering with the last version read/);
  // A client that read nothing before says so.
  await assert.rejects(new FeedbackClient({ baseUrl: proxy.url, apiKey: key }).knowledge(), FeedbackClientError);
});

test("synchronous mode sends inside the call and says when the server refuses", async () => {
  const source = unique("sync");
  const client = new FeedbackClient({ baseUrl: url, apiKey: key, synchronous: true });
  await client.recordInteraction({ id: `${source}-1`, query: "Scripted?", source });
  await client.sendFeedback({ interactionId: `${source}-1`, type: "rating", value: 5 });

  await assert.rejects(client.sendFeedback({ interactionId: `${source}-never-recorded`, type: "positive" }), FeedbackClientError);
  await assert.rejects(client.sendFeedback({ interactionId: `${source}-1`, type: "thumbs_up" }), TypeError);
  assert.equal(await stored(source), 1);
});
