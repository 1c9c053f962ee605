// Licence draw-down: what an approved licence allows per item, what the recorded shipments used,
// and whether a new shipment still fits. Amounts are summed in millionths so that 0.1 + 0.2 kg
// never refuses a shipment that exactly uses up the licence.
import type { CaseRecord, Licence, LicenceItem, Shipment, ShipmentLine, Transaction } from '../model/index.js';
import { VigilInputError, VigilRefusal } from '../model/errors.js';

const SCALE = 1_000_000;
const scaled = (n: number): number => Math.round(n * SCALE);
const unscaled = (n: number): number => n / SCALE;

export function licenceItemsFrom(tx: Transaction): LicenceItem[] {
  return tx.items.map((it, index) => ({
    index,
    description: it.description,
    code: it.code,
    quantity: it.quantity,
    unit: it.unit,
    value: it.value,
    currency: it.currency,
  }));
}

export interface ItemBalance {
  index: number;
  description: string;
  code?: string;
  licensedQuantity?: number;
  shippedQuantity: number;
  remainingQuantity?: number;
  licensedValue?: number;
  shippedValue: number;
  remainingValue?: number;
  currency?: string;
  usedUp: boolean;
}

export function balances(licence: Licence, shipments: readonly Shipment[]): ItemBalance[] {
  return licence.items.map((item) => {
    let q = 0;
    let v = 0;
    for (const s of shipments) {
      for (const l of s.lines) {
        if (l.index !== item.index) continue;
        q += scaled(l.quantity ?? 0);
        v += scaled(l.value ?? 0);
      }
    }
    const remQ = item.quantity === undefined ? undefined : scaled(item.quantity) - q;
    const remV = item.value === undefined ? undefined : scaled(item.value) - v;
    // An item with no limit at all can never be used up.
    const usedUp = (remQ !== undefined && remQ <= 0) || (remV !== undefined && remV <= 0);
    return {
      index: item.index,
      description: item.description,
      code: item.code,
      licensedQuantity: item.quantity,
      shippedQuantity: unscaled(q),
      remainingQuantity: remQ === undefined ? undefined : unscaled(remQ),
      licensedValue: item.value,
      shippedValue: unscaled(v),
      remainingValue: remV === undefined ? undefined : unscaled(remV),
      currency: item.currency,
      usedUp,
    };
  });
}

export function fullyDrawnDown(licence: Licence, shipments: readonly Shipment[]): boolean {
  const b = balances(licence, shipments);
  return b.length > 0 && b.every((x) => x.usedUp);
}

/**
 * Refuses (VigilRefusal) a shipment the licence does not cover: no approved licence, a date
 * outside its validity, an unknown item, or more quantity or value than remains.
 */
export function checkShipment(c: CaseRecord, date: string, lines: readonly ShipmentLine[]): void {
  if (c.state === 'exhausted') throw new VigilRefusal(`case ${c.id}: the licence is used up; no shipment can be recorded against it`, 'licence-exhausted');
  if (c.state === 'expired') throw new VigilRefusal(`case ${c.id}: the licence has expired`, 'licence-expired');
  const lic = c.licence;
  if (c.state !== 'approved' || !lic) throw new VigilRefusal(`case ${c.id} is ${c.state}: shipments are recorded only against an approved licence`, 'no-licence');
  if (date > lic.validUntil) throw new VigilRefusal(`case ${c.id}: shipment dated ${date} is after the licence expired (valid until ${lic.validUntil})`, 'licence-expired');
  if (date < lic.issuedAt) throw new VigilRefusal(`case ${c.id}: shipment dated ${date} is before the licence was issued (${lic.issuedAt})`, 'before-licence');
  if (lines.length === 0) throw new VigilInputError('a shipment needs at least one line', 'lines');

  const byItem = new Map(balances(lic, c.shipments ?? []).map((b) => [b.index, b]));
  const want = new Map<number, { q: number; v: number }>();
  lines.forEach((l, i) => {
    const b = byItem.get(l.index);
    if (!b) throw new VigilRefusal(`case ${c.id}: line ${i + 1} names item ${l.index}, which the licence does not cover (items 0..${lic.items.length - 1})`, 'unknown-item');
    if (l.quantity === undefined && l.value === undefined) throw new VigilInputError('give a quantity or a value', `lines[${i}]`);
    if (b.licensedQuantity !== undefined && l.quantity === undefined) throw new VigilInputError(`item ${l.index} is licensed by quantity; give the quantity shipped`, `lines[${i}].quantity`);
    if (b.licensedValue !== undefined && l.value === undefined) throw new VigilInputError(`item ${l.index} is licensed by value; give the value shipped`, `lines[${i}].value`);
    for (const [field, n] of [['quantity', l.quantity], ['value', l.value]] as const) {
      if (n !== undefined && !(Number.isFinite(n) && n > 0)) throw new VigilInputError(`${field} must be a positive number`, `lines[${i}].${field}`);
    }
    const w = want.get(l.index) ?? { q: 0, v: 0 };
    w.q += scaled(l.quantity ?? 0);
    w.v += scaled(l.value ?? 0);
    want.set(l.index, w);
  });
  for (const [index, w] of want) {
    const b = byItem.get(index)!;
    if (b.remainingQuantity !== undefined && w.q > scaled(b.remainingQuantity)) {
      throw new VigilRefusal(`case ${c.id}: item ${index} (${b.description}): shipping ${unscaled(w.q)} but only ${b.remainingQuantity} of ${b.licensedQuantity} remain on the licence`, 'exceeds-licence');
    }
    if (b.remainingValue !== undefined && w.v > scaled(b.remainingValue)) {
      throw new VigilRefusal(`case ${c.id}: item ${index} (${b.description}): shipping value ${unscaled(w.v)} but only ${b.remainingValue} ${b.currency ?? ''} of ${b.licensedValue} remain on the licence`.replace('  ', ' '), 'exceeds-licence');
    }
  }
}
