/** Issue 13: the autofill settings: a global switch, sites where suggestions are off, and the save offer. */
import { describe, expect, test } from 'vitest';
import { freshDatabase } from './helpers/database';
import {
  DEFAULT_AUTOFILL_SETTINGS,
  DEFAULT_SETTINGS,
  SettingsError,
  loadSettings,
  saveSettings,
  validateSettings,
} from '@/lib/settings';

const FLAG_ERROR = 'A yes-or-no setting got something else.';
const LIST_ERROR = 'The site list must be a list of sites.';

describe('defaults', () => {
  test('suggestions and the save offer are on, and no site is off', () => {
    expect(DEFAULT_SETTINGS.autofillEnabled).toBe(true);
    expect(DEFAULT_SETTINGS.autofillSaveOffer).toBe(true);
    expect(DEFAULT_SETTINGS.autofillOffSites).toEqual([]);
    expect(DEFAULT_AUTOFILL_SETTINGS).toEqual({ autofillEnabled: true, autofillOffSites: [], autofillSaveOffer: true });
  });

  test('a database that never saved settings loads them', async () => {
    expect(await loadSettings(freshDatabase())).toMatchObject(DEFAULT_AUTOFILL_SETTINGS);
  });
});

describe('validateSettings', () => {
  test('accepts booleans as they are', () => {
    expect(validateSettings({ autofillEnabled: false, autofillSaveOffer: false })).toEqual({
      autofillEnabled: false,
      autofillSaveOffer: false,
    });
    expect(validateSettings({ autofillEnabled: true })).toEqual({ autofillEnabled: true });
  });

  test('site lists become hostnames, www. dropped, duplicates dropped, order kept', () => {
    const autofillOffSites = [
      'https://www.Shop.Example/checkout?x=1',
      'news.example.com:8080',
      'shop.example',
      '  Other.Example  ',
      'http://news.example.com/',
    ];
    expect(validateSettings({ autofillOffSites })).toEqual({
      autofillOffSites: ['shop.example', 'news.example.com', 'other.example'],
    });
    expect(validateSettings({ autofillOffSites: [] })).toEqual({ autofillOffSites: [] });
  });

  test('null puts a setting back to its default', () => {
    expect(validateSettings({ autofillEnabled: null, autofillOffSites: null, autofillSaveOffer: null })).toEqual(
      DEFAULT_AUTOFILL_SETTINGS,
    );
  });

  test('refuses a switch that is not a boolean', () => {
    // @ts-expect-error a string for a switch
    expect(() => validateSettings({ autofillEnabled: 'yes' })).toThrow(new SettingsError(FLAG_ERROR));
    // @ts-expect-error a number for a switch
    expect(() => validateSettings({ autofillSaveOffer: 1 })).toThrow(new SettingsError(FLAG_ERROR));
    // @ts-expect-error a string that reads as true
    expect(() => validateSettings({ autofillEnabled: 'true' })).toThrow(SettingsError);
  });

  test('refuses a site list that is not a list', () => {
    // @ts-expect-error one site, not a list
    expect(() => validateSettings({ autofillOffSites: 'shop.example' })).toThrow(new SettingsError(LIST_ERROR));
    // @ts-expect-error an object that looks like a list
    expect(() => validateSettings({ autofillOffSites: { 0: 'shop.example', length: 1 } })).toThrow(
      new SettingsError(LIST_ERROR),
    );
  });

  test('refuses a list with something that is not a site, naming it', () => {
    expect(() => validateSettings({ autofillOffSites: ['shop.example', 'not a site!'] })).toThrow(
      new SettingsError('"not a site!" is not a site. Write its address, such as example.com.'),
    );
  });
});

describe('saveSettings and loadSettings', () => {
  test('the autofill settings round trip, cleaned', async () => {
    const db = freshDatabase();
    const saved = await saveSettings(db, {
      autofillEnabled: false,
      autofillSaveOffer: false,
      autofillOffSites: ['https://www.shop.example/', 'shop.example', 'bank.example'],
    });
    expect(saved).toMatchObject({
      autofillEnabled: false,
      autofillSaveOffer: false,
      autofillOffSites: ['shop.example', 'bank.example'],
    });
    expect(await loadSettings(db)).toEqual(saved);
    expect(await loadSettings(db)).toEqual({
      ...DEFAULT_SETTINGS,
      autofillEnabled: false,
      autofillSaveOffer: false,
      autofillOffSites: ['shop.example', 'bank.example'],
    });
  });

  test('saving one autofill setting keeps the others', async () => {
    const db = freshDatabase();
    await saveSettings(db, { autofillOffSites: ['shop.example'] });
    await saveSettings(db, { autofillEnabled: false });
    expect(await loadSettings(db)).toMatchObject({
      autofillEnabled: false,
      autofillOffSites: ['shop.example'],
      autofillSaveOffer: true,
    });
  });

  test('a refused change saves nothing, not even its valid parts', async () => {
    const db = freshDatabase();
    await saveSettings(db, { autofillOffSites: ['shop.example'] });
    await expect(saveSettings(db, { autofillEnabled: false, autofillOffSites: ['bad site'] })).rejects.toThrow(
      SettingsError,
    );
    expect(await loadSettings(db)).toMatchObject({ autofillEnabled: true, autofillOffSites: ['shop.example'] });
  });
});
