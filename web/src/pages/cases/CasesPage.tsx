// PLACEHOLDER — the cases work replaces this file with the licence-case list.
// It is loaded lazily from App.tsx at /cases; keep the default export.
import { Link } from '../../router.tsx';

export default function CasesPage() {
  return (
    <section>
      <h1>Cases</h1>
      <p>Licence applications (submitted, assessed, consulted, decided) will be listed here.</p>
      <p>Until then, assess a transaction on the <Link href="/assess">Assess</Link> page.</p>
    </section>
  );
}
