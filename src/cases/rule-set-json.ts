// How a rule set is kept in the store for replay, and read back (the policy work owns the format;
// reading back checks the content still hashes to the sha256 the case recorded).
import { ruleSetFromJson as fromPolicyJson, type RuleSet } from '../policy/index.js';

export function ruleSetToJson(rules: RuleSet): string {
  return rules.serialize();
}

export function ruleSetFromJson(json: string, sha256?: string): RuleSet {
  return fromPolicyJson(json, sha256);
}
