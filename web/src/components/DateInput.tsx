// A day as YYYY-MM-DD, the way the law, the API and the memo write it. A native date input shows
// the browser's locale format (14/10/2003 or 10/14/2003), which officers then misread or retype;
// this one shows and accepts the ISO form only, and flags a day that does not exist.
import type { InputHTMLAttributes } from 'react';

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD (2003-02-29 is not one). */
export function isIsoDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & { value: string; onChange: (value: string) => void };

export function DateInput({ value, onChange, ...rest }: Props) {
  const bad = value !== '' && !isIsoDay(value);
  return (
    <input
      type="text" inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={10} size={11}
      pattern="\d{4}-\d{2}-\d{2}" placeholder="YYYY-MM-DD" title="A day as YYYY-MM-DD, e.g. 2003-10-14"
      aria-invalid={bad || undefined}
      value={value}
      onChange={(e) => {
        e.target.setCustomValidity(e.target.value === '' || isIsoDay(e.target.value) ? '' : 'Write the day as YYYY-MM-DD (a real date), e.g. 2003-10-14');
        onChange(e.target.value);
      }}
      {...rest}
    />
  );
}
