/**
 * Chrome's built-in AI for the panel (issue 14): whether this browser has it, its first
 * download (only from the user's click, with progress), and the engine chat uses in
 * "Auto". Detection runs where the calls are made: this page.
 */
import type { BuiltInAi, PromptApiAvailability } from '@/lib/builtin';
import { Observable, type Readable } from './observable';

export interface BuiltInState {
  /** Null until first asked. */
  availability: PromptApiAvailability | null;
  /** 0…1 while a download runs. */
  progress: number | null;
  /** Why the last download failed. */
  error: string | null;
}

export class BuiltInService {
  private readonly current = new Observable<BuiltInState>({ availability: null, progress: null, error: null });
  readonly state: Readable<BuiltInState> = this.current;

  constructor(readonly ai: BuiltInAi) {}

  async refresh(): Promise<void> {
    this.update({ availability: await this.ai.availability() });
  }

  /** Whether answers can go to it now (downloaded). */
  get ready(): boolean {
    return this.current.value.availability === 'available';
  }

  /** The download, started by the click that calls this (Chrome needs its user activation). */
  async download(): Promise<void> {
    this.update({ progress: 0, error: null, availability: 'downloading' });
    try {
      await this.ai.download((progress) => this.update({ progress }));
    } catch (error) {
      this.update({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      this.update({ progress: null });
      await this.refresh();
    }
  }

  private update(change: Partial<BuiltInState>): void {
    this.current.set({ ...this.current.value, ...change });
  }
}
