// STUB — owned by the list-sources work (src/lists/). Replace with the real implementation.
import type { Store } from '../store/store.js';
/** Import the snapshots shipped under data/lists/ when the store has no active snapshot for them. */
export async function ensureBundledLists(_store: Store, _o: { progress?: boolean } = {}): Promise<void> {}
