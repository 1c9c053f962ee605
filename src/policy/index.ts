// STUB — owned by the policy work (src/policy/). Replace with the real implementation.
import type { Assessment, Transaction } from '../model/index.js';
import type { ControlCatalog } from '../controls/catalog.js';
import type { ScreeningIndex } from '../screening/index.js';

export interface RuleSet { version: string; sha256: string }

export async function loadRuleSet(): Promise<RuleSet> {
  throw new Error('loadRuleSet: not implemented yet');
}

export interface AssessContext { asOf: string; index: ScreeningIndex; catalog: ControlCatalog; rules: RuleSet }

export function assessTransaction(_tx: Transaction, _ctx: AssessContext): Assessment {
  throw new Error('assessTransaction: not implemented yet');
}
