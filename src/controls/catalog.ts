// The control catalogue: US CCL entries, the EU dual-use list derived from the shared codes,
// chemicals by CAS and pathogens, searchable by code, CAS number or description. Loading reads the
// data files only; the text index is built on the first free-text search, so code and CAS lookups
// (and `vigil classify 1C350`) never pay for it.
import type { ClassificationResult, ClassifyResponse, Item, ItemClassification } from '../model/index.js';
import { VigilInputError } from '../model/errors.js';
import { looksLikeCas, parseCas } from './cas.js';
import { loadEntries, type CatalogEntry } from './ccl.js';
import { ChemicalRegistry } from './chemicals.js';
import { asCodePrefix, looksLikeCode, parseCode, type ParsedCode } from './code.js';
import { EuListScope } from './eu-list.js';
import { EuRegulations, parseAsOf, type EuRegulation } from './eu-regulation.js';

export type { EuRegulation };
export { ControlSources, type ControlDocuments };
import { buildResult } from './results.js';
import { SynonymTable } from './synonyms.js';
import { ControlSources, type ControlDocuments } from './sources.js';
import { checkQuery, MAX_QUERY_CHARS, searchWords } from './text-query.js';
import { TextSearch } from './text-search.js';

export interface ControlCatalog {
  /** For people: the CCL issue date and the first 12 hex digits of `sha256`. */
  readonly version: string;
  /** Over the documents it was built from (`sources.documents`), which the store keeps for replay. */
  readonly sha256: string;
  readonly sources: ControlSources;
  classify(query: string, opts?: { asOf?: string; limit?: number }): ClassifyResponse;
  /** Code or CAS resolve exactly; a description alone gives suggestions and `classified: false`. */
  classifyItem(item: Item, index: number, asOf: string): ItemClassification;
  /** The EU dual-use regulation in force on a date, e.g. 'Regulation (EC) No 1334/2000'. */
  euRegulation(asOf: string): string;
  /** The same with its citation, dates and sources (undefined before 1 July 1995). */
  euRegulationInForce(asOf: string): EuRegulation | undefined;
  /** One entry by its code ('1C350', 'CWC-S1'), or undefined. */
  entry(code: string): CatalogEntry | undefined;
  /** Release resources (the in-memory text index). */
  close(): void;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const SUGGESTIONS = 5;
const PSEUDO_CODE = /^CWC-S[123]$/i;
/** Words people put before a code or CAS number: 'ECCN 1C350', 'CAS No. 111-48-8'. */
const LEAD_WORDS = /^(?:eccn|ccl|cas(?:\s*(?:no\.?|number|rn|#))?|entry|code)\s*[:#]?\s+(?=\d)/i;

/** The catalogue of the shipped data files. */
export async function loadControlCatalog(): Promise<ControlCatalog> {
  return Catalog.build(ControlSources.fromDisk());
}

/** A catalogue from documents already read: a kept copy (replay), or a test's variant of the shipped files. */
export function buildControlCatalog(sources: ControlSources): ControlCatalog {
  return Catalog.build(sources);
}

class Catalog implements ControlCatalog {
  readonly version: string;
  readonly sha256: string;
  private text?: TextSearch;

  private constructor(
    private readonly entries: Map<string, CatalogEntry>,
    private readonly chemicals: ChemicalRegistry,
    private readonly synonyms: SynonymTable,
    private readonly regulations: EuRegulations,
    private readonly listDate: string,
    readonly sources: ControlSources,
  ) {
    // The list date for people, the fingerprint of every data file for replaying a decision.
    this.sha256 = sources.sha256;
    this.version = `controls-${listDate}-${sources.sha256.slice(0, 12)}`;
  }

  static build(src: ControlSources): Catalog {
    const eu = EuListScope.load(src);
    const { entries, cclIssueDate } = loadEntries(eu, src);
    const synonyms = SynonymTable.load(src);
    for (const s of synonyms.records) {
      const entry = entries.get(s.ref.split('.')[0]!);
      if (s.summary && entry && s.ref.includes('.')) entry.summaries.set(s.ref, s.summary);
    }
    const chemicals = ChemicalRegistry.load(src);
    chemicals.noteUnscheduled(entries.get('1C351')?.paragraphText.keys() ?? []);
    const regulations = EuRegulations.load(src);
    return new Catalog(entries, chemicals, synonyms, regulations, cclIssueDate, src);
  }

  entry(code: string): CatalogEntry | undefined {
    return this.entries.get(code.toUpperCase());
  }

  euRegulation(asOf: string): string {
    return this.regulations.label(parseAsOf(asOf));
  }

  euRegulationInForce(asOf: string): EuRegulation | undefined {
    return this.regulations.inForce(parseAsOf(asOf));
  }

  classify(query: string, opts: { asOf?: string; limit?: number } = {}): ClassifyResponse {
    const asked = checkQuery(query);
    const q = asked.replace(LEAD_WORDS, '');
    const asOf = parseAsOf(opts.asOf, 'asOf');
    const limit = checkLimit(opts.limit);
    const notes: string[] = [];
    let results: ClassificationResult[];
    const prefix = asCodePrefix(q);
    if (PSEUDO_CODE.test(q)) {
      results = this.byCode({ code: q.toUpperCase(), path: [] }, notes);
    } else if (looksLikeCas(q)) {
      results = this.byCas(parseCas(q, 'query'), notes);
    } else if (prefix) {
      results = this.byPrefix(prefix, limit);
    } else if (looksLikeCode(q)) {
      results = this.byCode(parseCode(q, 'query'), notes);
    } else {
      if (searchWords(q).length === 0) {
        throw new VigilInputError(
          `the query ${JSON.stringify(q.slice(0, 40))} has no words to search: use letters or digits, a code (6A003.b.4) or a CAS number (111-48-8)`,
          'query',
        );
      }
      results = this.byText(q, limit);
      if (results.length === 0) notes.push('No entry matched these words; this is not a finding that the item is uncontrolled.');
    }
    notes.push(...this.listDateNotes(asOf));
    const response: ClassifyResponse = { query: asked, asOf, euRegulation: this.regulations.label(asOf), results: results.slice(0, limit) };
    if (notes.length) response.notes = notes;
    return response;
  }

  classifyItem(item: Item, index: number, asOf: string): ItemClassification {
    const where = `items[${index}]`;
    const date = parseAsOf(asOf, 'asOf');
    const notes: string[] = [];
    const entries: ClassificationResult[] = [];
    const code = typeof item.code === 'string' ? item.code.trim() : '';
    const cas = typeof item.cas === 'string' ? item.cas.trim() : '';
    const description = typeof item.description === 'string' ? item.description.trim() : '';
    if (code) {
      const parsed = PSEUDO_CODE.test(code) ? { code: code.toUpperCase(), path: [] } : parseCode(code, `${where}.code`);
      entries.push(...this.byCode(parsed, notes));
    }
    if (cas) {
      const fromCas = this.byCas(parseCas(cas, `${where}.cas`), notes);
      if (code && fromCas.length && entries.length && !fromCas.some((r) => entries.some((e) => e.code === r.code))) {
        notes.push(`The code ${code} and the CAS number ${cas} point to different entries; both are kept.`);
      }
      for (const r of fromCas) {
        // The CAS number names the paragraph: it replaces a vaguer answer for the same entry.
        const vaguer = entries.findIndex((e) => e.code === r.code && (!e.paragraph || (r.paragraph ?? '').startsWith(`${e.paragraph}.`)));
        if (vaguer >= 0) entries[vaguer] = r;
        else if (!entries.some((e) => e.code === r.code && e.paragraph === r.paragraph)) entries.push(r);
      }
    }
    const classified = entries.length > 0;
    let suggestions: ClassificationResult[] = [];
    if (!classified) {
      if (description) {
        const text = description.slice(0, MAX_QUERY_CHARS);
        suggestions = this.byText(text, SUGGESTIONS);
        if (description.length > MAX_QUERY_CHARS) notes.push(`Only the first ${MAX_QUERY_CHARS} characters of the description were searched.`);
      }
      notes.push(
        code || cas
          ? 'Not classified: the code or CAS number given is not on the lists carried. Not a finding that the item is uncontrolled.'
          : 'Not classified: a description alone gives suggestions, not a classification. Not a finding that the item is uncontrolled; an officer must confirm the entry.',
      );
    }
    notes.push(...this.listDateNotes(date));
    const out: ItemClassification = {
      index,
      description,
      classified,
      entries,
      suggestions,
      notes,
      euRegulation: this.regulations.label(date),
    };
    const schedule = entries.find((e) => e.cwcSchedule)?.cwcSchedule;
    if (schedule) out.cwcSchedule = schedule;
    return out;
  }

  close(): void {
    this.text?.close();
    this.text = undefined;
  }

  // ---- the three ways in -------------------------------------------------------------------------

  private byCode(parsed: ParsedCode, notes: string[]): ClassificationResult[] {
    const entry = this.entries.get(parsed.code);
    if (!entry) {
      notes.push(`No entry ${parsed.code} on the lists carried (US CCL of ${this.listDate}, EU Annex I multilateral entries).`);
      return [];
    }
    const extra: string[] = [];
    let paragraph = parsed.paragraph;
    let unknownParagraph: string | undefined;
    if (parsed.paragraph && !hasParagraph(entry, parsed.paragraph)) {
      // An invented or mistyped paragraph ('6A003.z.77') is not echoed as real: the entry matched,
      // the answer stands on the deepest paragraph Vigil does know, and the one asked for is named
      // as unknown (with a score below an exact match). Where the list text of the entry is not
      // carried at all, the paragraph cannot be checked, and the answer says that instead.
      unknownParagraph = parsed.paragraph;
      if (entry.paragraphText.size > 0) {
        paragraph = knownAncestor(entry, parsed.paragraph);
        extra.push(`Paragraph ${parsed.paragraph} is unknown: it is not in the list text carried for ${entry.code}; the answer is for ${paragraph ?? `the entry ${entry.code}`} as a whole.`);
        notes.push(`Unknown paragraph ${parsed.paragraph}: matched the entry ${entry.code}${paragraph ? ` (paragraph ${paragraph})` : ''} only.`);
      } else {
        // No paragraph text to check against: the paragraph is kept as given (reasons are narrowed
        // as the country chart names it) but marked unknown, not confirmed.
        extra.push(`Paragraph ${parsed.paragraph} is unknown: Vigil does not carry the paragraph text of ${entry.code}, so it could not be checked; the entry ${entry.code} matched.`);
        notes.push(`Unknown paragraph ${parsed.paragraph}: matched the entry ${entry.code}; the paragraph could not be checked.`);
      }
    }
    const result = buildResult(entry, this.chemicals, {
      matchedOn: 'code',
      score: unknownParagraph ? 0.9 : 1,
      paragraph,
      snippet: paragraph ? undefined : entry.title,
      extraNotes: extra,
    });
    if (unknownParagraph) result.unknownParagraph = unknownParagraph;
    return [result];
  }

  private byPrefix(prefix: string, limit: number): ClassificationResult[] {
    const out: ClassificationResult[] = [];
    for (const e of [...this.entries.values()].filter((x) => x.code.startsWith(prefix)).sort((a, b) => a.code.localeCompare(b.code))) {
      if (out.length >= limit) break;
      out.push(buildResult(e, this.chemicals, { matchedOn: 'code', score: 0.9, snippet: e.title }));
    }
    return out;
  }

  private byCas(cas: string, notes: string[]): ClassificationResult[] {
    const found = this.chemicals.lookup(cas);
    if (!found) {
      notes.push(
        `CAS ${cas} is valid but not named on the lists carried. Chemical families (e.g. CWC Schedule 2.B.4) may still cover it: check the structure.`,
      );
      return [];
    }
    const out: ClassificationResult[] = [];
    for (const listing of found.entries) {
      const entry = this.entries.get(listing.code!);
      if (!entry) continue;
      out.push(buildResult(entry, this.chemicals, { matchedOn: 'cas', score: 1, paragraph: listing.paragraph, chemical: listing, snippet: listing.name }));
    }
    const schedule = found.schedule;
    if (out.length === 0 && schedule?.cwcSchedule) {
      const entry = this.entries.get(`CWC-S${schedule.cwcSchedule}`)!;
      out.push(buildResult(entry, this.chemicals, { matchedOn: 'cas', score: 1, chemical: schedule, snippet: schedule.name }));
    }
    if (schedule?.cwcExempt) notes.push(`CAS ${cas} (${schedule.name}) is named as exempt in ${schedule.cwcItem}.`);
    if (out.length === 0) notes.push(`CAS ${cas} is on no control entry carried.`);
    return out;
  }

  private byText(text: string, limit: number): ClassificationResult[] {
    if (!this.text) this.text = TextSearch.build(this.entries, this.chemicals, this.synonyms);
    const out: ClassificationResult[] = [];
    for (const m of this.text.search(text, limit)) {
      const entry = this.entries.get(m.code);
      if (!entry) continue;
      out.push(buildResult(entry, this.chemicals, { matchedOn: 'text', score: m.score, paragraph: m.paragraph, snippet: m.snippet, chemical: m.chemical }));
    }
    return out;
  }

  private listDateNotes(asOf: string): string[] {
    return asOf < this.listDate
      ? [`The list texts carried are those of ${this.listDate} (US CCL; EU entries derived from the same codes); the lists in force on ${asOf} may differ.`]
      : [];
  }
}

/** The deepest enclosing paragraph of `paragraph` the list text carries ('1C350.b' for '1C350.b.999'). */
function knownAncestor(entry: CatalogEntry, paragraph: string): string | undefined {
  for (let p = paragraph.slice(0, paragraph.lastIndexOf('.')); p.includes('.'); p = p.slice(0, p.lastIndexOf('.'))) {
    if (hasParagraph(entry, p)) return p;
  }
  return undefined;
}

function hasParagraph(entry: CatalogEntry, paragraph: string): boolean {
  for (const ref of entry.paragraphText.keys()) if (ref === paragraph || ref.startsWith(`${paragraph}.`)) return true;
  for (const ref of entry.summaries.keys()) if (ref === paragraph || ref.startsWith(`${paragraph}.`)) return true;
  return false;
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new VigilInputError(`limit must be a whole number from 1 to ${MAX_LIMIT}`, 'limit');
  }
  return limit;
}
