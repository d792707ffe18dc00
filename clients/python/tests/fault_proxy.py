"""A loopback proxy that fails POSTs on purpose: refused with 503 and Retry-After, or forwarded and then answered 503."""

import http.server
import threading
import urllib.error
import urllib.request


class FaultProxy:
    def __init__(self, target, refuse_first=0, forward_then_fail_first=0):
        self.target = target.rstrip("/")
        self.refuse = refuse_first
        self.forward_then_fail = forward_then_fail_first
        self.posts = 0
        self._lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                self._forward(None)

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with proxy._lock:
                    proxy.posts += 1
                    refuse = proxy.refuse > 0
                    if refuse:
                        proxy.refuse -= 1
                if refuse:
                    self._answer(503, b"", {"Retry-After": "1"})
                    return
                self._forward(body)

            def _forward(self, body):
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("x-api-key", "content-type", "if-none-match", "accept")}
                request = urllib.request.Request(proxy.target + self.path, data=body, headers=headers, method=self.command)
                try:
                    with urllib.request.urlopen(request, timeout=30) as response:
                        status, raw, extra = response.status, response.read(), {"ETag": response.headers.get("ETag")}
                except urllib.error.HTTPError as error:
                    status, raw, extra = error.code, error.read(), {"ETag": error.headers.get("ETag")}
                if body is not None:
                    with proxy._lock:
                        fail = proxy.forward_then_fail > 0
                        if fail:
                            proxy.forward_then_fail -= 1
                    if fail:
                        self._answer(503, b"", {})
                        return
                self._answer(status, raw, {k: v for k, v in extra.items() if v})

            def _answer(self, status, raw, headers):
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
