// LISTEN on a dedicated connection (a pooled one would be handed to other queries). If the
// connection drops, reconnect with back-off and tell subscribers once, since notifications sent
// meanwhile were lost.
import pg from 'pg';

export const SNAPSHOT_CHANNEL = 'vigil_snapshots';

export class SnapshotListener {
  private readonly subscribers = new Set<() => void>();
  private client?: pg.Client;
  private connecting?: Promise<void>;
  private retry?: NodeJS.Timeout;
  private retryMs = 500;

  constructor(private readonly url: string, private readonly types: pg.CustomTypesConfig) {}

  async subscribe(cb: () => void): Promise<() => Promise<void>> {
    this.subscribers.add(cb);
    try {
      await this.ensureConnected();
    } catch (err) {
      this.subscribers.delete(cb);
      throw err;
    }
    return async () => {
      this.subscribers.delete(cb);
      if (this.subscribers.size === 0) await this.stop();
    };
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    if (!this.connecting) {
      this.connecting = this.connect().finally(() => { this.connecting = undefined; });
    }
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, types: this.types });
    client.on('notification', (m) => { if (m.channel === SNAPSHOT_CHANNEL) this.fire(); });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${SNAPSHOT_CHANNEL}`);
    this.client = client;
    this.retryMs = 500;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.subscribers.size === 0 || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.ensureConnected().then(
        () => this.fire(),
        () => { this.retryMs = Math.min(this.retryMs * 2, 30_000); this.scheduleReconnect(); },
      );
    }, this.retryMs);
    this.retry.unref();
  }

  private fire(): void {
    for (const cb of [...this.subscribers]) {
      try { cb(); } catch { /* a subscriber's failure is its own */ }
    }
  }

  async stop(): Promise<void> {
    this.subscribers.clear();
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    await this.connecting?.catch(() => {});
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => {});
  }
}
