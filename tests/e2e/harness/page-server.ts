/** Serves the fixture pages (tests/fixtures/pages, and the forms under /forms/) on 127.0.0.1, like any website. */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { FORMS_DIR, PAGES_DIR } from './paths';

export interface PageServer {
  url: string;
  /** Every path requested, in order (hostile pages check that no `/beacon/` was fetched). */
  requests: string[];
  close(): Promise<void>;
}

/** `extra` adds generated pages by path (e.g. a 10 MB page for the benchmark). */
export async function startPageServer(extra: Record<string, string> = {}): Promise<PageServer> {
  // The handler never rejects (a missing file is a 404), so its promise can be left alone.
  const server = createServer((request, response) => void serve(request, response));
  const requests: string[] = [];
  let origin = '';
  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    requests.push(path);
    const generated = extra[path];
    if (generated !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(generated);
      return;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (path.includes('..')) {
      response.writeHead(400).end();
      return;
    }
    try {
      const file = path.startsWith('/forms/')
        ? join(FORMS_DIR, path.slice('/forms/'.length))
        : join(PAGES_DIR, path === '/' ? 'article.html' : path);
      const body = await readFile(file);
      const html = path.endsWith('.html') || path === '/';
      const type = html
        ? 'text/html; charset=utf-8'
        : path.endsWith('.js')
          ? 'text/javascript'
          : 'application/octet-stream';
      response.writeHead(200, { 'content-type': type });
      // Pages may name this server's own address (hostile pages point their beacons here).
      response.end(html ? body.toString('utf8').replaceAll('{{origin}}', origin) : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  }
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    requests,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // Chromium keeps idle keep-alive sockets open for a minute; close waits for them otherwise.
        server.closeAllConnections();
      }),
  };
}
