import { describe, expect, test } from 'vitest';
import { StreamingRestorer, redactMessages, restorePlaceholders } from '@/lib/routing';
import type { ProfileRecord } from '@/lib/store';

const PROFILE: ProfileRecord = {
  id: 'p1',
  name: 'Personal',
  isDefault: true,
  fields: {
    name: ['Ada Lovelace'],
    'given-name': ['Ada'],
    'family-name': ['Lovelace'],
    email: ['ada@example.org', 'ada.work@analytical.co.uk'],
    tel: ['+44 20 7946 0958'],
    'address-line1': ['12 Marylebone Road'],
    'address-level2': ['London'],
    'postal-code': ['NW1 5LR'],
    country: ['GB'],
    organization: ['Analytical Engines Ltd'],
    bday: ['1815-12-10'],
  },
  links: [{ label: 'Site', url: 'https://ada.example.org/' }],
  about: 'Mathematician.',
  createdAt: 0,
  updatedAt: 0,
};

/** The one message's text after redaction, with the profile above (or none). */
function redact(text: string, profiles: ProfileRecord[] = [PROFILE]): string {
  return redactMessages([{ role: 'user', content: text }], profiles).messages[0]!.content;
}

describe('redaction: what is taken out', () => {
  test.each([
    // Profile values
    ['Write to Ada Lovelace today.', 'Write to [NAME_1] today.'],
    ['ada lovelace signed it', '[NAME_1] signed it'],
    ['Ada and Lovelace, apart', '[NAME_1] and [NAME_2], apart'],
    ['Adaptive systems', 'Adaptive systems'],
    ['She works at Analytical Engines Ltd.', 'She works at [ORG_1].'],
    ['Lives in London, NW1 5LR.', 'Lives in [CITY_1], [POSTCODE_1].'],
    ['Born 1815-12-10.', 'Born [DATE_1].'],
    ['See https://ada.example.org/ for more', 'See [URL_1] for more'],
    ['Country: GB', 'Country: GB'],
    ['At 12 Marylebone Road now', 'At [ADDRESS_1] now'],
    // Emails
    ['mail ada@example.org or ADA@EXAMPLE.ORG', 'mail [EMAIL_1] or [EMAIL_1]'],
    ['bob.smith+news@mail.example.com wrote', '[EMAIL_1] wrote'],
    ['j@x.io', '[EMAIL_1]'],
    ['not an @mention or a@b', 'not an @mention or a@b'],
    // Phones
    ['Call +44 20 7946 0958.', 'Call [PHONE_1].'],
    ['Call +442079460958 or +44 (20) 7946-0958', 'Call [PHONE_1] or [PHONE_1]'],
    ['Office: (555) 123-4567', 'Office: [PHONE_1]'],
    ['Tel. 030 1234 5678', 'Tel. [PHONE_1]'],
    ['0049 30 1234567', '[PHONE_1]'],
    ['Released on 2024-01-05 and 05.01.2024', 'Released on 2024-01-05 and 05.01.2024'],
    ['Order 1234567 shipped', 'Order 1234567 shipped'],
    ['Pages 12-34', 'Pages 12-34'],
    // Cards and IBANs
    ['Card 4111 1111 1111 1111 expires', 'Card [CARD_1] expires'],
    ['4111-1111-1111-1111', '[CARD_1]'],
    ['Amex 3782 822463 10005', 'Amex [CARD_1]'],
    ['Not a card: 4111 1111 1111 1112', 'Not a card: 4111 1111 1111 1112'],
    ['IBAN DE89 3704 0044 0532 0130 00 please', 'IBAN [IBAN_1] please'],
    ['GB82WEST12345698765432', '[IBAN_1]'],
    ['GB82WEST12345698765433 fails its check', 'GB82WEST12345698765433 fails its check'],
    // Street addresses
    ['Visit 221B Baker Street soon', 'Visit [ADDRESS_1] soon'],
    ['1600 Pennsylvania Avenue NW', '[ADDRESS_1] NW'],
    ['Wir wohnen in der Hauptstraße 5.', 'Wir wohnen in der [ADDRESS_1].'],
    ['Lindenweg 12a, Berlin', '[ADDRESS_1], Berlin'],
    ['au 12 rue de la Paix', 'au [ADDRESS_1]'],
    ['en la Calle Mayor 5', 'en la [ADDRESS_1]'],
    ['The street is quiet', 'The street is quiet'],
  ])('%s → %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  test('no profile: only the patterns', () => {
    expect(redact('Ada Lovelace, ada@example.org', [])).toBe('Ada Lovelace, [EMAIL_1]');
  });

  test('the same value is the same placeholder across messages; another value gets the next number', () => {
    const result = redactMessages(
      [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'From ada@example.org to bob@example.com' },
        { role: 'assistant', content: 'Noted ada@example.org.' },
      ],
      [],
    );
    expect(result.messages.map((m) => m.content)).toEqual([
      'Be brief.',
      'From [EMAIL_1] to [EMAIL_2]',
      'Noted [EMAIL_1].',
    ]);
    expect(result.redactions).toEqual([
      { placeholder: '[EMAIL_1]', kind: 'email', value: 'ada@example.org' },
      { placeholder: '[EMAIL_2]', kind: 'email', value: 'bob@example.com' },
    ]);
  });

  test('overlapping matches: the longest wins, once', () => {
    // The profile's email contains its name parts; the email is longer and starts first.
    expect(redact('ada.work@analytical.co.uk')).toBe('[EMAIL_1]');
    // A profile phone is also a phone pattern: one placeholder, not two.
    const result = redactMessages([{ role: 'user', content: 'ring +44 20 7946 0958' }], [PROFILE]);
    expect(result.redactions).toHaveLength(1);
  });

  test('marks say where each placeholder sits in the sent text', () => {
    const [message] = redactMessages(
      [{ role: 'user', content: 'a ada@example.org b 4111 1111 1111 1111' }],
      [],
    ).messages;
    expect(message!.marks.map((m) => message!.content.slice(m.start, m.end))).toEqual(['[EMAIL_1]', '[CARD_1]']);
  });

  test('a page that already writes "[EMAIL_1]" keeps its own text: ours get other numbers', () => {
    const result = redactMessages([{ role: 'user', content: 'The page says [EMAIL_1]. Mine is ada@example.org' }], []);
    expect(result.messages[0]!.content).toBe('The page says [EMAIL_1]. Mine is [EMAIL_2]');
    expect(restorePlaceholders('It said [EMAIL_1]; yours is [EMAIL_2]', result.redactions)).toBe(
      'It said [EMAIL_1]; yours is ada@example.org',
    );
  });
});

describe('restore: placeholders back to values, also when the model mangles them', () => {
  const { redactions } = redactMessages(
    [{ role: 'user', content: 'ada@example.org, +44 20 7946 0958, Ada Lovelace' }],
    [PROFILE],
  );
  test.each([
    ['Hi [NAME_1]', 'Hi Ada Lovelace'],
    ['mail [EMAIL_1].', 'mail ada@example.org.'],
    ['[email_1]', 'ada@example.org'],
    ['[EMAIL 1]', 'ada@example.org'],
    ['[EMAIL-1]', 'ada@example.org'],
    ['[ EMAIL_1 ]', 'ada@example.org'],
    ['\\[EMAIL\\_1\\]', 'ada@example.org'],
    ['EMAIL_1 is it', 'ada@example.org is it'],
    ['**[PHONE_1]**', '**+44 20 7946 0958**'],
    ['[EMAIL_9] is unknown', '[EMAIL_9] is unknown'],
    ['EMAIL_12 is another', 'EMAIL_12 is another'],
    ['MYEMAIL_1 is a word', 'MYEMAIL_1 is a word'],
    ['[NAME_1][EMAIL_1]', 'Ada Lovelace' + 'ada@example.org'],
  ])('%s → %s', (reply, expected) => {
    expect(restorePlaceholders(reply, redactions)).toBe(expected);
  });

  test('streamed in pieces split anywhere, the restored text is the same, and no half placeholder is shown', () => {
    const reply = 'Dear [NAME_1], we wrote to \\[EMAIL\\_1\\] and EMAIL_1; call [PHONE_1]. [';
    const whole = restorePlaceholders(reply, redactions);
    for (let size = 1; size <= 7; size++) {
      const restorer = new StreamingRestorer(redactions);
      const shown: string[] = [];
      for (let i = 0; i < reply.length; i += size) shown.push(restorer.push(reply.slice(i, i + size)));
      shown.push(restorer.flush());
      expect(shown.join('')).toBe(whole);
      for (const piece of shown) expect(piece).not.toMatch(/\[(?:NAM|EMA|PHO)[^\]]*$/);
    }
  });

  test('nothing redacted: pieces pass through at once', () => {
    const restorer = new StreamingRestorer([]);
    expect(restorer.push('[EMA')).toBe('[EMA');
  });
});
