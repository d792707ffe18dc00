// A feedback widget for end users' pages: thumbs up/down, an optional comment and correction, sent with a
// feedback token (no API key in the page). No framework; keyboard and screen-reader friendly; themed by CSS
// variables (--fd-accent, --fd-text, --fd-background, --fd-border, --fd-radius, --fd-font).

export interface FeedbackWidgetOptions {
  /** The dashboard's address. */
  baseUrl: string;
  /** The interaction the answer belongs to, and the token the application's server got for it. */
  interactionId: string;
  token: string;
  /** Offer a field for the corrected answer (sent as a knowledge correction). */
  allowCorrection?: boolean;
  /** Texts, for another language. */
  labels?: Partial<typeof DEFAULT_LABELS>;
  /** Called after the dashboard stored the feedback. */
  onSent?: (type: "positive" | "negative" | "correction") => void;
}

const DEFAULT_LABELS = {
  question: "Was this answer helpful?",
  up: "Yes, helpful",
  down: "No, not helpful",
  comment: "What was wrong? (optional)",
  correction: "The right answer (optional)",
  send: "Send feedback",
  thanks: "Thank you for your feedback.",
  failed: "Your feedback could not be sent.",
};

const STYLE = `
.fd-widget{font:var(--fd-font,14px system-ui,sans-serif);color:var(--fd-text,#1f2933);background:var(--fd-background,transparent);
border:1px solid var(--fd-border,#d0d7de);border-radius:var(--fd-radius,8px);padding:.75em;display:grid;gap:.5em;max-width:32em}
.fd-widget__row{display:flex;gap:.5em;align-items:center;flex-wrap:wrap}
.fd-widget button{display:inline-flex;align-items:center;font:inherit;border:1px solid var(--fd-border,#d0d7de);border-radius:var(--fd-radius,8px);background:transparent;
color:inherit;padding:.35em .8em;cursor:pointer}
.fd-widget button[aria-pressed=true]{background:var(--fd-accent,#3f51b5);border-color:var(--fd-accent,#3f51b5);color:#fff}
.fd-widget button:focus-visible,.fd-widget textarea:focus-visible{outline:2px solid var(--fd-accent,#3f51b5);outline-offset:2px}
.fd-widget textarea{font:inherit;width:100%;box-sizing:border-box;border:1px solid var(--fd-border,#d0d7de);border-radius:var(--fd-radius,8px);padding:.4em}
.fd-widget [hidden]{display:none}`;

// Material Design's thumb icons (Apache 2.0), drawn in the text colour: no emoji font needed.
const THUMB_UP = "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z";
const THUMB_DOWN = "M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z";

let counter = 0;

/** Draws the widget inside `host` and returns a function that removes it. */
export function mountFeedbackWidget(host: HTMLElement, options: FeedbackWidgetOptions): () => void {
  const labels = { ...DEFAULT_LABELS, ...options.labels };
  const id = `fd-widget-${++counter}`;
  ensureStyle(host.ownerDocument);

  const root = element(host.ownerDocument, "form", { class: "fd-widget", "aria-labelledby": `${id}-question` });
  const question = element(host.ownerDocument, "span", { id: `${id}-question` }, labels.question);
  const up = element(host.ownerDocument, "button", { type: "button", "aria-pressed": "false", "aria-label": labels.up });
  const down = element(host.ownerDocument, "button", { type: "button", "aria-pressed": "false", "aria-label": labels.down });
  up.append(icon(host.ownerDocument, THUMB_UP));
  down.append(icon(host.ownerDocument, THUMB_DOWN));
  const row = element(host.ownerDocument, "div", { class: "fd-widget__row", role: "group", "aria-labelledby": `${id}-question` });
  row.append(question, up, down);

  const details = element(host.ownerDocument, "div", { hidden: "" });
  const comment = labelled(host.ownerDocument, `${id}-comment`, labels.comment);
  details.append(...comment.nodes);
  const correction = options.allowCorrection ? labelled(host.ownerDocument, `${id}-correction`, labels.correction) : undefined;
  if (correction) {
    details.append(...correction.nodes);
  }
  const send = element(host.ownerDocument, "button", { type: "submit" }, labels.send);
  details.append(send);
  const status = element(host.ownerDocument, "p", { role: "status", "aria-live": "polite", class: "fd-widget__status" });
  root.append(row, details, status);
  host.append(root);

  let choice: "positive" | "negative" | undefined;
  const choose = (value: "positive" | "negative") => {
    choice = value;
    up.setAttribute("aria-pressed", String(value === "positive"));
    down.setAttribute("aria-pressed", String(value === "negative"));
    details.hidden = false;
    (value === "negative" ? comment.field : send).focus();
  };
  up.addEventListener("click", () => choose("positive"));
  down.addEventListener("click", () => choose("negative"));

  root.addEventListener("submit", async event => {
    event.preventDefault();
    if (choice === undefined) {
      return;
    }
    const corrected = correction?.field.value.trim();
    const type = corrected ? "correction" : choice;
    const body: Record<string, unknown> = { interactionId: options.interactionId, type };
    if (corrected) {
      body.value = corrected;
      body.correctionKind = "knowledge";
    }
    if (comment.field.value.trim()) {
      body.comment = comment.field.value.trim();
    }
    send.disabled = true;
    try {
      const response = await fetch(new URL("api/v1/feedback", options.baseUrl.endsWith("/") ? options.baseUrl : options.baseUrl + "/"), {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Feedback-Token": options.token },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      status.textContent = labels.thanks;
      root.dataset.state = "sent";
      details.hidden = true;
      up.disabled = down.disabled = true;
      options.onSent?.(type);
    } catch {
      status.textContent = labels.failed;
      root.dataset.state = "failed";
      send.disabled = false;
    }
  });

  return () => root.remove();
}

function element<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, attributes: Record<string, string>, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function labelled(document: Document, id: string, text: string): { field: HTMLTextAreaElement; nodes: Node[] } {
  const label = element(document, "label", { for: id }, text);
  const field = element(document, "textarea", { id, rows: "2", maxlength: "4000" });
  return { field, nodes: [label, field] };
}

function icon(document: Document, path: string): SVGSVGElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "1.2em");
  svg.setAttribute("height", "1.2em");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("fill", "currentColor");
  const shape = document.createElementNS("http://www.w3.org/2000/svg", "path");
  shape.setAttribute("d", path);
  svg.append(shape);
  return svg;
}

function ensureStyle(document: Document): void {
  if (!document.getElementById("fd-widget-style")) {
    const style = element(document, "style", { id: "fd-widget-style" }, STYLE);
    document.head.append(style);
  }
}
