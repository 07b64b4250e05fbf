// Local stand-in for the Hugging Face hub, for tests.
//
// Serves `GET|HEAD /{owner}/{repo}/resolve/{revision}/{file path}` from
// `{root}/{owner}/{repo}/{file path}` (the revision is ignored), with CORS
// enabled, a request log, and injectable faults. Only Node built-ins.
//
// A fixture repo can borrow files from another one instead of committing a second
// copy: `{repo}/hub-alias.json` = `{ "filesFrom": "owner/repo", "files": ["onnx/model.onnx"] }`.
// Clients cannot tell: the borrowed file is served (and logged) under the requested
// path, and hub-alias.json itself is not served. See resolveModelFile.
//
//   import { startHub } from './server.mjs';
//   const hub = await startHub({ root: 'tests/fixtures/models' });
//   env.remoteHost = hub.url + '/';
//   ...
//   await hub.close();

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** @typedef {import('./server.d.mts').HubFault} HubFault */
/** @typedef {import('./server.d.mts').HubRequest} HubRequest */
/** @typedef {import('./server.d.mts').Hub} Hub */

const CONTENT_TYPES = {
  '.json': 'application/json; charset=utf-8',
  '.onnx': 'application/octet-stream',
  '.onnx_data': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.model': 'application/octet-stream',
};

/** SHA-256 (hex) of a fixture file, computed once per path. */
const hashes = new Map();
function sha256Of(filePath) {
  if (!hashes.has(filePath)) hashes.set(filePath, createHash('sha256').update(readFileSync(filePath)).digest('hex'));
  return hashes.get(filePath);
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Expose-Headers': 'Content-Length, Content-Type, ETag, X-Linked-Etag, X-Error-Code, X-Error-Message',
};

const RESOLVE_RE = /^\/([^/]+)\/([^/]+)\/resolve\/([^/]+)\/(.+)$/;

/** The per-repo file naming where the repo's missing files are (test-hub only, never served). */
export const ALIAS_FILE = 'hub-alias.json';

/**
 * `root/…segments` if every segment is a plain name, else null (no `..`, no escaping root).
 * @param {string} rootDir absolute
 * @param {string[]} segments
 * @returns {string | null}
 */
function insideRoot(rootDir, segments) {
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) return null;
  const filePath = path.resolve(rootDir, ...segments);
  return filePath.startsWith(rootDir + path.sep) ? filePath : null;
}

/** @param {string} filePath */
function isFile(filePath) {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/**
 * Where the hub reads `file` of `repoId` from: the repo's own copy, else the copy of the
 * repo its hub-alias.json names, if that lists the file (one level: aliases do not chain).
 * Tests that read fixture files from disk use this too, so they see what the hub serves.
 * @param {string} root the hub root, `{owner}/{repo}/{files}`
 * @param {string} repoId `owner/repo`
 * @param {string} file path inside the repo, `/`-separated
 * @returns {string | null} an existing file, or null if the hub would answer 404
 */
export function resolveModelFile(root, repoId, file) {
  const rootDir = path.resolve(root);
  const repo = repoId.split('/');
  const parts = file.split('/');
  const own = insideRoot(rootDir, [...repo, ...parts]);
  if (!own || file === ALIAS_FILE) return null;
  if (isFile(own)) return own;
  const aliasPath = insideRoot(rootDir, [...repo, ALIAS_FILE]);
  if (!aliasPath || !isFile(aliasPath)) return null;
  /** @type {{ filesFrom?: unknown, files?: unknown }} */
  const alias = JSON.parse(readFileSync(aliasPath, 'utf8'));
  if (typeof alias.filesFrom !== 'string' || !Array.isArray(alias.files) || !alias.files.includes(file)) return null;
  const shared = insideRoot(rootDir, [...alias.filesFrom.split('/'), ...parts]);
  return shared && isFile(shared) ? shared : null;
}

/**
 * @param {{ root: string, port?: number, host?: string, log?: boolean }} options
 * @returns {Promise<Hub>}
 */
export async function startHub({ root, port = 0, host = '127.0.0.1', log = false }) {
  const rootDir = path.resolve(root);
  /** @type {HubRequest[]} */
  const requests = [];
  /** @type {HubFault | null} */
  let fault = null;
  const sockets = new Set();

  const server = createServer((req, res) => {
    const entry = { method: req.method ?? 'GET', path: req.url ?? '/', status: 0, at: Date.now() };
    requests.push(entry);
    res.on('finish', () => {
      if (log) console.log(`${entry.method} ${entry.path} ${entry.status}`);
    });
    handle(req, res, entry).catch((err) => {
      if (!res.headersSent) {
        send(res, entry, 500, { error: String(err) });
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  /**
   * @param {import('node:http').ServerResponse} res
   * @param {HubRequest} entry
   * @param {number} status
   * @param {unknown} body
   * @param {Record<string,string>} [headers]
   */
  function send(res, entry, status, body, headers = {}) {
    entry.status = status;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      ...CORS_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {HubRequest} entry
   */
  async function handle(req, res, entry) {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://hub').pathname);
    } catch {
      return send(res, entry, 400, { error: 'Bad request' });
    }
    entry.path = urlPath;
    const active = fault && (!fault.match || urlPath.includes(fault.match)) ? fault : null;

    if (active?.kind === 'hangup') {
      entry.status = -1;
      req.socket.destroy();
      return;
    }
    if (active?.kind === 'status') {
      return send(res, entry, active.status, { error: `Fault: status ${active.status}` });
    }
    if (req.method === 'OPTIONS') {
      entry.status = 204;
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, entry, 405, { error: 'Method not allowed' });
    }
    const m = RESOLVE_RE.exec(urlPath);
    if (!m) {
      return send(res, entry, 404, { error: 'Not found' }, { 'X-Error-Code': 'EntryNotFound' });
    }
    const [, owner, repo, , file] = m;
    if (!insideRoot(rootDir, [owner, repo, ...file.split('/')])) {
      return send(res, entry, 400, { error: 'Invalid path' });
    }
    if (active?.kind === 'notFound') {
      return send(res, entry, 404, { error: 'Entry not found' }, { 'X-Error-Code': 'EntryNotFound' });
    }
    const filePath = resolveModelFile(rootDir, `${owner}/${repo}`, file);
    let info;
    try {
      info = filePath ? await stat(filePath) : null;
    } catch {
      info = null;
    }
    if (!filePath || !info || !info.isFile()) {
      let repoExists = false;
      try {
        repoExists = (await stat(path.resolve(rootDir, owner, repo))).isDirectory();
      } catch {
        /* ignore */
      }
      return repoExists
        ? send(res, entry, 404, { error: 'Entry not found' }, { 'X-Error-Code': 'EntryNotFound' })
        : send(res, entry, 404, { error: 'Repository not found' }, { 'X-Error-Code': 'RepoNotFound' });
    }

    const size = info.size;
    // Like the real hub for LFS files (the weights): the SHA-256 of the content, as X-Linked-Etag.
    const lfs = filePath.endsWith('.onnx');
    const headers = {
      ...CORS_HEADERS,
      'Content-Type': CONTENT_TYPES[path.extname(filePath)] ?? 'application/octet-stream',
      'Content-Length': String(size),
      ETag: lfs ? `"${sha256Of(filePath)}"` : `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
      ...(lfs ? { 'X-Linked-Etag': `"${sha256Of(filePath)}"` } : {}),
      'Cache-Control': 'no-cache',
    };
    entry.status = 200;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    if (active?.kind === 'truncate') {
      const limit = Math.max(0, Math.min(size - 1, active.afterBytes ?? Math.floor(size / 2)));
      entry.status = -200; // marks a deliberately broken body
      if (limit === 0) {
        res.flushHeaders();
        setTimeout(() => res.destroy(), 10);
        return;
      }
      const stream = createReadStream(filePath, { start: 0, end: limit - 1 });
      stream.on('data', (chunk) => res.write(chunk));
      stream.on('end', () => setTimeout(() => res.destroy(), 10));
      stream.on('error', () => res.destroy());
      return;
    }
    if (active?.kind === 'corrupt') {
      // Garbage of the right length: only a content hash can tell.
      const bytes = readFileSync(filePath);
      for (let i = 0; i < bytes.length; i += 4096) bytes[i] = bytes[i] ^ 0xff;
      entry.status = -201; // marks deliberately wrong bytes
      res.end(bytes);
      return;
    }
    if (active?.kind === 'slow') {
      await throttle(res, filePath, size, Math.max(1, active.bytesPerSecond));
      return;
    }
    const stream = createReadStream(filePath);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  /**
   * @param {import('node:http').ServerResponse} res
   * @param {string} filePath
   * @param {number} size
   * @param {number} bytesPerSecond
   */
  async function throttle(res, filePath, size, bytesPerSecond) {
    const tickMs = 50;
    const perTick = Math.max(1, Math.floor((bytesPerSecond * tickMs) / 1000));
    const fh = await import('node:fs/promises').then((fs) => fs.open(filePath, 'r'));
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    try {
      let offset = 0;
      while (offset < size && !closed) {
        const n = Math.min(perTick, size - offset);
        const buf = Buffer.alloc(n);
        await fh.read(buf, 0, n, offset);
        offset += n;
        if (!res.write(buf)) {
          await new Promise((r) => {
            res.once('drain', r);
            res.once('close', r);
          });
        }
        if (offset < size) await new Promise((r) => setTimeout(r, tickMs));
      }
      if (!closed) res.end();
    } finally {
      await fh.close();
    }
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
  const urlHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;

  return {
    url: `http://${urlHost}:${addr.port}`,
    requests,
    clearLog() {
      requests.length = 0;
    },
    setFault(f) {
      fault = f;
    },
    close() {
      return new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
    },
  };
}
