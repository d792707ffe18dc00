// A loopback proxy that fails POSTs on purpose: refused with 503 and Retry-After, or forwarded and then answered 503.
import http from "node:http";

export async function startFaultProxy(target, { refuseFirst = 0, forwardThenFailFirst = 0 } = {}) {
  const state = { refuse: refuseFirst, forwardThenFail: forwardThenFailFirst, posts: 0 };
  const server = http.createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const post = request.method === "POST";
    if (post) {
      state.posts++;
      if (state.refuse-- > 0) {
        response.writeHead(503, { "Retry-After": "1" }).end();
        return;
      }
    }
    const headers = {};
    for (const name of ["x-api-key", "content-type", "if-none-match", "accept"]) {
      if (request.headers[name]) headers[name] = request.headers[name];
    }
    const upstream = await fetch(new URL(request.url, target), { method: request.method, headers, body: post ? body : undefined });
    const answer = Buffer.from(await upstream.arrayBuffer());
    if (post && state.forwardThenFail-- > 0) {
      response.writeHead(503).end();
      return;
    }
    const out = { "Content-Type": upstream.headers.get("content-type") ?? "application/json" };
    if (upstream.headers.get("etag")) out.ETag = upstream.headers.get("etag");
    response.writeHead(upstream.status, out).end(answer);
  });
  await new Promise(resolve => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    get posts() { return state.posts; },
    close: () => new Promise(resolve => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
