import type { EntityType } from './list-entry.js';

export const END_USE_CATEGORIES = [
  'civil', 'border-security', 'police', 'military', 'paramilitary', 'nuclear',
  'chemical-weapons', 'biological-weapons', 'missile', 'unknown',
] as const;
export type EndUseCategory = (typeof END_USE_CATEGORIES)[number];

export const JURISDICTIONS = ['UN', 'EU', 'US', 'IT'] as const;
export type JurisdictionId = string; // 'UN' | 'EU' | 'US' | EU member state ISO-2

export type PartyRole = 'consignee' | 'end-user' | 'intermediate-consignee' | 'purchaser' | 'agent' | 'bank' | 'freight-forwarder' | 'other';

export interface Party {
  role: PartyRole | string;
  name: string;
  country?: string;
  type?: EntityType;
  birthYear?: number;
}

export interface Item {
  description: string;
  code?: string;
  cas?: string;
  quantity?: number;
  unit?: string;
  value?: number;
  currency?: string;
  usOrigin?: boolean;
  /** Share of US-controlled content, 0..1, for de minimis. */
  usContent?: number;
}

export interface Transaction {
  date: string; // YYYY-MM-DD
  exporter: { name: string; country: string; usPerson?: boolean };
  destination: string; // ISO-2
  parties: Party[];
  items: Item[];
  endUse: { statement?: string; categories: EndUseCategory[] };
  jurisdictions: JurisdictionId[];
}
