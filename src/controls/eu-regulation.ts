// The EU dual-use regulation in force on a date, from data/controls/eu/regulations.json.
import { VigilInputError } from '../model/errors.js';
import type { ControlSources } from './sources.js';

export interface EuRegulation {
  id: string;
  label: string;
  title: string;
  citation: string;
  from: string;
  to: string | null;
  sources: string[];
  verify?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validate a YYYY-MM-DD date given by the user. */
export function parseAsOf(text: string | undefined, where = 'asOf'): string {
  if (text === undefined || text === '') return new Date().toISOString().slice(0, 10);
  const d = new Date(`${text}T00:00:00Z`);
  if (!ISO_DATE.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
    throw new VigilInputError(`not a date: ${JSON.stringify(text.slice(0, 40))} (expected YYYY-MM-DD)`, where);
  }
  return text;
}

export class EuRegulations {
  private constructor(readonly all: EuRegulation[]) {}

  static load(src: ControlSources): EuRegulations {
    return new EuRegulations(src.json<{ regulations: EuRegulation[] }>('eu/regulations.json').regulations);
  }

  inForce(asOf: string): EuRegulation | undefined {
    return this.all.find((r) => r.from <= asOf && (r.to === null || asOf <= r.to));
  }

  /** The label recorded on every answer: 'Regulation (EU) 2021/821'. */
  label(asOf: string): string {
    const r = this.inForce(asOf);
    if (!r) return `none (no EU dual-use regulation in force on ${asOf})`;
    return r.label;
  }
}
