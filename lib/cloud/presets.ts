/**
 * Starting points for the cloud provider form (issue 14): hosted OpenAI-compatible APIs and
 * servers people run themselves. Each is only a base URL and a model name; the user can
 * change both, and a vLLM cluster is just another base URL.
 */
export interface CloudPreset {
  id: string;
  name: string;
  baseUrl: string;
  /** A model the provider serves; the user picks their own. */
  model: string;
  /** Hosted APIs need a key; a server on this machine usually does not. */
  needsKey: boolean;
}

export const CLOUD_PRESETS: readonly CloudPreset[] = [
  { id: 'openai', name: 'OpenAI', baseUrl: 'https://api.openai.com/v1/', model: 'gpt-4o-mini', needsKey: true },
  {
    id: 'openrouter',
    name: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1/',
    model: 'meta-llama/llama-3.3-70b-instruct',
    needsKey: true,
  },
  {
    id: 'groq',
    name: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1/',
    model: 'llama-3.3-70b-versatile',
    needsKey: true,
  },
  {
    id: 'mistral',
    name: 'Mistral',
    baseUrl: 'https://api.mistral.ai/v1/',
    model: 'mistral-small-latest',
    needsKey: true,
  },
  {
    id: 'together',
    name: 'Together AI',
    baseUrl: 'https://api.together.xyz/v1/',
    model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    needsKey: true,
  },
  { id: 'ollama', name: 'Ollama', baseUrl: 'http://localhost:11434/v1/', model: 'llama3.2', needsKey: false },
  { id: 'lmstudio', name: 'LM Studio', baseUrl: 'http://localhost:1234/v1/', model: 'local-model', needsKey: false },
  {
    id: 'vllm',
    name: 'vLLM',
    baseUrl: 'http://localhost:8000/v1/',
    model: 'Qwen/Qwen2.5-7B-Instruct',
    needsKey: false,
  },
  { id: 'llamacpp', name: 'llama.cpp server', baseUrl: 'http://localhost:8080/v1/', model: 'default', needsKey: false },
];
