/**
 * A heavy, deterministic article page for the page-cost measure (the fixtures hold only
 * a tiny page): ~1.5 MB of HTML, a long article, a large table, inline SVG, a style
 * sheet, a script and a few dozen images, all served from 127.0.0.1 without caching.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const WORDS = (
  'local model private device page text summary answer question browser window cache token engine ' +
  'the of and to in is that for on with as by it at from this be are was or an which have has'
).split(' ');

function rng(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function text(next: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
}

function svg(i: number): string {
  const bars = Array.from(
    { length: 12 },
    (_, j) => `<rect x="${j * 20}" y="${40 - ((i * 7 + j * 13) % 40)}" width="16" height="${(i * 7 + j * 13) % 40}"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="40" viewBox="0 0 240 40">${bars.join('')}</svg>`;
}

export function heavyPage(): Record<string, { type: string; body: string }> {
  const next = rng(42);
  const sections = Array.from({ length: 120 }, (_, i) => {
    const paragraphs = Array.from({ length: 6 }, () => `<p>${text(next, 110)}</p>`).join('\n');
    const figure = i % 3 === 0 ? `<figure>${svg(i)}<figcaption>Figure ${i}</figcaption></figure>` : '';
    const image = i % 3 === 1 ? `<img src="/img/${i}.svg" width="240" height="40" alt="chart ${i}">` : '';
    return `<section id="s${i}"><h2>Section ${i}: ${text(next, 5)}</h2>${paragraphs}${figure}${image}</section>`;
  });
  const rows = Array.from(
    { length: 600 },
    (_, r) =>
      `<tr>${Array.from({ length: 8 }, (_, c) => `<td class="c${c}">${r * 8 + c} ${text(next, 2)}</td>`).join('')}</tr>`,
  );
  const nav = Array.from({ length: 200 }, (_, i) => `<li><a href="#s${i % 120}">${text(next, 2)}</a></li>`).join('');
  const css = Array.from(
    { length: 400 },
    (_, i) =>
      `.c${i % 8} .x${i} { margin: ${i % 7}px; color: #${(i * 4513).toString(16).slice(0, 3).padEnd(3, '0')}; }`,
  );
  const script = `document.addEventListener('DOMContentLoaded', () => {
  let sum = 0;
  for (const td of document.querySelectorAll('td')) sum += td.textContent.length;
  document.body.dataset.cells = String(sum);
});`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Heavy bench article</title>
<link rel="stylesheet" href="/style.css"><script src="/app.js" defer></script></head>
<body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>Heavy bench article</h1>
${sections.join('\n')}<table>${rows.join('\n')}</table></article></main></body></html>`;
  const files: Record<string, { type: string; body: string }> = {
    '/heavy.html': { type: 'text/html; charset=utf-8', body: html },
    '/style.css': { type: 'text/css', body: `body { font: 16px/1.5 sans-serif; }\n${css.join('\n')}` },
    '/app.js': { type: 'text/javascript', body: script },
  };
  for (let i = 0; i < 120; i++) files[`/img/${i}.svg`] = { type: 'image/svg+xml', body: svg(i) };
  return files;
}

export interface HeavyServer {
  url: string;
  bytes: number;
  close(): Promise<void>;
}

export async function startHeavyServer(): Promise<HeavyServer> {
  const files = heavyPage();
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/heavy.html`,
    bytes: Buffer.byteLength(files['/heavy.html']!.body),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
