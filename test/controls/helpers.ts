// One catalogue shared by the tests of a file (loading is the slow part).
import { loadControlCatalog, type ControlCatalog } from '../../src/controls/catalog.js';

let shared: Promise<ControlCatalog> | undefined;
export function catalog(): Promise<ControlCatalog> {
  shared ??= loadControlCatalog();
  return shared;
}
