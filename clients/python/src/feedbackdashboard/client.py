"""The client: calls queue and return; a background thread sends in batches, retries, and counts."""

from __future__ import annotations

import atexit
import email.utils
import http.client
import json
import logging
import os
import queue
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

__all__ = ["FeedbackClient", "FeedbackClientError"]

log = logging.getLogger("feedbackdashboard")
WARN_INTERVAL = 60.0

URL_VARIABLE = "FEEDBACKDASHBOARD_URL"
API_KEY_VARIABLE = "FEEDBACKDASHBOARD_API_KEY"
FEEDBACK_TYPES = ("positive", "negative", "rating", "correction")
CORRECTION_KINDS = ("knowledge", "behavior")
_FLUSH = object()


class FeedbackClientError(Exception):
    """A call in synchronous mode that the server refused or never answered."""


class FeedbackClient:
    """Sends interactions and feedback to FeedbackDashboard and reads back what it published.

    ``record_interaction`` and ``send_feedback`` never raise into the application's request path
    and never block it: they put the item on a bounded queue (when it is full the item is dropped
    and counted in ``dropped``), and a background thread sends batches to
    ``/api/v1/feedback/batch`` with each feedback item's interaction inline while that is still
    queued. Busy (429, 503) or unreachable servers are retried with backoff that honours
    ``Retry-After``; every feedback item gets its idempotency key once, so a retry never doubles
    it. ``flush()`` waits for what is queued; ``close()`` (also at interpreter exit) flushes and
    stops. With ``synchronous=True`` each call sends before it returns and raises on failure.
    """

    def __init__(
        self,
        base_url: Optional[str] = None,
        api_key: Optional[str] = None,
        *,
        max_queue_size: int = 10_000,
        batch_size: int = 500,
        flush_interval: float = 0.2,
        max_attempts: int = 8,
        retry_delay: float = 0.25,
        interaction_wait: float = 10.0,
        timeout: float = 10.0,
        synchronous: bool = False,
    ) -> None:
        base_url = base_url or os.environ.get(URL_VARIABLE)
        api_key = api_key or os.environ.get(API_KEY_VARIABLE)
        if not base_url or not api_key:
            raise ValueError(f"Give base_url and api_key, or set {URL_VARIABLE} and {API_KEY_VARIABLE}.")
        self._base = urllib.parse.urlsplit(base_url if base_url.endswith("/") else base_url + "/")
        self._api_key = api_key
        self._batch_size = batch_size
        self._flush_interval = flush_interval
        self._max_attempts = max_attempts
        self._retry_delay = retry_delay
        self._interaction_wait = interaction_wait
        self._timeout = timeout
        self._synchronous = synchronous
        self._queue: "queue.Queue[Any]" = queue.Queue(maxsize=max_queue_size)
        self._progress = threading.Condition()
        self._accepted = 0
        self._settled = 0
        self._dropped = 0
        self._delivered = 0
        self._closed = False
        self._connection: Optional[http.client.HTTPConnection] = None
        self._read_cache: Dict[str, Tuple[str, Any]] = {}
        self._cache_lock = threading.Lock()
        self.not_modified = 0
        self._last_warned: Dict[str, float] = {}
        self._thread: Optional[threading.Thread] = None
        if not synchronous:
            self._thread = threading.Thread(target=self._send_loop, name="feedbackdashboard-sender", daemon=True)
            self._thread.start()
            atexit.register(self.close)

    # --- the calls -------------------------------------------------------------------------

    @property
    def dropped(self) -> int:
        """Items dropped: the queue was full, the server refused them (4xx), or every retry failed."""
        return self._dropped

    @property
    def delivered(self) -> int:
        """Feedback items the server stored (or had stored already, for a replayed id)."""
        return self._delivered

    def record_interaction(
        self,
        id: str,
        query: str,
        response: Optional[str] = None,
        source: Optional[str] = None,
        pattern: Optional[str] = None,
        metadata: Optional[Mapping[str, Any]] = None,
    ) -> None:
        """Records one question and answer under the application's own id."""
        body = {"id": id, "query": query, "response": response, "source": source, "pattern": pattern,
                "metadata": _metadata(metadata)}
        if self._synchronous:
            self._send_interaction(body, raise_on_failure=True)
            return
        self._enqueue(("interaction", body, time.monotonic()))

    def send_feedback(
        self,
        interaction_id: str,
        type: str,
        value: Any = None,
        comment: Optional[str] = None,
        correction_kind: Optional[str] = None,
        id: Optional[str] = None,
    ) -> str:
        """Sends a user's feedback: ``positive``, ``negative``, ``rating`` (value 1-5) or ``correction``
        (value the corrected text, ``correction_kind`` knowledge or behavior). Returns its idempotency key."""
        key = id or "fb_" + uuid.uuid4().hex
        if type not in FEEDBACK_TYPES or (correction_kind is not None and correction_kind not in CORRECTION_KINDS):
            message = f"Unknown feedback type {type!r} or correction kind {correction_kind!r}: use one of {FEEDBACK_TYPES} and {CORRECTION_KINDS}."
            if self._synchronous:
                raise ValueError(message)
            log.warning(message)
            with self._progress:
                self._dropped += 1
            return key
        body = {"id": key, "interactionId": interaction_id, "type": type, "value": value, "comment": comment,
                "correctionKind": correction_kind}
        if self._synchronous:
            self._send_batch([body], raise_on_failure=True)
            return key
        self._enqueue(("feedback", body, time.monotonic()))
        return key

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Waits until everything queued so far was delivered or given up on; False when the timeout passed first."""
        if self._thread is None:
            return True
        with self._progress:
            target = self._accepted
        try:
            self._queue.put_nowait(_FLUSH)
        except queue.Full:
            pass
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._progress:
            while self._settled < target and self._thread.is_alive():
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._progress.wait(0.2 if remaining is None else min(0.2, remaining))
        return True

    def close(self, timeout: float = 10.0) -> None:
        """Sends what is queued (waiting at most ``timeout`` seconds), then stops the sender."""
        if self._closed:
            return
        self.flush(timeout)
        self._closed = True
        if self._thread is not None:
            try:
                self._queue.put_nowait(None)
            except queue.Full:
                pass
            self._thread.join(timeout)
            atexit.unregister(self.close)

    def __enter__(self) -> "FeedbackClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def knowledge(self, source: Optional[str] = None) -> List[Dict[str, Any]]:
        """The knowledge entries of a source and the shared ones; a 304 answers from the client's cache."""
        path = "api/v1/knowledge" + ("" if source is None else "?source=" + urllib.parse.quote(source))
        answer = self._read(path)
        return [] if answer is None else answer["items"]

    def instructions(self, source: str) -> Optional[Dict[str, Any]]:
        """The published instructions of a source, or None when none are; a 304 answers from the cache."""
        return self._read(f"api/v1/instructions/{urllib.parse.quote(source, safe='')}/current")

    # --- the sender ------------------------------------------------------------------------

    def _enqueue(self, item: Tuple[str, Dict[str, Any], float]) -> None:
        if self._closed:
            with self._progress:
                self._dropped += 1
            return
        try:
            self._queue.put_nowait(item)
        except queue.Full:
            with self._progress:
                self._dropped += 1
            return
        with self._progress:
            self._accepted += 1

    def _send_loop(self) -> None:
        waiting: Dict[str, Tuple[Dict[str, Any], float]] = {}
        while True:
            batch: List[Dict[str, Any]] = []
            inlined: Dict[str, Dict[str, Any]] = {}
            flush = stop = False
            deadline = time.monotonic() + self._flush_interval
            while len(batch) < self._batch_size:
                # Nothing pending: sleep until something comes. Else look again within the flush interval.
                wait = deadline - time.monotonic() if (batch or waiting) else self._interaction_wait
                if wait <= 0:
                    break
                try:
                    item = self._queue.get(timeout=wait)
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                if item is _FLUSH:
                    flush = True
                    if self._queue.empty():
                        break
                    continue
                kind, body, at = item
                if kind == "interaction":
                    waiting[body["id"]] = (body, at)
                    continue
                queued = waiting.pop(body["interactionId"], None)
                if queued is not None:
                    inlined[body["interactionId"]] = queued[0]
                    self._settle(settled=1)  # the interaction travels with its feedback
                inline = inlined.get(body["interactionId"])
                batch.append(dict(body, interaction=inline) if inline else body)
            if batch:
                self._guarded(lambda: self._send_batch(batch, raise_on_failure=False), len(batch))
            cutoff = float("inf") if (flush or stop) else time.monotonic() - self._interaction_wait
            for interaction_id, (body, at) in list(waiting.items()):
                if at <= cutoff:
                    del waiting[interaction_id]
                    self._guarded(lambda: self._send_interaction(body, raise_on_failure=False), 1)
            if stop:
                return

    def _guarded(self, send: Callable[[], None], count: int) -> None:
        """The sender thread outlives anything a send raises: its items are counted dropped, never left unsettled."""
        try:
            send()
        except Exception:  # noqa: BLE001 - the application's items must not stop the sender
            log.exception("FeedbackDashboard: %d item(s) could not be sent and were dropped.", count)
            self._settle(dropped=count, settled=count)

    def _send_batch(self, items: List[Dict[str, Any]], raise_on_failure: bool) -> None:
        bodies = [_without_none(i) for i in items]
        try:
            payload = json.dumps({"items": bodies}).encode("utf-8")
        except (TypeError, ValueError):
            # One item holds a value that is not JSON: it alone is dropped, the others go.
            if raise_on_failure:
                raise TypeError("The feedback holds a value that is not JSON (a str, number, bool, list or dict).") from None
            kept = [b for b in bodies if _encodable(b)]
            unencodable = len(items) - len(kept)
            log.warning("FeedbackDashboard: %d feedback item(s) hold a value that is not JSON and were dropped.", unencodable)
            self._settle(dropped=unencodable, settled=unencodable)
            self._send_orphaned_interactions(dropped=[b for b in bodies if b not in kept], kept=kept)
            bodies = kept
            items = bodies
            if not items:
                return
            payload = json.dumps({"items": bodies}).encode("utf-8")
        status, answer = self._post("api/v1/feedback/batch", payload)
        if status == 200 and isinstance(answer, dict):
            stored = sum(1 for r in answer.get("items", []) if r.get("status") in (200, 202))
            self._settle(delivered=stored, dropped=len(items) - stored, settled=len(items))
            if raise_on_failure and stored < len(items):
                raise FeedbackClientError(f"The server refused the feedback: {json.dumps(answer)}")
            refused = [r for r in answer.get("items", []) if r.get("status") not in (200, 202)]
            if refused:
                self._warn(f"item {refused[0].get('status')}", f"the dashboard refused {len(refused)} feedback item(s), e.g. {json.dumps(refused[0])}")
            return
        self._settle(dropped=len(items), settled=len(items))
        if raise_on_failure:
            raise FeedbackClientError(f"Sending the feedback failed: {status} {answer}")
        self._warn(f"batch {status}", f"{len(items)} feedback item(s) dropped: {_why(status, answer)}")

    def _send_orphaned_interactions(self, dropped: List[Dict[str, Any]], kept: List[Dict[str, Any]]) -> None:
        """An interaction that travelled inline with a dropped item, and with no item kept, is still sent (already counted settled)."""
        carried = {b["interaction"]["id"] for b in kept if isinstance(b.get("interaction"), dict)}
        for body in dropped:
            interaction = body.get("interaction")
            if isinstance(interaction, dict) and interaction.get("id") not in carried:
                carried.add(interaction.get("id"))
                status = self._post("api/v1/interactions", json.dumps(interaction).encode("utf-8"))[0] if _encodable(interaction) else None
                if status not in (200, 201):
                    self._settle(dropped=1)

    def _send_interaction(self, body: Dict[str, Any], raise_on_failure: bool) -> None:
        status, answer = self._post("api/v1/interactions", json.dumps(_without_none(body)).encode("utf-8"))
        ok = status in (200, 201)
        if raise_on_failure:
            if not ok:
                raise FeedbackClientError(f"Recording the interaction failed: {status} {answer}")
            return
        self._settle(dropped=0 if ok else 1, settled=1)
        if not ok:
            self._warn(f"interaction {status}", f"an interaction was dropped: {_why(status, answer)}")

    def _stale(self, path: str, cached: Tuple[str, Any], why: str) -> Any:
        """A dashboard busy or out of reach: the last answer read stands (stale-if-error), and the log says so."""
        self._warn(f"read {path}", f"reading {path} failed ({why}); answering with the last version read.")
        return cached[1]

    def _warn(self, kind: str, message: str) -> None:
        """Says why items were dropped (a wrong key, a refused item), at most once a minute for each kind of failure."""
        now = time.monotonic()
        if now - self._last_warned.get(kind, -WARN_INTERVAL) >= WARN_INTERVAL:
            self._last_warned[kind] = now
            log.warning("FeedbackDashboard: %s", message)

    def _post(self, path: str, payload: bytes) -> Tuple[Optional[int], Any]:
        """Tries until an answer that is not busy (429, 503) nor a server error; (None, reason) when every try failed."""
        delay = self._retry_delay
        status: Optional[int] = None
        answer: Any = None
        for attempt in range(1, self._max_attempts + 1):
            retry_after: Optional[float] = None
            try:
                status, headers, raw = self._request("POST", path, payload)
                answer = _json_or_text(raw)
                if status not in (408, 429) and status < 500:
                    return status, answer
                retry_after = _retry_after(headers.get("Retry-After"))
            except (OSError, http.client.HTTPException) as error:
                status, answer = None, str(error)
                self._drop_connection()
            if attempt == self._max_attempts:
                break
            time.sleep(retry_after if retry_after is not None else delay)
            delay = min(delay * 2, 30.0)
        return status, answer

    def _request(self, method: str, path: str, payload: Optional[bytes]) -> Tuple[int, Dict[str, str], bytes]:
        if self._connection is None:
            host = self._base.hostname or "localhost"
            if self._base.scheme == "https":
                self._connection = http.client.HTTPSConnection(host, self._base.port, timeout=self._timeout)
            else:
                self._connection = http.client.HTTPConnection(host, self._base.port, timeout=self._timeout)
        headers = {"X-Api-Key": self._api_key, "Content-Type": "application/json", "Accept": "application/json"}
        self._connection.request(method, self._base.path + path, body=payload, headers=headers)
        response = self._connection.getresponse()
        raw = response.read()
        return response.status, {k: v for k, v in response.getheaders()}, raw

    def _drop_connection(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _settle(self, delivered: int = 0, dropped: int = 0, settled: int = 0) -> None:
        with self._progress:
            self._delivered += delivered
            self._dropped += dropped
            self._settled += settled
            self._progress.notify_all()

    # --- read-back -------------------------------------------------------------------------

    def _read(self, path: str) -> Any:
        url = urllib.parse.urlunsplit(self._base) + path
        request = urllib.request.Request(url, headers={"X-Api-Key": self._api_key, "Accept": "application/json"})
        with self._cache_lock:
            cached = self._read_cache.get(path)
        if cached is not None:
            request.add_header("If-None-Match", cached[0])
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                value = json.loads(response.read().decode("utf-8"))
                etag = response.headers.get("ETag")
        except urllib.error.HTTPError as error:
            if error.code == 304 and cached is not None:
                self.not_modified += 1
                return cached[1]
            if error.code == 404:
                return None
            detail = error.read().decode("utf-8", "replace")
            if (error.code in (408, 429) or error.code >= 500) and cached is not None:
                return self._stale(path, cached, f"{error.code} {detail}")
            raise FeedbackClientError(f"Reading {path} failed: {error.code} {detail}") from None
        except (OSError, http.client.HTTPException) as error:
            if cached is not None:
                return self._stale(path, cached, str(error))
            raise FeedbackClientError(f"Reading {path} failed: the dashboard did not answer ({error}).") from None
        if etag:
            with self._cache_lock:
                self._read_cache[path] = (etag, value)
        return value


def _why(status: Optional[int], answer: Any) -> str:
    if status is None:
        return f"no answer from the dashboard after every retry ({answer})"
    detail = answer.get("detail") or answer.get("title") if isinstance(answer, dict) else answer
    hint = " (check the API key and its scopes)" if status in (401, 403) else ""
    return f"{status} {detail}{hint}"


def _metadata(metadata: Optional[Mapping[str, Any]]) -> Optional[Dict[str, str]]:
    """Metadata values are text on the server: numbers and booleans are sent as their JSON text (0.7, true)."""
    if not metadata:
        return None
    return {str(k): v if isinstance(v, str) else json.dumps(v) if isinstance(v, (bool, int, float)) else str(v)
            for k, v in metadata.items() if v is not None}


def _encodable(body: Dict[str, Any]) -> bool:
    try:
        json.dumps(body)
        return True
    except (TypeError, ValueError):
        return False


def _without_none(body: Dict[str, Any]) -> Dict[str, Any]:
    return {k: (_without_none(v) if isinstance(v, dict) else v) for k, v in body.items() if v is not None}


def _json_or_text(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8")) if raw else None
    except ValueError:
        return raw.decode("utf-8", "replace")


def _retry_after(value: Optional[str]) -> Optional[float]:
    """Retry-After as seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
