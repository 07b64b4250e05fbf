/**
 * The small line under every answer that says where it ran (issue 14): "On this device ·
 * WASM · echo-tiny · 24 tok/s", or "Cloud · OpenRouter · gpt-4o-mini · 812 tokens sent,
 * 3 redactions". One wording for chat, summaries and drafts.
 */
import { i18n } from '@/lib/i18n';
import type { AnswerOrigin } from './stream';

const DEVICE_NAMES = { webgpu: 'WebGPU', wasm: 'WASM' } as const;

/** What the user reads about where `origin` ran. */
export function whereItRan(origin: AnswerOrigin): string {
  if (origin.kind === 'device') {
    const speed = Math.round(origin.tokensPerSecond);
    return i18n.t('answer.ranOnDevice', [DEVICE_NAMES[origin.device], origin.modelId, speed.toLocaleString()]);
  }
  if (origin.kind === 'builtin') return i18n.t('answer.ranBuiltIn');
  const tokens = `${origin.tokensEstimated ? '~' : ''}${origin.tokensSent.toLocaleString()}`;
  return i18n.t('answer.ranInCloud', origin.redactions, [origin.provider, origin.model, tokens, origin.redactions]);
}
