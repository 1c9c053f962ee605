// SQLite has no LISTEN/NOTIFY: poll the snapshot generation counter (one indexed read) every few
// seconds while anyone listens. The timer is unref()ed so that a CLI process can still exit.
import type { Executor } from '../sql/executor.js';
import { SNAPSHOT_GENERATION_KEY } from '../sql/meta.js';

export class SnapshotPoller {
  private readonly subscribers = new Set<() => void>();
  private timer?: NodeJS.Timeout;
  private seen?: string;
  private checking = false;

  constructor(private readonly ex: Executor, private readonly everyMs: number) {}

  async subscribe(cb: () => void): Promise<() => Promise<void>> {
    if (this.subscribers.size === 0) {
      this.seen = await this.read();
      this.timer = setInterval(() => void this.check(), this.everyMs);
      this.timer.unref();
    }
    this.subscribers.add(cb);
    return async () => {
      this.subscribers.delete(cb);
      if (this.subscribers.size === 0) this.stop();
    };
  }

  /** Look now (after this process activated a snapshot), not at the next tick. */
  poke(): void {
    if (this.subscribers.size > 0) setImmediate(() => void this.check());
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.subscribers.clear();
  }

  private async read(): Promise<string | undefined> {
    const row = await this.ex.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [SNAPSHOT_GENERATION_KEY]);
    return row?.value;
  }

  private async check(): Promise<void> {
    if (this.checking || this.subscribers.size === 0) return;
    this.checking = true;
    try {
      const now = await this.read();
      if (now === this.seen) return;
      this.seen = now;
      for (const cb of [...this.subscribers]) {
        try { cb(); } catch { /* a subscriber's failure is its own */ }
      }
    } catch {
      // Database closed or busy beyond the timeout: try again at the next tick.
    } finally {
      this.checking = false;
    }
  }
}
