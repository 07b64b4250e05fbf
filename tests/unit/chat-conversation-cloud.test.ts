/** Issue 14: a conversation answered by the cloud: consent before anything is saved or sent, failures kept, local retry. */
import { describe, expect, test } from 'vitest';
import { Conversation, type AgreedRequest, type AnswerVia, type AskedEngine, type ConversationDeps } from '@/lib/chat';
import { CloudAnswerError, type AnswerOrigin, type CloudRoute } from '@/lib/answer';
import type { ChatMessage } from '@/lib/engine';
import type { Route } from '@/lib/routing';
import type { ChatThreadRecord } from '@/lib/store';

const CLOUD_ORIGIN: AnswerOrigin = {
  kind: 'cloud',
  provider: 'Test cloud',
  model: 'test-model',
  tokensSent: 40,
  tokensEstimated: false,
  redactions: 1,
};
const DEVICE_ORIGIN: AnswerOrigin = { kind: 'device', modelId: 'm/x', device: 'wasm', tokensPerSecond: 30 };
const ROUTE: CloudRoute = {
  provider: { name: 'Test cloud', baseUrl: 'https://api.example/v1/', model: 'test-model' },
  site: 'example.com',
  redactions: [{ placeholder: '[EMAIL_1]', kind: 'email', value: 'ada@example.org' }],
};

class CloudFakes implements ConversationDeps {
  saved: ChatThreadRecord[] = [];
  asked: AskedEngine[] = [];
  consents: ('ask' | 'rule')[] = [];
  sent: { messages: ChatMessage[]; cloud?: CloudRoute }[] = [];
  route_: (asked: AskedEngine) => Route = (asked) =>
    asked === 'cloud' ? { engine: 'cloud', consent: 'ask' } : { engine: 'device' };
  decision: 'send' | 'cancel' = 'send';
  fail: Error | null = null;
  private ids = 0;

  async save(thread: ChatThreadRecord) {
    this.saved.push(structuredClone(thread));
  }
  async route(asked: AskedEngine) {
    this.asked.push(asked);
    return this.route_(asked);
  }
  async model(engine: 'device' | 'builtin' | 'cloud') {
    return {
      modelId: engine === 'cloud' ? 'test-model' : 'm/x',
      contextWindow: 8192,
      countTokens: async (t: string[]) => t.map((x) => x.length),
    };
  }
  async agree(messages: ChatMessage[], _max: number, consent: 'ask' | 'rule'): Promise<AgreedRequest | null> {
    this.consents.push(consent);
    if (this.decision === 'cancel') return null;
    return {
      messages: messages.map((m) => ({ ...m, content: m.content.replace('ada@example.org', '[EMAIL_1]') })),
      route: ROUTE,
    };
  }
  async readPage() {
    return null;
  }
  async recall() {
    return [];
  }
  async generate(
    messages: ChatMessage[],
    _max: number,
    onText: (piece: string) => void,
    _signal: AbortSignal,
    via: AnswerVia,
  ) {
    const cloud = via.engine === 'cloud' ? via.cloud : undefined;
    this.sent.push({ messages, cloud });
    onText('Partial ');
    if (this.fail) throw this.fail;
    onText('answer.');
    return { text: 'Partial answer.', stopped: false, origin: cloud ? CLOUD_ORIGIN : DEVICE_ORIGIN };
  }
  now = () => 1000 + this.ids;
  newId = () => `id-${++this.ids}`;
}

async function answered() {
  const deps = new CloudFakes();
  const conversation = Conversation.start({ url: 'https://example.com/a', title: 'A' }, deps);
  await conversation.send('Write to ada@example.org');
  return { deps, conversation };
}

describe('Conversation with the cloud', () => {
  test('"Regenerate with <provider>": the agreed (redacted) messages go, and the answer says where it ran', async () => {
    const { deps, conversation } = await answered();
    expect(conversation.snapshot.thread.messages.at(-1)!.origin).toEqual(DEVICE_ORIGIN);
    await conversation.regenerate('cloud');
    expect(deps.consents).toEqual(['ask']);
    const last = deps.sent.at(-1)!;
    expect(last.cloud).toBe(ROUTE);
    expect(JSON.stringify(last.messages)).not.toContain('ada@example.org');
    const answer = conversation.snapshot.thread.messages.at(-1)!;
    expect(answer).toMatchObject({ role: 'assistant', status: 'complete', origin: CLOUD_ORIGIN });
    // A cloud model is not a model id of this device.
    expect(answer.modelId).toBeUndefined();
  });

  test('a cancelled consent sends nothing, saves nothing, and keeps the previous answer', async () => {
    const { deps, conversation } = await answered();
    const before = structuredClone(conversation.snapshot.thread);
    const saves = deps.saved.length;
    deps.decision = 'cancel';
    await conversation.regenerate('cloud');
    expect(deps.sent).toHaveLength(1);
    expect(deps.saved).toHaveLength(saves);
    expect(conversation.snapshot.thread.messages).toEqual(before.messages);
    expect(conversation.snapshot).toMatchObject({ busy: false, pending: null, notice: 'Nothing was sent.' });
  });

  test('asking for the cloud with no provider says so and changes nothing', async () => {
    const { deps, conversation } = await answered();
    deps.route_ = () => ({ engine: 'none', reason: 'noProvider' });
    await conversation.regenerate('cloud');
    expect(conversation.snapshot.notice).toMatch(/No cloud provider is set up/);
    expect(conversation.snapshot.thread.messages).toHaveLength(2);
  });

  test('a rule sends without the sheet (still through agree, which redacts)', async () => {
    const deps = new CloudFakes();
    deps.route_ = () => ({ engine: 'cloud', consent: 'rule' });
    const conversation = Conversation.start({ url: 'https://example.com/a', title: 'A' }, deps);
    await conversation.send('Hello ada@example.org');
    expect(deps.consents).toEqual(['rule']);
    expect(deps.sent[0]!.cloud).toBe(ROUTE);
  });

  test('a cloud failure keeps the partial text with the plain message; "Retry on this device" answers locally', async () => {
    const { deps, conversation } = await answered();
    deps.fail = new CloudAnswerError({ kind: 'cut', status: 200, retryAfterSeconds: null, detail: '' }, 'Test cloud');
    await conversation.regenerate('cloud');
    const failed = conversation.snapshot.thread.messages.at(-1)!;
    expect(failed).toMatchObject({ status: 'error', text: 'Partial ' });
    expect(failed.error).toBe('The connection to Test cloud broke mid-answer. What arrived is kept.');
    expect(deps.saved.at(-1)!.messages.at(-1)).toMatchObject({ status: 'error', text: 'Partial ' });
    deps.fail = null;
    await conversation.regenerate('device');
    expect(deps.asked.at(-1)).toBe('device');
    expect(deps.sent.at(-1)!.cloud).toBeUndefined();
    expect(conversation.snapshot.thread.messages.at(-1)).toMatchObject({ status: 'complete', origin: DEVICE_ORIGIN });
  });

  test('under a rule (no sheet), a failure before sending keeps the question, with the reason on the answer', async () => {
    const deps = new CloudFakes();
    deps.route_ = () => ({ engine: 'cloud', consent: 'rule' });
    deps.model = () => Promise.reject(new Error('Your message is too long for this model.'));
    const conversation = Conversation.start({ url: 'https://example.com/a', title: 'A' }, deps);
    await conversation.send('A very long question');
    const [question, answer] = conversation.snapshot.thread.messages;
    expect(question).toMatchObject({ role: 'user', text: 'A very long question' });
    expect(answer).toMatchObject({ status: 'error', error: 'Your message is too long for this model.' });
    expect(deps.sent).toHaveLength(0);
  });

  test('the notice clears on the next request', async () => {
    const { deps, conversation } = await answered();
    deps.decision = 'cancel';
    await conversation.regenerate('cloud');
    await conversation.send('Another question');
    expect(conversation.snapshot.notice).toBeNull();
  });
});
