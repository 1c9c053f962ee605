// Matching reference data (generic words, name equivalents, script tables), read once from
// data/matching/*.json. Rules live in those files, not in code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../app/paths.js';

interface GenericWordsFile { legalForms: string[]; genericWords: string[]; particles: string[]; titles: string[] }
interface EquivalentsFile { groups: string[][] }
interface ScriptsFile {
  arabic: Record<string, [string, string]>;
  arabicArticles: string[];
  latinArticles: string[];
  greek: Record<string, string>;
  compounds: { prefixes: string[]; prefixesNeedingArticle: string[]; suffixes: string[]; suffixVocalics: string[] };
  arabicParticles: string[];
  patronymicSuffixes: { endings: string[] };
  nasabMarkers: string[];
  nonJoining: string;
  gluedPrefixes: string[];
  armenian: Record<string, string>;
  latinSpellings: [string, string][];
  gluedSuffixes: { vocalics: string[] };
}

export interface MatchingData {
  legalForms: Set<string>;
  genericWords: Set<string>;
  particles: Set<string>;
  titles: Set<string>;
  /** token -> ids of the equivalence groups it belongs to. */
  equivalents: Map<string, number[]>;
  arabic: Map<string, { latin: string; skeleton: string }>;
  arabicArticles: string[];
  latinArticles: Set<string>;
  greek: [string, string][];
  compoundPrefixes: Set<string>;
  compoundSuffixes: Set<string>;
  compoundSuffixVocalics: Set<string>;
  compoundPrefixesNeedingArticle: Set<string>;
  arabicParticles: Set<string>;
  /** Patronymic endings, longest first (Vladimir|ovich, Wladimir|owicz). */
  patronymicEndings: string[];
  /** Words that mark an Arabic-style name chain (bin, ibn, ould, abu): a short form may skip its middle. */
  nasabMarkers: Set<string>;
  /** Arabic-script letters that never join the letter after them: a missing space after one is invisible. */
  nonJoining: Set<string>;
  /** Arabic-script particles often written glued to the next word (بنحسين). */
  gluedPrefixes: string[];
  armenian: [string, string][];
  /** Spellings of one sound in other Latin orthographies, each replaced by the second (ou -> u, w -> v). */
  latinSpellings: [RegExp, string][];
  /** Vocalised skeletons of Persian and Pashto name endings an Arabic-script name writes apart (جان, خيل, زاده): readings.ts. */
  gluedSuffixVocalics: Set<string>;
}

let cached: MatchingData | undefined;

const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(dataDir(), 'matching', name), 'utf8')) as T;

export function matchingData(): MatchingData {
  if (cached) return cached;
  const g = readJson<GenericWordsFile>('generic-words.json');
  const e = readJson<EquivalentsFile>('name-equivalents.json');
  const s = readJson<ScriptsFile>('scripts.json');
  const equivalents = new Map<string, number[]>();
  e.groups.forEach((group, id) => {
    for (const raw of group) {
      const t = raw.replace(/[^a-z0-9]/g, '');
      const ids = equivalents.get(t) ?? [];
      if (!ids.includes(id)) ids.push(id);
      equivalents.set(t, ids);
    }
  });
  cached = {
    legalForms: new Set(g.legalForms),
    genericWords: new Set(g.genericWords),
    particles: new Set(g.particles),
    titles: new Set(g.titles),
    equivalents,
    arabic: new Map(Object.entries(s.arabic).map(([k, [latin, skeleton]]) => [k, { latin, skeleton }])),
    arabicArticles: s.arabicArticles,
    latinArticles: new Set(s.latinArticles),
    // Longest digraphs first so that a longer rule wins.
    greek: Object.entries(s.greek).sort((a, b) => b[0].length - a[0].length),
    compoundPrefixes: new Set(s.compounds.prefixes),
    compoundSuffixes: new Set(s.compounds.suffixes),
    compoundSuffixVocalics: new Set(s.compounds.suffixVocalics),
    compoundPrefixesNeedingArticle: new Set(s.compounds.prefixesNeedingArticle),
    arabicParticles: new Set(s.arabicParticles),
    patronymicEndings: [...s.patronymicSuffixes.endings].sort((a, b) => b.length - a.length),
    nasabMarkers: new Set(s.nasabMarkers),
    nonJoining: new Set(s.nonJoining),
    gluedPrefixes: s.gluedPrefixes,
    armenian: Object.entries(s.armenian),
    latinSpellings: s.latinSpellings.map(([re, to]) => [new RegExp(re, 'g'), to]),
    gluedSuffixVocalics: new Set(s.gluedSuffixes.vocalics),
  };
  return cached;
}
