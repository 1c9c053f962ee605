import type { EntityType } from './list-entry.js';

export const END_USE_CATEGORIES = [
  'civil', 'border-security', 'police', 'military', 'paramilitary', 'nuclear',
  'chemical-weapons', 'biological-weapons', 'missile', 'unknown',
] as const;
export type EndUseCategory = (typeof END_USE_CATEGORIES)[number];

export const JURISDICTIONS = ['UN', 'EU', 'US', 'IT'] as const;
/** Known jurisdictions assessed only when a transaction names them (data/rules/<J>/jurisdiction.json `onRequest`). */
export const ON_REQUEST_JURISDICTIONS = ['UK'] as const;
export type JurisdictionId = string; // 'UN' | 'EU' | 'US' | EU member state ISO-2

/** What kind of body a party is, where a measure's scope depends on it (government vs. non-governmental forces). */
export const PARTY_SECTORS = ['government', 'military', 'police', 'non-governmental-force', 'private', 'international-organization'] as const;
export type PartySector = (typeof PARTY_SECTORS)[number];

/** What the exporter was told by the authority or is aware of, where a catch-all depends on it. */
export const KNOWLEDGE_TOPICS = ['wmd', 'military', 'embargoed-military', 'military-list-misuse', 'cyber-surveillance'] as const;
export type KnowledgeTopic = (typeof KNOWLEDGE_TOPICS)[number];

/** Item kinds that measures exempt ("except food and medicine"). */
export const ITEM_CATEGORIES = ['food', 'medicine', 'medical-device', 'agricultural', 'humanitarian', 'personal-effects'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

export type PartyRole = 'consignee' | 'end-user' | 'intermediate-consignee' | 'purchaser' | 'agent' | 'bank' | 'freight-forwarder' | 'other';

export interface Party {
  role: PartyRole | string;
  name: string;
  country?: string;
  type?: EntityType;
  birthYear?: number;
  sector?: PartySector;
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
  /** 'food', 'medicine' …: what a measure's exemption keys on. */
  category?: ItemCategory;
}

export interface Transaction {
  date: string; // YYYY-MM-DD
  exporter: { name: string; country: string; usPerson?: boolean };
  destination: string; // ISO-2
  parties: Party[];
  items: Item[];
  endUse: { statement?: string; categories: EndUseCategory[] };
  jurisdictions: JurisdictionId[];
  knowledge?: { informedByAuthority?: KnowledgeTopic[]; awareOf?: KnowledgeTopic[] };
  /** Exemptions of a measure the exporter relies on, by id (e.g. 'UN-SO-arms-exemption-security-sector'). */
  exemptions?: string[];
}
