/** A score in [0,1] as a bar and a number; screen readers get the value. */
export function ScoreBar({ score, label }: { score: number; label?: string }) {
  const pct = Math.max(0, Math.min(1, score)) * 100;
  const level = score >= 0.95 ? 'high' : score >= 0.85 ? 'mid' : 'low';
  return (
    <span className="scorebar" role="meter" aria-valuemin={0} aria-valuemax={1} aria-valuenow={Number(score.toFixed(3))} aria-label={label ?? 'match score'}>
      <span className="scorebar-track"><span className={`scorebar-fill ${level}`} style={{ width: `${pct}%` }} /></span>
      <span className="scorebar-value">{score.toFixed(2)}</span>
    </span>
  );
}
