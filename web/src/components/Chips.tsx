export function Chips({ items, label, className = '' }: { items: string[] | undefined; label: string; className?: string }) {
  if (!items || items.length === 0) return null;
  return (
    <ul className={`chips ${className}`} aria-label={label}>
      {items.map((x) => <li key={x} className="chip">{x}</li>)}
    </ul>
  );
}
