import { describe, expect, test } from 'vitest';
import { decideRoute, ruleAllows, type Route, type RouteRequest } from '@/lib/routing';
import type { CloudRule } from '@/lib/settings';

const chatEverywhere: CloudRule = { feature: 'chat', site: null };
const chatOnExample: CloudRule = { feature: 'chat', site: 'example.com' };
const summaryOnNews: CloudRule = { feature: 'summary', site: 'news.example.com' };

const DEVICE: Route = { engine: 'device' };
const ASK: Route = { engine: 'cloud', consent: 'ask' };
const RULE: Route = { engine: 'cloud', consent: 'rule' };
const NO_PROVIDER: Route = { engine: 'none', reason: 'noProvider' };

type Case = [string, Partial<RouteRequest>, Route];

const base: RouteRequest = {
  feature: 'chat',
  site: 'example.com',
  asked: null,
  providerReady: true,
  rules: [],
  mode: 'device',
  builtInReady: true,
};
const BUILTIN: Route = { engine: 'builtin' };

const CASES: Case[] = [
  // The default: this device, whatever is configured.
  ['nothing asked, no rules', {}, DEVICE],
  ['nothing asked, no provider', { providerReady: false }, DEVICE],
  ['summary, no rules', { feature: 'summary' }, DEVICE],
  ['draft, no rules', { feature: 'draft' }, DEVICE],
  ['no site, no rules', { site: null }, DEVICE],
  // Asked on an answer.
  ['asked for the cloud, no rule: consent sheet', { asked: 'cloud' }, ASK],
  ['asked for the cloud, no provider', { asked: 'cloud', providerReady: false }, NO_PROVIDER],
  ['asked for the cloud, with a rule: no sheet', { asked: 'cloud', rules: [chatOnExample] }, RULE],
  ['asked for the cloud, a rule for another feature', { asked: 'cloud', rules: [summaryOnNews] }, ASK],
  ['asked for the cloud on a summary', { asked: 'cloud', feature: 'summary' }, ASK],
  ['asked for the cloud with no site', { asked: 'cloud', site: null }, ASK],
  ['asked for the device, even with a rule', { asked: 'device', rules: [chatEverywhere] }, DEVICE],
  ['asked for the device, no provider', { asked: 'device', providerReady: false }, DEVICE],
  // Rules.
  ['a rule for this feature everywhere', { rules: [chatEverywhere] }, RULE],
  ['a rule for this feature on this site', { rules: [chatOnExample] }, RULE],
  ['a rule on this site covers a subdomain', { site: 'news.example.com', rules: [chatOnExample] }, RULE],
  ['a rule on this site does not cover a lookalike', { site: 'badexample.com', rules: [chatOnExample] }, DEVICE],
  [
    'a rule on this site does not cover the parent',
    { site: 'example.com', feature: 'summary', rules: [summaryOnNews] },
    DEVICE,
  ],
  ['a rule on another site', { site: 'other.org', rules: [chatOnExample] }, DEVICE],
  ['a site rule with no site', { site: null, rules: [chatOnExample] }, DEVICE],
  ['an everywhere rule with no site', { site: null, rules: [chatEverywhere] }, RULE],
  ['a rule for another feature', { feature: 'draft', rules: [chatEverywhere] }, DEVICE],
  ['a rule, but the provider is gone', { rules: [chatEverywhere], providerReady: false }, DEVICE],
  ['a summary rule on its site', { feature: 'summary', site: 'news.example.com', rules: [summaryOnNews] }, RULE],
  [
    'a summary rule, a deeper subdomain',
    { feature: 'summary', site: 'a.news.example.com', rules: [summaryOnNews] },
    RULE,
  ],
  ['several rules, one matches', { rules: [summaryOnNews, chatOnExample] }, RULE],
  ['several rules, none matches', { site: 'other.org', rules: [summaryOnNews, chatOnExample] }, DEVICE],
  [
    'a draft rule',
    { feature: 'draft', rules: [{ feature: 'draft', site: 'forms.example.com' }], site: 'forms.example.com' },
    RULE,
  ],
  ['a draft rule elsewhere', { feature: 'draft', rules: [{ feature: 'draft', site: 'forms.example.com' }] }, DEVICE],
  [
    'asked for the cloud, an everywhere rule of another feature',
    { asked: 'cloud', rules: [{ feature: 'draft', site: null }] },
    ASK,
  ],
  [
    'asked for the device on a summary with a rule',
    { asked: 'device', feature: 'summary', site: 'news.example.com', rules: [summaryOnNews] },
    DEVICE,
  ],
  [
    'asked for the cloud, no provider, a rule',
    { asked: 'cloud', providerReady: false, rules: [chatEverywhere] },
    NO_PROVIDER,
  ],
  // Built-in AI: only in Auto, only when downloaded, never over an explicit choice.
  ['device mode, built-in ready: this device', { mode: 'device' }, DEVICE],
  ['auto, built-in ready', { mode: 'auto' }, BUILTIN],
  ['auto, built-in not downloaded', { mode: 'auto', builtInReady: false }, DEVICE],
  ['auto, asked for the device', { mode: 'auto', asked: 'device' }, DEVICE],
  ['auto, asked for the cloud', { mode: 'auto', asked: 'cloud' }, ASK],
  ['auto, a cloud rule wins (the user set it)', { mode: 'auto', rules: [chatEverywhere] }, RULE],
  ['auto, a rule but no provider: built-in', { mode: 'auto', rules: [chatEverywhere], providerReady: false }, BUILTIN],
];

describe('decideRoute', () => {
  test('the table has at least 30 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(30));
  test.each(CASES)('%s', (_name, change, expected) => {
    expect(decideRoute({ ...base, ...change })).toEqual(expected);
  });
});

describe('ruleAllows', () => {
  test('an empty list allows nothing', () => expect(ruleAllows([], 'chat', 'example.com')).toBe(false));
});
