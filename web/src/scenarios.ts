// The reference scenarios S1–S6 (see scenarios/README.md), bundled with the UI as examples.
import type { Transaction } from './types.ts';

export interface Scenario {
  id: string;
  title: string;
  asOf: string;
  transaction: Transaction;
  expect?: Record<string, string[]>;
}

const modules = import.meta.glob<{ default: Scenario }>('./scenarios/*.json', { eager: true });
export const SCENARIOS: Scenario[] = Object.values(modules).map((m) => m.default).sort((a, b) => a.id.localeCompare(b.id));
