// STUB — owned by the store work (src/store/). Replace with the real implementation.
import type { Store } from './store.js';
export interface OpenStoreOptions { db?: string; databaseUrl?: string }
export async function openStore(_o: OpenStoreOptions): Promise<Store> {
  throw new Error('openStore: not implemented yet');
}
