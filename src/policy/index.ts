// The policy engine: rules as data per jurisdiction (data/rules/), effective-dated, evaluated into
// one determination per jurisdiction. See data/rules/PROVENANCE.md for the rule format.
import { readRuleBundle, RuleSet } from './rule-set.js';

export { RuleSet, readRuleBundle, canonicalJson, type RuleBundle } from './rule-set.js';
export { assessTransaction, evaluatePolicy, type AssessContext, type PolicyInput } from './evaluate.js';
export { parseTransaction, TransactionSchema, knownCountryCodes } from './transaction-schema.js';
export { isValidDate } from './dates.js';

/** Load and validate data/rules/** (or the rules under another data directory). */
export async function loadRuleSet(opts: { dataDir?: string } = {}): Promise<RuleSet> {
  return RuleSet.fromBundle(readRuleBundle(opts.dataDir));
}

/** Rebuild a stored rule set (store.getRuleSet) exactly; checks its hash when given. */
export function ruleSetFromJson(json: string, sha256?: string): RuleSet {
  return RuleSet.fromJSON(json, sha256);
}
