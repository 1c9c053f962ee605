// STUB — owned by the controls work (src/controls/). Replace with the real implementation.
import type { ClassifyResponse, Item, ItemClassification } from '../model/index.js';

export interface ControlCatalog {
  readonly version: string;
  classify(query: string, opts?: { asOf?: string; limit?: number }): ClassifyResponse;
  /** Code or CAS resolve exactly; a description alone gives suggestions and `classified: false`. */
  classifyItem(item: Item, index: number, asOf: string): ItemClassification;
}

export async function loadControlCatalog(): Promise<ControlCatalog> {
  throw new Error('loadControlCatalog: not implemented yet');
}
