/**
 * Form classification measures (issue 13), for `npm run bench` to report: precision, recall
 * and F1 of `classifyFields` over the labelled fixture forms (`autofill_fixture_f1`), and the
 * time to classify a generated 200-field form (`autofill_classify_ms_200`). Runs in Node on
 * happy-dom documents; the unit tests use the same fixture loading.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { classifyFields } from '@/lib/autofill/classify';
import type { FieldSection } from '@/lib/autofill/types';
import { stat } from './stats';

/** The labelled fixture forms. */
export const FORMS_DIR = join(import.meta.dirname, '../fixtures/forms');

/** Every fixture form's file name, sorted. */
export function fixtureFiles(): string[] {
  return readdirSync(FORMS_DIR)
    .filter((name) => name.endsWith('.html'))
    .sort();
}

/** What a fixture says about one field. */
export interface Expectation {
  token: string;
  section: FieldSection;
}

/** A parsed fixture: its document, and its fields' expectations with the attributes removed. */
export interface LoadedPage {
  window: Window;
  document: Document;
  expected: Map<Element, Expectation>;
}

/**
 * A happy-dom window holding `html`, with nothing loaded or run: fixture scripts are for the
 * browser tests, and a frame's page is a fixture of its own.
 */
export function openPage(
  html: string,
  url = 'http://127.0.0.1/forms/page.html',
): { window: Window; document: Document } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  window.document.write(html);
  // happy-dom's Document type is its own; the classifier takes the DOM's.
  return { window, document: window.document as unknown as Document };
}

/**
 * Turns `<template shadowrootmode>` into shadow roots, as a browser's parser does (happy-dom
 * 21 parses declarative shadow DOM as a plain template). Returns how many were attached.
 */
export function attachDeclarativeShadowRoots(root: Document | ShadowRoot): number {
  let attached = 0;
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const host = template.parentElement;
    const mode = template.getAttribute('shadowrootmode');
    if (!host || (mode !== 'open' && mode !== 'closed')) continue;
    const shadow = host.attachShadow({ mode });
    shadow.append(...Array.from(template.content.childNodes));
    template.remove();
    attached += 1 + attachDeclarativeShadowRoots(shadow);
  }
  return attached;
}

/** Every element under `root`, through open shadow roots. */
function allElements(root: Document | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

/** Reads and removes `data-expect` and `data-expect-section`, so the classifier cannot see them. */
export function takeExpectations(doc: Document): Map<Element, Expectation> {
  const expected = new Map<Element, Expectation>();
  for (const el of allElements(doc)) {
    const token = el.getAttribute('data-expect');
    if (token === null) continue;
    const section = el.getAttribute('data-expect-section');
    expected.set(el, { token, section: section === 'billing' || section === 'shipping' ? section : 'other' });
    el.removeAttribute('data-expect');
    el.removeAttribute('data-expect-section');
  }
  return expected;
}

/** Loads a fixture form by file name, shadow roots attached and expectations taken. */
export function loadFixture(file: string): LoadedPage {
  const html = readFileSync(join(FORMS_DIR, file), 'utf8');
  const { window, document } = openPage(html, `http://127.0.0.1/forms/${file}`);
  attachDeclarativeShadowRoots(document);
  return { window, document, expected: takeExpectations(document) };
}

/** The rows of the generated form: label, control markup (with `ID` for the id), repeated in order. */
const LARGE_ROWS: [string, string][] = [
  ['First name', '<input id="ID" name="first_name">'],
  ['Last name', '<input id="ID" name="last_name">'],
  ['Email address', '<input id="ID" type="email" name="email">'],
  ['Phone', '<input id="ID" type="tel" name="phone">'],
  ['Company', '<input id="ID" name="company">'],
  ['Job title', '<input id="ID" name="job_title">'],
  ['Street address', '<input id="ID" name="address1">'],
  ['Apartment, suite, etc.', '<input id="ID" name="address2">'],
  ['City', '<input id="ID" name="city">'],
  [
    'State',
    `<select id="ID" name="state"><option value="">Choose…</option>${['CA', 'NY', 'TX', 'WA', 'IL', 'FL', 'OR', 'MA'].map((c) => `<option>${c}</option>`).join('')}</select>`,
  ],
  ['ZIP code', '<input id="ID" name="zip" inputmode="numeric">'],
  [
    'Country',
    `<select id="ID" name="country"><option value="">Choose…</option>${['United States', 'Canada', 'Mexico', 'Germany', 'France', 'Spain', 'Italy', 'United Kingdom', 'Japan', 'Brazil', 'India', 'Australia'].map((c) => `<option>${c}</option>`).join('')}</select>`,
  ],
  ['Date of birth', '<input id="ID" type="date" name="dob">'],
  ['Website', '<input id="ID" type="url" name="website">'],
  [
    'How did you hear about us?',
    '<select id="ID" name="referral"><option>Search</option><option>A friend</option><option>An event</option></select>',
  ],
  ['Why are you interested in this role?', '<textarea id="ID" name="why" rows="4"></textarea>'],
];

/**
 * The body of a realistic generated form with `fields` controls (ids `f0`…), in fieldsets of
 * sixteen mixed rows: names, contact, address with state and country selects, dates, a
 * referral select and a free-text question.
 */
export function generateLargeForm(fields = 200): string {
  const rows: string[] = [];
  for (let i = 0; i < fields; i++) {
    const [label, control] = LARGE_ROWS[i % LARGE_ROWS.length]!;
    const row = `<div class="row"><label for="f${i}">${label}</label>${control.replace('ID', `f${i}`)}</div>`;
    if (i % LARGE_ROWS.length === 0)
      rows.push(`${i > 0 ? '</fieldset>' : ''}<fieldset><legend>Applicant ${i / LARGE_ROWS.length + 1}</legend>`);
    rows.push(row);
  }
  return `<h1>Group registration</h1><form id="large">${rows.join('\n')}</fieldset><button type="submit">Register</button></form>`;
}

/** Precision, recall and F1 of one token, and how many fields expect it. */
export interface TokenScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

function score(tp: number, fp: number, fn: number): Omit<TokenScore, 'support'> {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Token-level scores of `classifyFields` over every fixture field: a prediction is a true
 * positive when it equals the field's `data-expect`; a wrong token is a false positive for
 * it and a false negative for the expected one; `unknown` expectations are negatives (a token
 * predicted there is a false positive) and `unknown` predictions are never positives.
 */
export function classifyFixturesScore(): { perToken: Record<string, TokenScore>; micro: Omit<TokenScore, 'support'> } {
  const counts = new Map<string, { tp: number; fp: number; fn: number; support: number }>();
  const count = (token: string) => {
    let c = counts.get(token);
    if (!c) counts.set(token, (c = { tp: 0, fp: 0, fn: 0, support: 0 }));
    return c;
  };
  for (const file of fixtureFiles()) {
    const page = loadFixture(file);
    try {
      for (const field of classifyFields(page.document)) {
        const expected = page.expected.get(field.element)?.token ?? 'unknown';
        const predicted = field.token;
        if (expected !== 'unknown') count(expected).support++;
        if (predicted === expected) {
          if (expected !== 'unknown') count(expected).tp++;
          continue;
        }
        if (predicted !== 'unknown') count(predicted).fp++;
        if (expected !== 'unknown') count(expected).fn++;
      }
    } finally {
      void page.window.happyDOM.close();
    }
  }
  const perToken: Record<string, TokenScore> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [token, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    perToken[token] = { ...score(c.tp, c.fp, c.fn), support: c.support };
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return { perToken, micro: score(tp, fp, fn) };
}

/** Median and 95th percentile of classifying the generated 200-field form, in milliseconds (after one warm-up run). */
export function timeClassify200(runs = 30): { medianMs: number; p95Ms: number; fields: number } {
  const { window, document } = openPage(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Group registration</title></head><body>${generateLargeForm(200)}</body></html>`,
  );
  try {
    const fields = classifyFields(document).length;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      classifyFields(document);
      samples.push(performance.now() - start);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
    return { medianMs: stat(samples).median, p95Ms: p95, fields };
  } finally {
    void window.happyDOM.close();
  }
}
