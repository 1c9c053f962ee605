// One write lock per database file per process. SQLite's own lock is per connection and its busy
// handler sleeps synchronously: a second connection in the same process waiting for the lock would
// block the very event loop the holder needs to finish — a deadlock until the busy timeout. So
// connections of one process queue here first; other processes queue in SQLite's busy handler.

export class WriteLock {
  /** Settles when the holder releases; null when free. Wait with `while (l.held) await l.held`. */
  held: Promise<void> | null = null;

  /** Take the lock; call only in the same synchronous step as a check that it is free. */
  take(): () => void {
    if (this.held) throw new Error('write lock taken twice');
    let release!: () => void;
    this.held = new Promise<void>((r) => { release = r; });
    return () => {
      this.held = null;
      release();
    };
  }
}

const locks = new Map<string, WriteLock>();

export function writeLockFor(file: string): WriteLock {
  let lock = locks.get(file);
  if (!lock) {
    lock = new WriteLock();
    locks.set(file, lock);
  }
  return lock;
}
