// The transaction as a form: exporter, destination, parties, items, end use, jurisdictions.
import type { EndUseCategory, Item, Party, Transaction } from '../types.ts';
import { END_USE_CATEGORIES, ENTITY_TYPES, JURISDICTIONS, PARTY_ROLES } from '../constants.ts';
import { DateInput } from '../components/DateInput.tsx';

interface Props { tx: Transaction; onChange: (tx: Transaction) => void }

export function TransactionForm({ tx, onChange }: Props) {
  const set = (patch: Partial<Transaction>) => onChange({ ...tx, ...patch });
  const setParty = (i: number, patch: Partial<Party>) => set({ parties: tx.parties.map((p, k) => (k === i ? { ...p, ...patch } : p)) });
  const setItem = (i: number, patch: Partial<Item>) => set({ items: tx.items.map((p, k) => (k === i ? { ...p, ...patch } : p)) });
  const num = (v: string) => (v === '' ? undefined : Number(v));
  const toggle = <T extends string>(list: T[], v: T, on: boolean) => (on ? [...list.filter((x) => x !== v), v] : list.filter((x) => x !== v));

  return (
    <div className="txform">
      <fieldset>
        <legend>Shipment</legend>
        <div className="form-grid">
          <div className="field"><label htmlFor="t-date">Transaction date</label>
            <DateInput id="t-date" required value={tx.date} onChange={(v) => set({ date: v })} /></div>
          <div className="field"><label htmlFor="t-dest">Destination (ISO-2)</label>
            <input id="t-dest" maxLength={2} required value={tx.destination} onChange={(e) => set({ destination: e.target.value.toUpperCase() })} /></div>
          <div className="field wide"><label htmlFor="t-exp">Exporter</label>
            <input id="t-exp" dir="auto" required value={tx.exporter.name} onChange={(e) => set({ exporter: { ...tx.exporter, name: e.target.value } })} /></div>
          <div className="field"><label htmlFor="t-expc">Exporter country</label>
            <input id="t-expc" maxLength={2} required value={tx.exporter.country} onChange={(e) => set({ exporter: { ...tx.exporter, country: e.target.value.toUpperCase() } })} /></div>
          <div className="field check"><input id="t-usp" type="checkbox" checked={!!tx.exporter.usPerson} onChange={(e) => set({ exporter: { ...tx.exporter, usPerson: e.target.checked || undefined } })} />
            <label htmlFor="t-usp">Exporter is a US person</label></div>
        </div>
      </fieldset>

      <fieldset>
        <legend>Parties</legend>
        {tx.parties.map((p, i) => (
          <div className="form-grid repeat" key={i} role="group" aria-label={`Party ${i + 1}`}>
            <div className="field"><label htmlFor={`p-role-${i}`}>Role</label>
              <select id={`p-role-${i}`} value={p.role} onChange={(e) => setParty(i, { role: e.target.value })}>
                {PARTY_ROLES.map((r) => <option key={r}>{r}</option>)}
              </select></div>
            <div className="field wide"><label htmlFor={`p-name-${i}`}>Name</label>
              <input id={`p-name-${i}`} dir="auto" value={p.name} onChange={(e) => setParty(i, { name: e.target.value })} /></div>
            <div className="field"><label htmlFor={`p-c-${i}`}>Country</label>
              <input id={`p-c-${i}`} maxLength={2} value={p.country ?? ''} onChange={(e) => setParty(i, { country: e.target.value.toUpperCase() })} /></div>
            <div className="field"><label htmlFor={`p-t-${i}`}>Type</label>
              <select id={`p-t-${i}`} value={p.type ?? ''} onChange={(e) => setParty(i, { type: (e.target.value || undefined) as Party['type'] })}>
                <option value="">unknown</option>
                {ENTITY_TYPES.map((t) => <option key={t}>{t}</option>)}
              </select></div>
            <div className="field actions">
              <button type="button" className="secondary" onClick={() => set({ parties: tx.parties.filter((_, k) => k !== i) })} aria-label={`Remove party ${i + 1}`}>Remove</button>
            </div>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set({ parties: [...tx.parties, { role: 'consignee', name: '' }] })}>Add party</button>
      </fieldset>

      <fieldset>
        <legend>Items</legend>
        {tx.items.map((it, i) => (
          <div className="form-grid repeat" key={i} role="group" aria-label={`Item ${i + 1}`}>
            <div className="field wide"><label htmlFor={`i-d-${i}`}>Description</label>
              <input id={`i-d-${i}`} required value={it.description} onChange={(e) => setItem(i, { description: e.target.value })} /></div>
            <div className="field"><label htmlFor={`i-code-${i}`}>Control code</label>
              <input id={`i-code-${i}`} value={it.code ?? ''} placeholder="6A003.b.4" onChange={(e) => setItem(i, { code: e.target.value || undefined })} /></div>
            <div className="field"><label htmlFor={`i-cas-${i}`}>CAS number</label>
              <input id={`i-cas-${i}`} value={it.cas ?? ''} placeholder="111-48-8" onChange={(e) => setItem(i, { cas: e.target.value || undefined })} /></div>
            <div className="field"><label htmlFor={`i-q-${i}`}>Quantity</label>
              <input id={`i-q-${i}`} type="number" min={0} value={it.quantity ?? ''} onChange={(e) => setItem(i, { quantity: num(e.target.value) })} /></div>
            <div className="field"><label htmlFor={`i-v-${i}`}>Value</label>
              <input id={`i-v-${i}`} type="number" min={0} value={it.value ?? ''} onChange={(e) => setItem(i, { value: num(e.target.value) })} /></div>
            <div className="field"><label htmlFor={`i-cur-${i}`}>Currency</label>
              <input id={`i-cur-${i}`} maxLength={3} value={it.currency ?? ''} onChange={(e) => setItem(i, { currency: e.target.value.toUpperCase() || undefined })} /></div>
            <div className="field check"><input id={`i-us-${i}`} type="checkbox" checked={!!it.usOrigin} onChange={(e) => setItem(i, { usOrigin: e.target.checked })} />
              <label htmlFor={`i-us-${i}`}>US origin</label></div>
            <div className="field"><label htmlFor={`i-usc-${i}`}>US content (0–1)</label>
              <input id={`i-usc-${i}`} type="number" min={0} max={1} step={0.01} value={it.usContent ?? ''} onChange={(e) => setItem(i, { usContent: num(e.target.value) })} /></div>
            <div className="field actions">
              <button type="button" className="secondary" disabled={tx.items.length === 1} onClick={() => set({ items: tx.items.filter((_, k) => k !== i) })} aria-label={`Remove item ${i + 1}`}>Remove</button>
            </div>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set({ items: [...tx.items, { description: '' }] })}>Add item</button>
      </fieldset>

      <fieldset>
        <legend>End use</legend>
        <div className="field wide"><label htmlFor="t-eu">Stated end use</label>
          <textarea id="t-eu" rows={2} value={tx.endUse.statement ?? ''} onChange={(e) => set({ endUse: { ...tx.endUse, statement: e.target.value } })} /></div>
        <div className="checks" role="group" aria-label="End-use categories">
          {END_USE_CATEGORIES.map((c) => (
            <label key={c} className="check">
              <input type="checkbox" checked={tx.endUse.categories.includes(c)}
                onChange={(e) => set({ endUse: { ...tx.endUse, categories: toggle<EndUseCategory>(tx.endUse.categories, c, e.target.checked) } })} />
              {c}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Jurisdictions to evaluate</legend>
        <div className="checks">
          {JURISDICTIONS.map((j) => (
            <label key={j} className="check">
              <input type="checkbox" checked={tx.jurisdictions.includes(j)} onChange={(e) => set({ jurisdictions: toggle(tx.jurisdictions, j, e.target.checked) })} />
              {j}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
