import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { welcomeOnInstall } from '@/lib/background';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('welcomeOnInstall', () => {
  test('a first install opens the welcome page', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await welcomeOnInstall(fakeBrowser, { reason: 'install' });
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/welcome\.html$/) });
  });

  test('an "install" seen again (an unpacked extension loaded at every start) opens nothing more', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await welcomeOnInstall(fakeBrowser, { reason: 'install' });
    await welcomeOnInstall(fakeBrowser, { reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
  });

  test.each(['update', 'chrome_update', 'shared_module_update'] as const)('a %s opens nothing', async (reason) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await welcomeOnInstall(fakeBrowser, { reason });
    expect(create).not.toHaveBeenCalled();
  });
});
