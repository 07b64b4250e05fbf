/**
 * The same model and prompt through transformers.js in Node (onnxruntime-node), as the
 * reference the extension's output must equal.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoModelForCausalLM, AutoTokenizer, env, type Tensor } from '@huggingface/transformers';
import type { ChatMessage } from '@/lib/engine';

export async function nodeGreedyText(
  hubUrl: string,
  modelId: string,
  messages: ChatMessage[],
  maxNewTokens: number,
  minNewTokens?: number,
) {
  env.allowLocalModels = false;
  env.remoteHost = `${hubUrl}/`;
  env.useFSCache = true;
  env.cacheDir = mkdtempSync(join(tmpdir(), 'edgewise-node-ref-'));
  const tokenizer = await AutoTokenizer.from_pretrained(modelId);
  const model = await AutoModelForCausalLM.from_pretrained(modelId, { device: 'cpu' });
  const inputs = tokenizer.apply_chat_template(messages, { add_generation_prompt: true, return_dict: true }) as {
    input_ids: Tensor;
    attention_mask: Tensor;
  };
  const output = (await model.generate({
    ...inputs,
    max_new_tokens: maxNewTokens,
    min_new_tokens: minNewTokens,
    do_sample: false,
  })) as Tensor;
  const promptLength = inputs.input_ids.dims.at(-1)!;
  const generated = (output.tolist() as bigint[][])[0]!.slice(promptLength);
  const text = tokenizer.decode(generated, { skip_special_tokens: true });
  await model.dispose();
  return text;
}
