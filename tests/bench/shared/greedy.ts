/**
 * The greedy loop both baselines run: transformers.js in a plain extension page (WASM)
 * and in Node (onnxruntime-node). It times tokens exactly as the engine does
 * (lib/engine/generation.ts): first token from the streamer's token callback, decode
 * speed over the tokens after it, and the same `TextStreamer` pieces.
 */
import { TextStreamer, type PreTrainedModel, type PreTrainedTokenizer, type Tensor } from '@huggingface/transformers';

export interface BenchMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** One timed generation, seen by its caller. */
export interface GenTiming {
  /** Request made → result in hand. */
  totalMs: number;
  /** Request made → first token (the engine's `ttftMs` for the extension path). */
  firstTokenMs: number;
  /** Decode speed after the first token, as the engine computes `tokensPerSecond`. */
  decodeTokS: number;
  completionTokens: number;
  promptTokens: number;
  /** Text pieces streamed to the caller. */
  chunks: number;
}

export async function greedyGenerate(
  model: PreTrainedModel,
  tokenizer: PreTrainedTokenizer,
  messages: BenchMessage[],
  tokens: number,
): Promise<GenTiming> {
  const started = performance.now();
  const inputs = tokenizer.apply_chat_template(messages, { add_generation_prompt: true, return_dict: true }) as {
    input_ids: Tensor;
    attention_mask: Tensor;
  };
  let completionTokens = 0;
  let firstTokenAt = 0;
  let chunks = 0;
  const streamer = new TextStreamer(tokenizer, {
    skip_prompt: true,
    skip_special_tokens: true,
    token_callback_function: () => {
      completionTokens++;
      if (completionTokens === 1) firstTokenAt = performance.now();
    },
    callback_function: (piece: string) => {
      if (piece) chunks++;
    },
  });
  await model.generate({ ...inputs, max_new_tokens: tokens, min_new_tokens: tokens, do_sample: false, streamer });
  const ended = performance.now();
  const decodeMs = ended - firstTokenAt;
  return {
    totalMs: ended - started,
    firstTokenMs: firstTokenAt - started,
    decodeTokS: completionTokens > 1 && decodeMs > 0 ? ((completionTokens - 1) * 1000) / decodeMs : 0,
    completionTokens,
    promptTokens: inputs.input_ids.dims.at(-1) ?? 0,
    chunks,
  };
}
