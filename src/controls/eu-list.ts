// Which entries the EU dual-use list (Annex I) carries and under which regime, derived from the
// shared codes by the rules in data/controls/eu/list-scope.json (third character → regime,
// Category 0 → NSG, US-only numbering excluded).
import type { Regime } from '../model/controls.js';
import type { ControlSources } from './sources.js';

interface ListScopeFile {
  regimeByThirdCharacter: Record<string, Regime>;
  categoryOverrides: Record<string, Regime>;
  usOnlyThirdCharacters: string[];
  usOnlyCodes: { codes: string[]; why: string; euCounterpart?: string; verify?: boolean }[];
  usOnlyParagraphPrefix: string[];
  usOnlyParagraphWhy: string;
}

export interface EuStatus {
  onEuList: boolean;
  /** Regime that the code's numbering names (also for US-only codes of the 0xx–4xx ranges). */
  regime?: Regime;
  /** Why the EU list does not carry it. */
  why?: string;
  euCounterpart?: string;
}

export class EuListScope {
  private readonly usOnly = new Map<string, { why: string; euCounterpart?: string }>();

  private constructor(private readonly scope: ListScopeFile) {
    for (const group of scope.usOnlyCodes) {
      for (const code of group.codes) this.usOnly.set(code, { why: group.why, euCounterpart: group.euCounterpart });
    }
  }

  static load(src: ControlSources): EuListScope {
    return new EuListScope(src.json<ListScopeFile>('eu/list-scope.json'));
  }

  /** The regime the numbering names: '3A225' → NSG, '0A001' → NSG, '1C350' → AG, '6A993' → none. */
  regimeOf(code: string): Regime | undefined {
    if (this.scope.usOnlyThirdCharacters.includes(code[2]!)) return undefined;
    return this.scope.categoryOverrides[code[0]!] ?? this.scope.regimeByThirdCharacter[code[2]!];
  }

  status(code: string, paragraph?: string): EuStatus {
    const regime = this.regimeOf(code);
    if (!regime) return { onEuList: false, why: `${code[2]}xx numbering is US-only (x5xx, x6xx, x9xx have no EU counterpart)` };
    const us = this.usOnly.get(code);
    if (us) return { onEuList: false, regime, why: us.why, euCounterpart: us.euCounterpart };
    const sub = paragraph?.slice(code.length) ?? '';
    if (this.scope.usOnlyParagraphPrefix.some((p) => sub === p || sub.startsWith(`${p}.`))) {
      return { onEuList: false, regime, why: this.scope.usOnlyParagraphWhy };
    }
    return { onEuList: true, regime };
  }
}
