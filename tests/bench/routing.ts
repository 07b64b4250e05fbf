/**
 * Routing measures (issue 14): how long deciding where a request runs takes
 * (`route_decision_ms`, Node), and what the extension adds to a cloud request
 * (`cloud_overhead_ms`): an agreed request through Comlink, the offscreen document, the
 * egress log and the SSE reader, against a plain `fetch` of the same stream from an
 * extension page, both from the local OpenAI-compatible test server.
 */
import { completionBody, completionsUrl } from '@/lib/cloud';
import { decideRoute, type RouteRequest } from '@/lib/routing';
import { startCloud } from '../cloud/server.mjs';
import type { BenchSession } from './session';
import { Samples, stat, type Stat } from './stats';

/** Median milliseconds per decision over `rounds` rounds of a varied set of requests. */
export function timeRouteDecision(rounds = 30): { medianMs: number; decisions: number } {
  const rules = [
    { feature: 'chat' as const, site: 'example.com' },
    { feature: 'summary' as const, site: null },
    ...Array.from({ length: 20 }, (_, i) => ({ feature: 'draft' as const, site: `site${i}.example` })),
  ];
  const requests: RouteRequest[] = Array.from({ length: 1000 }, (_, i) => ({
    feature: (['chat', 'summary', 'draft'] as const)[i % 3]!,
    site: i % 7 ? `news${i % 13}.example.com` : null,
    asked: ([null, 'cloud', 'device'] as const)[i % 3]!,
    providerReady: i % 5 !== 0,
    rules,
    mode: i % 2 ? 'auto' : 'device',
    builtInReady: i % 4 === 0,
  }));
  const perDecision: number[] = [];
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const request of requests) sink += decideRoute(request).engine.length;
    perDecision.push((performance.now() - started) / requests.length);
  }
  if (sink < 0) throw new Error('unreachable');
  return { medianMs: stat(perDecision).median, decisions: requests.length * rounds };
}

export interface CloudOverheadResult {
  runs: number;
  measures: Record<string, Stat>;
  /** Median extension time minus median plain-fetch time. */
  overheadMs: number;
}

export async function benchCloudOverhead(session: BenchSession, runs: number): Promise<CloudOverheadResult> {
  const cloud = await startCloud({ chunkChars: 8, answerChars: 1200 });
  try {
    const provider = { name: 'Bench cloud', baseUrl: `${cloud.url}/v1/`, model: 'bench-model' };
    await session.ext.call('configureCloud', provider);
    const messages = [
      { role: 'system' as const, content: 'Answer briefly.' },
      { role: 'user' as const, content: 'The tide tables for the week. '.repeat(60) },
    ];
    const body = completionBody(provider.model, messages, 256);
    const samples = new Samples();
    // One of each first, unmeasured: connection set-up and the first log write.
    await session.ext.call('askCloud', provider, messages);
    await session.ext.call('plainFetch', completionsUrl(provider.baseUrl), body);
    for (let i = 0; i < runs; i++) {
      const ext = await session.ext.call('askCloud', provider, messages);
      if (ext.error) throw new Error(`bench cloud request failed: ${ext.error}`);
      samples.add('cloud.extension_ms', ext.totalMs);
      samples.add(
        'cloud.plain_fetch_ms',
        (await session.ext.call('plainFetch', completionsUrl(provider.baseUrl), body)).totalMs,
      );
    }
    const measures = samples.all();
    const overheadMs = measures['cloud.extension_ms']!.median - measures['cloud.plain_fetch_ms']!.median;
    return { runs, measures, overheadMs };
  } finally {
    await cloud.close();
  }
}
