// Local stand-in for an OpenAI-compatible `chat/completions` server, for tests.
//
// Answers `POST …/chat/completions` with a server-sent-event stream: the reply is
// "Cloud answer: " followed by the last user message (so a test sees what the model got
// back, placeholders included), in small chunks, then a usage chunk and `[DONE]`.
// Records every request (path, headers, body) and injects faults: an HTTP status (with
// `retry-after`), a stream cut after some chunks, a hang, no usage chunk. Only Node built-ins.
//
//   import { startCloud } from './server.mjs';
//   const cloud = await startCloud();
//   ... `${cloud.url}/v1/` is the base URL ...
//   await cloud.close();

import { createServer } from 'node:http';

/** @typedef {import('./server.d.mts').CloudFault} CloudFault */
/** @typedef {import('./server.d.mts').CloudRequest} CloudRequest */

export const ANSWER_PREFIX = 'Cloud answer: ';

/** @param {string} body */
function lastUserText(body) {
  try {
    const messages = JSON.parse(body).messages;
    const user = [...messages].reverse().find((m) => m.role === 'user');
    return typeof user?.content === 'string' ? user.content : '';
  } catch {
    return '';
  }
}

/** @param {string} text @param {number} size */
function pieces(text, size) {
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** @param {import('./server.d.mts').CloudOptions} [options] */
export async function startCloud(options = {}) {
  /** @type {CloudRequest[]} */
  const requests = [];
  /** @type {CloudFault | null} */
  let fault = null;
  const sockets = new Set();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://localhost');
      /** @type {CloudRequest} */
      const record = {
        method: req.method ?? '',
        path: url.pathname,
        headers: req.headers,
        body,
        status: 0,
        at: Date.now(),
      };
      requests.push(record);
      if (req.method !== 'POST' || !url.pathname.endsWith('/chat/completions')) {
        record.status = 404;
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `no route ${url.pathname}` } }));
        return;
      }
      const current = fault;
      if (current?.kind === 'status') {
        record.status = current.status;
        res.writeHead(current.status, {
          'content-type': 'application/json',
          ...(current.retryAfter !== undefined ? { 'retry-after': String(current.retryAfter) } : {}),
        });
        res.end(JSON.stringify({ error: { message: current.message ?? `test fault ${current.status}` } }));
        return;
      }
      if (current?.kind === 'hang') {
        record.status = -1;
        return; // Never answers; the client's stop or timeout ends it.
      }
      record.status = 200;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const text = ANSWER_PREFIX + lastUserText(body).slice(-(options.answerChars ?? 400));
      const parts = pieces(text, options.chunkChars ?? 6);
      const events = parts.map((content, i) =>
        JSON.stringify({
          id: 'cmpl-test',
          object: 'chat.completion.chunk',
          choices: [{ index: 0, delta: i === 0 ? { role: 'assistant', content } : { content }, finish_reason: null }],
        }),
      );
      events.push(JSON.stringify({ id: 'cmpl-test', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
      if (current?.kind !== 'noUsage') {
        const promptTokens = Math.ceil(body.length / 4);
        events.push(
          JSON.stringify({
            id: 'cmpl-test',
            choices: [],
            usage: {
              prompt_tokens: promptTokens,
              completion_tokens: parts.length,
              total_tokens: promptTokens + parts.length,
            },
          }),
        );
      }
      let sent = 0;
      const next = () => {
        if (res.destroyed) return;
        if (current?.kind === 'cut' && sent >= current.afterChunks) {
          record.status = -2;
          res.socket?.destroy();
          return;
        }
        if (sent < events.length) {
          res.write(`data: ${events[sent++]}\n\n`);
          setTimeout(next, options.delayMs ?? 2);
        } else {
          res.end('data: [DONE]\n\n');
        }
      };
      next();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    clearLog: () => void requests.splice(0),
    setFault: (next) => void (fault = next),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve(undefined));
      }),
  };
}
