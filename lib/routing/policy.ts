/**
 * Which engine answers a request (issue 14). On this device, unless the user asked for
 * the cloud on this answer ("Ask <provider>") or set a rule that allows it for this
 * feature (on this site, or everywhere). On the device, "Auto" prefers Chrome's built-in AI
 * when it is downloaded; a prompt too long for it is refused there with a local retry. Never a silent fallback: a cloud request the user
 * has not agreed to waits for the consent sheet, and a failed one is not retried
 * anywhere without a click.
 */
import type { CloudRule, Feature, RouteMode } from '@/lib/settings';

export interface RouteRequest {
  feature: Feature;
  /** The page's site (lib/settings `siteOf`), or null for none (a thread from history whose page is closed). */
  site: string | null;
  /** What the user picked on this answer: "Ask <provider>", "Retry on this device", or nothing. */
  asked: 'cloud' | 'device' | null;
  /** A provider with a base URL and a model is configured. */
  providerReady: boolean;
  rules: readonly CloudRule[];
  /** The feature's setting: this device's model only, or built-in AI first. */
  mode: RouteMode;
  /** Chrome's built-in AI is downloaded and answers (`availability()` is `available`). */
  builtInReady: boolean;
}

export type Route =
  | { engine: 'device' }
  | { engine: 'builtin' }
  /** `ask`: show the consent sheet first; `rule`: a rule the user set already agreed. */
  | { engine: 'cloud'; consent: 'ask' | 'rule' }
  /** The user asked for the cloud but no provider is set up: say so, send nothing. */
  | { engine: 'none'; reason: 'noProvider' };

/** Whether a rule covers this feature on this site. */
export function ruleAllows(rules: readonly CloudRule[], feature: Feature, site: string | null): boolean {
  return rules.some(
    (rule) =>
      rule.feature === feature &&
      (rule.site === null || (site !== null && (site === rule.site || site.endsWith(`.${rule.site}`)))),
  );
}

/** Decides where one request runs. Pure and cheap (the bench's `route_decision_ms`). */
export function decideRoute(request: RouteRequest): Route {
  if (request.asked === 'device') return { engine: 'device' };
  const allowed = ruleAllows(request.rules, request.feature, request.site);
  if (request.asked === 'cloud') {
    if (!request.providerReady) return { engine: 'none', reason: 'noProvider' };
    return { engine: 'cloud', consent: allowed ? 'rule' : 'ask' };
  }
  if (allowed && request.providerReady) return { engine: 'cloud', consent: 'rule' };
  return request.mode === 'auto' && request.builtInReady ? { engine: 'builtin' } : { engine: 'device' };
}
