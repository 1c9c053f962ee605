// A filter's select whose empty choice means "any": the Screen, Cases and Alerts filters.
type Props = { id: string; value: string; options: readonly string[]; onChange: (value: string) => void };

export function AnySelect({ id, value, options, onChange }: Props) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">any</option>
      {options.map((o) => <option key={o} value={o}>{o}</option>)}
    </select>
  );
}
