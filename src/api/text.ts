// Labels and names that are stored and shown to people later (key labels, case applicants) must not
// carry what hides or reorders text on a screen or in a terminal: control characters (NUL, escape
// sequences), bidirectional overrides and isolates (RLO makes "exe.txt" read "txt.exe"), and lone
// surrogates (not text at all; they break JSON consumers and database drivers).
import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAKS = /[\n\r\t\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Why `s` may not be stored as a label, or undefined when it may. */
export function unsafeTextReason(s: string, opts: { multiline?: boolean } = {}): string | undefined {
  if (LONE_SURROGATE.test(s)) return 'contains a lone surrogate (not valid Unicode text)';
  if (CONTROL.test(s)) return 'contains a control character';
  if (!opts.multiline && LINE_BREAKS.test(s)) return 'contains a line break or tab';
  if (BIDI.test(s)) return 'contains a bidirectional control character (RLO, LRI, …) that reorders text on screen';
  if (/[\uFFFE\uFFFF]/.test(s)) return 'contains a Unicode noncharacter';
  return undefined;
}

/** zod refinement for a one-line label. */
export const safeLabel = (schema: z.ZodString) => schema.superRefine((s, ctx) => {
  const why = unsafeTextReason(s);
  if (why) ctx.addIssue({ code: 'custom', message: why });
});
