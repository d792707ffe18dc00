// FeedbackDashboard's TypeScript client: `new FeedbackClient({ baseUrl, apiKey })`. Runs in Node 18+ and
// browsers; no runtime dependency beyond fetch.

export type FeedbackType = "positive" | "negative" | "rating" | "correction";
export type CorrectionKind = "knowledge" | "behavior";

export interface FeedbackClientOptions {
  /** The dashboard's address; defaults to the FEEDBACKDASHBOARD_URL environment variable (Node). */
  baseUrl?: string;
  /** An API key with the ingest scope (and read, for read-back); defaults to FEEDBACKDASHBOARD_API_KEY (Node). */
  apiKey?: string;
  /** Items waiting to be sent; past it new items are dropped and counted (`dropped`). */
  maxQueueSize?: number;
  /** Feedback items a batch carries (the server takes up to 1,000). */
  batchSize?: number;
  /** How long the sender waits for a batch to fill, in ms. */
  flushIntervalMs?: number;
  /** Tries a request gets when the server is busy (429, 503) or unreachable; then its items are dropped and counted. */
  maxAttempts?: number;
  /** The first retry's wait without Retry-After, in ms; it doubles, up to 30 s. */
  retryDelayMs?: number;
  /** An interaction no feedback arrived for is sent on its own after this long, in ms. */
  interactionWaitMs?: number;
  /** Send each call before it resolves, and reject on failure (scripts, tests). */
  synchronous?: boolean;
  /** The fetch to use (defaults to the global one). */
  fetch?: typeof fetch;
  /** Told why items were dropped (a wrong key, a refused item), at most once a minute for each kind of failure; defaults to console.warn. */
  onError?: (message: string) => void;
}

export interface RecordInteraction {
  id: string;
  query: string;
  response?: string;
  source?: string;
  pattern?: string;
  /** Text values; numbers and booleans are sent as their JSON text. */
  metadata?: Record<string, string | number | boolean>;
}

export interface SendFeedback {
  interactionId: string;
  type: FeedbackType;
  /** 1-5 for a rating; the corrected text for a correction. */
  value?: number | string;
  comment?: string;
  correctionKind?: CorrectionKind;
  /** The idempotency key; the client makes one when omitted. */
  id?: string;
}

export interface KnowledgeEntry {
  id: number;
  source: string | null;
  title: string;
  content: string;
  tags: string[];
  version: number;
  updatedAt: string;
}

export interface InstructionsVersion {
  id: number;
  source: string;
  version: number;
  text: string;
  publishedAt: string | null;
}

/** A call in synchronous mode that the server refused or never answered. */
export class FeedbackClientError extends Error {}

type Work =
  | { kind: "interaction"; body: Record<string, unknown>; at: number }
  | { kind: "feedback"; body: Record<string, unknown>; at: number };

type NodeProcess = { on?: (event: "beforeExit", listener: () => void) => void };

/**
 * Clients with items still queued when a Node process runs out of work. Their timers do not hold the
 * process open, so Node emits "beforeExit": one listener for all clients sends what they hold, keeping the
 * process alive until it is sent. (Signals and process.exit() skip "beforeExit": call close() there.)
 */
const openClients = new Set<WeakRef<FeedbackClient>>();
let exitHookInstalled = false;

function flushOnExit(client: FeedbackClient): WeakRef<FeedbackClient> | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (typeof proc?.on !== "function" || typeof WeakRef !== "function") {
    return undefined; // a browser, or a runtime without it
  }
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    proc.on("beforeExit", () => {
      const pending = [...openClients].map(ref => ref.deref()).filter(c => c !== undefined && c.hasQueued());
      if (pending.length > 0) {
        const keepAlive = setInterval(() => {}, 1_000);
        void Promise.allSettled(pending.map(c => c!.flush())).finally(() => clearInterval(keepAlive));
      }
    });
  }
  for (const gone of [...openClients].filter(r => r.deref() === undefined)) {
    openClients.delete(gone); // clients collected without close()
  }
  const ref = new WeakRef(client);
  openClients.add(ref);
  return ref;
}

const TYPES: readonly string[] = ["positive", "negative", "rating", "correction"];
const KINDS: readonly string[] = ["knowledge", "behavior"];

/**
 * Sends interactions and feedback to FeedbackDashboard and reads back what it published. `recordInteraction`
 * and `sendFeedback` never throw into the application's request path and never wait for the network: they
 * queue (bounded), and a background sender posts batches to /api/v1/feedback/batch with each item's
 * interaction inline while it is still queued, retrying busy or unreachable servers with backoff that honours
 * Retry-After. Each feedback item gets its idempotency key once, so a retry never doubles it.
 */
export class FeedbackClient {
  private readonly base: string;
  private readonly apiKey: string;
  private readonly options: Required<Omit<FeedbackClientOptions, "baseUrl" | "apiKey" | "fetch" | "onError">>;
  private readonly onError: (message: string) => void;
  private readonly lastWarned = new Map<string, number>();
  private readonly fetcher: typeof fetch;
  private readonly queue: Work[] = [];
  private readonly waiting = new Map<string, { body: Record<string, unknown>; at: number }>();
  private readonly readCache = new Map<string, { etag: string; value: unknown }>();
  private accepted = 0;
  private settled = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sending: Promise<void> | undefined;
  private flushRequested = false;
  private closed = false;
  private exitRef: WeakRef<FeedbackClient> | undefined;

  /** Items dropped: the queue was full, the server refused them (4xx), or every retry failed. */
  dropped = 0;
  /** Feedback items the server stored (or had stored already, for a replayed id). */
  delivered = 0;
  /** Read-backs answered 304 from the cache. */
  notModified = 0;

  constructor(options: FeedbackClientOptions = {}) {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
    const baseUrl = options.baseUrl ?? env.FEEDBACKDASHBOARD_URL;
    const apiKey = options.apiKey ?? env.FEEDBACKDASHBOARD_API_KEY;
    if (!baseUrl || !apiKey) {
      throw new Error("Give baseUrl and apiKey, or set FEEDBACKDASHBOARD_URL and FEEDBACKDASHBOARD_API_KEY.");
    }
    this.base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.apiKey = apiKey;
    this.fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.onError = options.onError ?? (message => console.warn(`FeedbackDashboard: ${message}`));
    this.options = {
      maxQueueSize: options.maxQueueSize ?? 10_000,
      batchSize: options.batchSize ?? 500,
      flushIntervalMs: options.flushIntervalMs ?? 200,
      maxAttempts: options.maxAttempts ?? 8,
      retryDelayMs: options.retryDelayMs ?? 250,
      interactionWaitMs: options.interactionWaitMs ?? 10_000,
      synchronous: options.synchronous ?? false,
    };
    if (!this.options.synchronous) {
      this.exitRef = flushOnExit(this);
    }
  }

  /** Whether items were accepted that are not yet delivered or given up on. */
  hasQueued(): boolean {
    return this.settled < this.accepted;
  }

  /** Records one question and answer under the application's own id. */
  async recordInteraction(interaction: RecordInteraction): Promise<void> {
    const body = withoutUndefined({ ...interaction, metadata: metadataAsText(interaction.metadata) });
    if (this.options.synchronous) {
      const [status, answer] = await this.post("api/v1/interactions", JSON.stringify(body));
      if (status !== 200 && status !== 201) {
        throw new FeedbackClientError(`Recording the interaction failed: ${status} ${JSON.stringify(answer)}`);
      }
      return;
    }
    this.enqueue({ kind: "interaction", body, at: Date.now() });
  }

  /** Sends a user's feedback; resolves to its idempotency key. */
  async sendFeedback(feedback: SendFeedback): Promise<string> {
    const id = feedback.id ?? "fb_" + randomId();
    if (!TYPES.includes(feedback.type) || (feedback.correctionKind !== undefined && !KINDS.includes(feedback.correctionKind))) {
      if (this.options.synchronous) {
        throw new TypeError(`Unknown feedback type ${feedback.type} or correction kind ${feedback.correctionKind}.`);
      }
      this.dropped++;
      return id;
    }
    const body = withoutUndefined({ ...feedback, id });
    if (this.options.synchronous) {
      await this.sendBatch([body], true);
      return id;
    }
    this.enqueue({ kind: "feedback", body, at: Date.now() });
    return id;
  }

  /** Resolves once everything queued so far was delivered or given up on. */
  async flush(): Promise<void> {
    const target = this.accepted;
    this.flushRequested = true;
    while (this.settled < target) {
      this.schedule(0);
      await (this.sending ?? sleep(10));
    }
  }

  /** Sends what is queued, then stops accepting. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    if (this.exitRef !== undefined) {
      openClients.delete(this.exitRef);
      this.exitRef = undefined;
    }
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** The knowledge entries of a source and the shared ones; a 304 answers from the cache. */
  async knowledge(source?: string): Promise<KnowledgeEntry[]> {
    const answer = await this.read<{ items: KnowledgeEntry[] }>(
      "api/v1/knowledge" + (source === undefined ? "" : "?source=" + encodeURIComponent(source)));
    return answer?.items ?? [];
  }

  /** The published instructions of a source, or null when none are; a 304 answers from the cache. */
  instructions(source: string): Promise<InstructionsVersion | null> {
    return this.read<InstructionsVersion>(`api/v1/instructions/${encodeURIComponent(source)}/current`);
  }

  private enqueue(work: Work): void {
    if (this.closed || this.queue.length >= this.options.maxQueueSize) {
      this.dropped++;
      return;
    }
    this.queue.push(work);
    this.accepted++;
    this.schedule(this.queue.length >= this.options.batchSize ? 0 : this.options.flushIntervalMs);
  }

  private schedule(delayMs: number): void {
    if (this.sending !== undefined) {
      return; // the running round schedules the next
    }
    if (this.timer !== undefined) {
      if (delayMs > 0) {
        return;
      }
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sending = this.round().finally(() => {
        this.sending = undefined;
        if (this.queue.length > 0) {
          this.schedule(0);
        } else if (this.waiting.size > 0) {
          this.schedule(this.options.interactionWaitMs);
        }
      });
    }, delayMs);
    // Do not hold a Node process open for the interval: when it runs out of work, "beforeExit" flushes (flushOnExit).
    (this.timer as { unref?: () => void }).unref?.();
  }

  private async round(): Promise<void> {
    const flush = this.flushRequested;
    this.flushRequested = false;
    const batch: Record<string, unknown>[] = [];
    const inlined = new Map<string, Record<string, unknown>>();
    // Taken by index and removed in one splice: shift() moves the whole array each time, quadratic on a long queue.
    let taken = 0;
    while (taken < this.queue.length && batch.length < this.options.batchSize) {
      const work = this.queue[taken++];
      if (work.kind === "interaction") {
        this.waiting.set(work.body.id as string, { body: work.body, at: work.at });
        continue;
      }
      const interactionId = work.body.interactionId as string;
      const queued = this.waiting.get(interactionId);
      if (queued !== undefined) {
        this.waiting.delete(interactionId);
        inlined.set(interactionId, queued.body);
        this.settled++; // the interaction travels with its feedback
      }
      const inline = inlined.get(interactionId);
      batch.push(inline === undefined ? work.body : { ...work.body, interaction: inline });
    }
    this.queue.splice(0, taken);
    if (batch.length > 0) {
      try {
        await this.sendBatch(batch, false);
      } catch {
        // Unexpected (sendBatch settles its items on every path it foresees): the sender goes on, the items are counted dropped.
        this.dropped += batch.length;
        this.settled += batch.length;
      }
    }
    const cutoff = Date.now() - this.options.interactionWaitMs;
    for (const [id, { body, at }] of [...this.waiting]) {
      if (flush || at <= cutoff) {
        this.waiting.delete(id);
        const payload = jsonOrUndefined(body);
        const [status, answer] = payload === undefined ? [0, "not JSON"] : await this.post("api/v1/interactions", payload);
        if (status !== 200 && status !== 201) {
          this.dropped++;
          this.warn(`interaction ${status}`, `an interaction was dropped: ${why(status, answer)}`);
        }
        this.settled++;
      }
    }
  }

  /** A dashboard busy or out of reach: the last answer read stands (stale-if-error), and onError hears of it. */
  private stale<T>(path: string, value: unknown, why: string): T {
    this.warn(`read ${path}`, `reading ${path} failed (${why}); answering with the last version read.`);
    return value as T;
  }

  /** Says why items were dropped, at most once a minute for each kind of failure; a throwing handler is ignored. */
  private warn(kind: string, message: string): void {
    const now = Date.now();
    if (now - (this.lastWarned.get(kind) ?? -Infinity) >= 60_000) {
      this.lastWarned.set(kind, now);
      try {
        this.onError(message);
      } catch {
        // the application's handler must not stop the sender
      }
    }
  }

  private async sendBatch(items: Record<string, unknown>[], throwOnFailure: boolean): Promise<void> {
    let payload = jsonOrUndefined({ items });
    if (payload === undefined) {
      // An item holds a value JSON cannot carry (a BigInt, a cycle): it alone is dropped, the others go.
      if (throwOnFailure) {
        throw new TypeError("The feedback holds a value that is not JSON.");
      }
      const kept = items.filter(item => jsonOrUndefined(item) !== undefined);
      const dropped = items.filter(item => !kept.includes(item));
      this.dropped += dropped.length;
      this.settled += dropped.length;
      await this.sendOrphanedInteractions(dropped, kept);
      items = kept;
      if (items.length === 0) {
        return;
      }
      payload = JSON.stringify({ items });
    }
    const [status, answer] = await this.post("api/v1/feedback/batch", payload);
    if (status === 200 && answer && Array.isArray((answer as { items?: unknown }).items)) {
      const stored = (answer as { items: { status: number }[] }).items.filter(r => r.status === 200 || r.status === 202).length;
      this.delivered += stored;
      this.dropped += items.length - stored;
      this.settled += throwOnFailure ? 0 : items.length;
      if (throwOnFailure && stored < items.length) {
        throw new FeedbackClientError(`The server refused the feedback: ${JSON.stringify(answer)}`);
      }
      const refused = (answer as { items: { status: number }[] }).items.filter(r => r.status !== 200 && r.status !== 202);
      if (refused.length > 0) {
        this.warn(`item ${refused[0].status}`, `the dashboard refused ${refused.length} feedback item(s), e.g. ${JSON.stringify(refused[0])}`);
      }
      return;
    }
    this.dropped += items.length;
    this.settled += throwOnFailure ? 0 : items.length;
    if (throwOnFailure) {
      throw new FeedbackClientError(`Sending the feedback failed: ${status} ${JSON.stringify(answer)}`);
    }
    this.warn(`batch ${status}`, `${items.length} feedback item(s) dropped: ${why(status, answer)}`);
  }

  /** An interaction that travelled inline with a dropped item, and with no item kept, is still sent (it was counted settled). */
  private async sendOrphanedInteractions(dropped: Record<string, unknown>[], kept: Record<string, unknown>[]): Promise<void> {
    const carried = new Set(kept.map(item => (item.interaction as { id?: string } | undefined)?.id));
    for (const item of dropped) {
      const interaction = item.interaction as { id?: string } | undefined;
      if (interaction !== undefined && !carried.has(interaction.id)) {
        carried.add(interaction.id);
        const payload = jsonOrUndefined(interaction);
        const [status] = payload === undefined ? [0] : await this.post("api/v1/interactions", payload);
        if (status !== 200 && status !== 201) {
          this.dropped++;
        }
      }
    }
  }

  /** Tries until an answer that is not busy (429, 503) nor a server error; [0, reason] when every try failed. */
  private async post(path: string, payload: string): Promise<[number, unknown]> {
    let delay = this.options.retryDelayMs;
    let last: [number, unknown] = [0, "no answer"];
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      let retryAfter: number | undefined;
      try {
        const response = await this.fetcher(this.base + path, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Api-Key": this.apiKey },
          body: payload,
        });
        const text = await response.text();
        last = [response.status, parse(text)];
        if (response.status !== 408 && response.status !== 429 && response.status < 500) {
          return last;
        }
        retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
      } catch (error) {
        last = [0, String(error)];
      }
      if (attempt < this.options.maxAttempts) {
        await sleep(retryAfter ?? delay);
        delay = Math.min(delay * 2, 30_000);
      }
    }
    return last;
  }

  private async read<T>(path: string): Promise<T | null> {
    const cached = this.readCache.get(path);
    const headers: Record<string, string> = { "X-Api-Key": this.apiKey, Accept: "application/json" };
    if (cached !== undefined) {
      headers["If-None-Match"] = cached.etag;
    }
    let response: Response;
    try {
      response = await this.fetcher(this.base + path, { headers });
    } catch (error) {
      if (cached !== undefined) {
        return this.stale<T>(path, cached.value, String(error));
      }
      throw new FeedbackClientError(`Reading ${path} failed: the dashboard did not answer (${String(error)}).`);
    }
    if (response.status === 304 && cached !== undefined) {
      this.notModified++;
      return cached.value as T;
    }
    if (response.status === 404) {
      return null;
    }
    if (!response.ok) {
      const detail = `${response.status} ${await response.text()}`;
      if ((response.status === 408 || response.status === 429 || response.status >= 500) && cached !== undefined) {
        return this.stale<T>(path, cached.value, detail);
      }
      throw new FeedbackClientError(`Reading ${path} failed: ${detail}`);
    }
    const value = (await response.json()) as T;
    const etag = response.headers.get("ETag");
    if (etag) {
      this.readCache.set(path, { etag, value });
    }
    return value;
  }
}

function why(status: number, answer: unknown): string {
  if (status === 0) {
    return `no answer from the dashboard after every retry (${String(answer)})`;
  }
  const problem = answer as { detail?: string; title?: string } | null;
  const detail = typeof answer === "object" && problem !== null ? problem.detail ?? problem.title : String(answer);
  return `${status} ${detail}${status === 401 || status === 403 ? " (check the API key and its scopes)" : ""}`;
}

/** Metadata values are text on the server: numbers and booleans go as their JSON text (0.7, true). */
function metadataAsText(metadata: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (metadata === undefined || metadata === null) {
    return undefined;
  }
  return Object.fromEntries(Object.entries(metadata)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => [k, typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? JSON.stringify(v) : String(v)]));
}

function jsonOrUndefined(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function withoutUndefined<T extends object>(value: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function randomId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
