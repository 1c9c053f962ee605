// How a rule set is kept in the store for replay, and read back.
import type { RuleSet } from '../policy/index.js';

export function ruleSetToJson(rules: RuleSet): string {
  return JSON.stringify(rules);
}

export function ruleSetFromJson(json: string): RuleSet {
  return JSON.parse(json) as RuleSet;
}
