/**
 * The cloud provider's key and the egress log, for the Settings and Sent views (issue 14).
 * The panel only learns *where* a key is for, never the key; the log is read again
 * whenever the offscreen document writes a row.
 */
import {
  apiKeyStatus,
  clearEgress,
  egressExport,
  forgetApiKey,
  listEgress,
  saveApiKey,
  type ApiKeyStatus,
  type EgressRecord,
} from '@/lib/cloud';
import { loadSettings, saveSettings, watchChanges, type CloudRule } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { Observable, type Readable } from './observable';

export interface CloudState {
  /** Where the saved key is for; null when none is saved. Undefined until read. */
  key: ApiKeyStatus | null | undefined;
  /** Newest first; null until read. */
  log: EgressRecord[] | null;
}

export class CloudAccess {
  private readonly current = new Observable<CloudState>({ key: undefined, log: null });
  readonly state: Readable<CloudState> = this.current;
  private unwatch = (): void => undefined;

  constructor(private readonly db: EdgewiseDatabase) {}

  start(): void {
    this.unwatch = watchChanges('egress', () => void this.refresh());
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const [key, log] = await Promise.all([apiKeyStatus(this.db), listEgress(this.db)]);
    this.current.set({ key, log });
  }

  /** Saves the key for the provider at `baseUrl` (the saved base URL, so it cannot go elsewhere). */
  async saveKey(key: string): Promise<void> {
    const { cloudBaseUrl } = await loadSettings(this.db);
    await saveApiKey(this.db, cloudBaseUrl, key);
    await this.refresh();
  }

  async forgetKey(): Promise<void> {
    await forgetApiKey(this.db);
    await this.refresh();
  }

  /** Takes back an "Always for this feature (on this site)". */
  async removeRule(rule: CloudRule): Promise<void> {
    const { cloudRules } = await loadSettings(this.db);
    await saveSettings(this.db, {
      cloudRules: cloudRules.filter((r) => r.feature !== rule.feature || r.site !== rule.site),
    });
  }

  async clearLog(): Promise<void> {
    await clearEgress(this.db);
    await this.refresh();
  }

  /** The log as a file's text ("Export"). */
  exportLog(): string {
    return egressExport(this.current.value.log ?? []);
  }

  close(): void {
    this.unwatch();
  }
}
