import type { Piece } from './highlight.ts';

/** Text with highlighted pieces; `dir="auto"` so Arabic names read right to left. */
export function Marked({ pieces, className }: { pieces: Piece[]; className?: string }) {
  return (
    <span dir="auto" className={className}>
      {pieces.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}
