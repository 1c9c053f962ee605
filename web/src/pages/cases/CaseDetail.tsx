// PLACEHOLDER — the cases work replaces this file with one case's timeline and decisions.
// It is loaded lazily from App.tsx at /cases/:id; keep the default export and the `id` prop.
import { Link } from '../../router.tsx';

export default function CaseDetail({ id }: { id: string }) {
  return (
    <section>
      <h1>Case {id}</h1>
      <p>Case details are not available yet. <Link href="/cases">Back to cases</Link>.</p>
    </section>
  );
}
