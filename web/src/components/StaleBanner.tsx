// Stale lists said where people screen: the `warnings` of a screening answer (code 'stale-list'),
// so that "no hit" on a months-old list is not read as "no hit" on today's.
import { Link } from '../router.tsx';

export interface StaleWarning { code: string; list: string; snapshot: number; listDate: string; activatedAt?: string; ageDays: number; maxAgeDays: number; message: string }

export function StaleBanner({ warnings }: { warnings?: StaleWarning[] }) {
  const stale = (warnings ?? []).filter((w) => w.code === 'stale-list');
  if (stale.length === 0) return null;
  return (
    <div className="banner warn" role="status" data-testid="stale-lists">
      <strong>{stale.length === 1 ? 'A list screened against is stale' : `${stale.length} lists screened against are stale`}</strong>
      {' '}(older than {stale[0]!.maxAgeDays} days): names added since were not checked.
      <ul>
        {stale.map((w) => (
          <li key={w.list} data-list={w.list}>
            <code>{w.list}</code> dated <time dateTime={w.listDate}>{w.listDate}</time>, {w.ageDays} days old{w.activatedAt ? `, in use since ${w.activatedAt.slice(0, 10)}` : ''}
          </li>
        ))}
      </ul>
      Update them on the <Link href="/lists">Lists</Link> page (or <code>vigil lists update</code>).
    </div>
  );
}
