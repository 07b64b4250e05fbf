import { describe, expect, test } from 'vitest';
import type { EngineStatus } from '@/lib/engine';
import { iconPaths } from '@/lib/icons';
import { actionIconFor, iconStateOf, type ActionApi } from '@/lib/panel/action-icon';

const ready: EngineStatus = { state: 'ready', modelId: 'a/b', device: 'wasm', dtype: 'q8' };
const generating: EngineStatus = { state: 'generating', modelId: 'a/b', device: 'wasm', requestId: 'r' };

describe('the toolbar icon', () => {
  test('is "working" while the engine downloads, loads or writes, and idle otherwise', () => {
    expect(iconStateOf(null)).toBe('idle');
    expect(iconStateOf(ready)).toBe('idle');
    expect(iconStateOf(generating)).toBe('working');
  });

  test('is set only when its state changes, with a title to match', () => {
    const calls: unknown[] = [];
    const action: ActionApi = {
      setIcon: (details) => (calls.push(['icon', details]), Promise.resolve()),
      setTitle: (details) => (calls.push(['title', details]), Promise.resolve()),
    };
    const show = actionIconFor(action);
    show(ready);
    show(generating);
    show(generating);
    show(ready);
    expect(calls).toEqual([
      // The first status is always written: another panel may have left the icon "working".
      ['icon', { path: iconPaths('idle') }],
      ['title', { title: 'Edgewise' }],
      ['icon', { path: iconPaths('working') }],
      ['title', { title: 'Edgewise is working…' }],
      ['icon', { path: iconPaths('idle') }],
      ['title', { title: 'Edgewise' }],
    ]);
  });
});
