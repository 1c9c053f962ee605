// Red flags raised from the facts of a transaction, as defined in data/rules/red-flags.json. They
// never change an outcome; a person must resolve each one.
import type { ItemClassification, PartyScreening, RedFlag, Transaction } from '../model/index.js';
import type { RedFlagDef } from './rule-schema.js';
import { fill } from './nexus.js';

export function transactionRedFlags(defs: readonly RedFlagDef[], tx: Transaction, items: ItemClassification[], screening: PartyScreening[]): RedFlag[] {
  const out: RedFlag[] = [];
  for (const d of defs) {
    switch (d.test) {
      case 'screeningHit':
        screening.forEach((s, i) => {
          const best = s.hits[0];
          if (!best) return;
          out.push({
            code: d.code,
            subject: `parties[${i}]`,
            message: fill(d.message, { party: `'${s.name}'`, hitName: `'${best.name}'`, list: best.list, score: best.score.toFixed(2) }),
          });
        });
        break;
      case 'partyCountryDiffers':
        tx.parties.forEach((p, i) => {
          if (d.roles.includes(p.role) && p.country && p.country !== tx.destination) {
            out.push({ code: d.code, subject: `parties[${i}]`, message: fill(d.message, { party: `'${p.name}'`, role: p.role, country: p.country, destination: tx.destination }) });
          }
        });
        break;
      case 'endUse': {
        const hit = tx.endUse.categories.filter((c) => d.categories.includes(c));
        if (hit.length) out.push({ code: d.code, subject: 'endUse.categories', message: fill(d.message, { categories: hit.join(', ') }) });
        break;
      }
      case 'securityForce': {
        const why: string[] = tx.endUse.categories.filter((c) => d.categories.includes(c)).map((c) => `end use ${c}`);
        tx.parties.forEach((p) => {
          if (!d.roles.includes(p.role)) return;
          const kw = d.keywords.find((k) => wordIn(p.name, k));
          if (kw) why.push(`'${p.name}' names '${kw}'`);
        });
        if (why.length) out.push({ code: d.code, subject: 'parties', message: fill(d.message, { why: why.join('; ') }) });
        break;
      }
      case 'vagueEndUse': {
        const why: string[] = [];
        const statement = (tx.endUse.statement ?? '').trim();
        const cats = tx.endUse.categories.filter((c) => d.categories.includes(c));
        if (cats.length) why.push(`category ${cats.join(', ')}`);
        if (statement.length < d.minStatementLength) why.push(statement ? `statement '${statement}' says little` : 'no end-use statement');
        const phrase = d.phrases.find((ph) => wordIn(statement, ph));
        if (phrase) why.push(`statement says '${phrase}'`);
        if (why.length) out.push({ code: d.code, subject: 'endUse', message: fill(d.message, { why: why.join('; ') }) });
        break;
      }
      case 'unclassifiedItem':
        items.forEach((c) => {
          if (!c.classified) out.push({ code: d.code, subject: `items[${c.index}]`, message: fill(d.message, { item: `items[${c.index}]`, description: c.description }) });
        });
        break;
    }
  }
  return out;
}

function wordIn(text: string, phrase: string): boolean {
  const esc = phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${esc}($|[^\\p{L}\\p{N}])`, 'u').test(text.toLowerCase());
}
