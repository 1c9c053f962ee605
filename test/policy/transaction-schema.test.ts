// Bad transaction documents: each is refused with an error naming the field; nothing is assessed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VigilInputError } from '../../src/model/errors.js';
import { parseTransaction } from '../../src/policy/index.js';
import { transaction } from './support.js';

const good = () => JSON.parse(JSON.stringify(transaction())) as Record<string, any>;

function refused(doc: unknown, field: string, pattern: RegExp): void {
  assert.throws(
    () => parseTransaction(doc, { jurisdictions: ['UN', 'EU', 'IT', 'US'] }),
    (e: Error) => {
      assert.ok(e instanceof VigilInputError, `VigilInputError, got ${e}`);
      assert.equal(e.where, field);
      assert.match(e.message, pattern);
      return true;
    },
  );
}

test('a good transaction parses; jurisdictions default to all four', () => {
  const tx = parseTransaction(good());
  assert.equal(tx.destination, 'LY');
  const doc = good();
  delete doc.jurisdictions;
  assert.deepEqual(parseTransaction(doc).jurisdictions, ['UN', 'EU', 'US', 'IT']);
});

test('unknown country code: destination, exporter and party countries', () => {
  refused({ ...good(), destination: 'XX' }, 'destination', /unknown country code/);
  refused({ ...good(), destination: 'Libya' }, 'destination', /unknown country code/);
  const doc = good();
  doc.exporter.country = 'it';
  refused(doc, 'exporter.country', /unknown country code/);
  const p = good();
  p.parties[0].country = 'ZZ';
  refused(p, 'parties[0].country', /unknown country code/);
});

test('impossible or malformed date', () => {
  refused({ ...good(), date: '2003-02-30' }, 'date', /not a real date/);
  refused({ ...good(), date: '14/10/2003' }, 'date', /not a real date/);
  refused({ ...good(), date: '2003-13-01' }, 'date', /not a real date/);
  assert.equal(parseTransaction({ ...good(), date: '2004-02-29' }).date, '2004-02-29');
});

test('negative or zero quantity, negative value, US content above 1', () => {
  const q = good();
  q.items[0].quantity = -3;
  refused(q, 'items[0].quantity', /greater than 0/);
  const z = good();
  z.items[0].quantity = 0;
  refused(z, 'items[0].quantity', /greater than 0/);
  const v = good();
  v.items[0].value = -1;
  refused(v, 'items[0].value', /negative/);
  const c = good();
  c.items[0].usContent = 1.5;
  refused(c, 'items[0].usContent', /between 0 and 1/);
});

test('missing or empty items', () => {
  const doc = good();
  delete doc.items;
  refused(doc, 'items', /is required/);
  refused({ ...good(), items: [] }, 'items', /at least one item/);
  const d = good();
  d.items[0].description = '  ';
  refused(d, 'items[0].description', /empty/);
});

test('unknown end-use category', () => {
  const doc = good();
  doc.endUse.categories = ['civil', 'humanitarian'];
  refused(doc, 'endUse.categories[1]', /unknown end-use category; expected one of civil, border-security/);
});

test('unknown jurisdiction names its index', () => {
  refused({ ...good(), jurisdictions: ['UN', 'EU', 'FR'] }, 'jurisdictions[2]', /unknown jurisdiction "FR"; known: UN, EU, IT, US/);
  refused({ ...good(), jurisdictions: ['UN', 'US', 'US'] }, 'jurisdictions[2]', /listed twice/);
});

test('a CAS number with a wrong check digit, an unknown field', () => {
  const doc = good();
  doc.items[0].cas = '111-48-9';
  refused(doc, 'items[0].cas', /not a valid CAS number/);
  refused({ ...good(), destinaton: 'LY' }, '(document)', /destinaton/);
});

test('several problems: the first is named, the others are listed', () => {
  const doc = good();
  doc.destination = 'XX';
  doc.items[0].quantity = -1;
  assert.throws(() => parseTransaction(doc), (e: Error) => /destination: unknown country code.*also items\[0\]\.quantity/.test(e.message));
});
