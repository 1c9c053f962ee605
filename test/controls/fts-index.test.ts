// The FTS5 index on its own: whatever terms it is handed, they are data, never query syntax.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ControlSearchIndex } from '../../src/store/control-search/fts-index.js';

const index = ControlSearchIndex.build([
  { code: '6A003', kind: 'heading', heading: 'Cameras, systems or equipment' },
  { code: '6A003', ref: '6A003.b.4', kind: 'synonym', terms: 'thermal camera; infrared camera', body: 'uncooled thermal imaging cameras' },
  { code: '1C350', ref: '1C350.b.22', kind: 'chemical', body: 'Thiodiglycol (CAS 111-48-8)' },
]);

test('BM25 ranks, snippets highlight, phrases match together', () => {
  const hits = index.search([['thermal', 'camera'], 'thermal', 'camera'], 10);
  assert.equal(hits[0]!.ref, '6A003.b.4');
  assert.ok(hits[0]!.relevance > 0);
  assert.match(hits[0]!.snippet, /«thermal camera»|«thermal» «camera»/);
  assert.deepEqual(index.search(['thiodiglycol'], 10).map((h) => h.code), ['1C350']);
});

test('operators, quotes, stars, column filters and SQL in terms are inert', () => {
  for (const term of ['"', '""', 'a"b', '*', 'NEAR', 'NEAR(thermal camera)', 'thermal*', '-camera', 'heading:thermal', 'OR', 'AND', 'NOT', '^thermal', "'); DROP TABLE docs; --", '(', ')', '{heading}', '']) {
    assert.doesNotThrow(() => index.search([term], 5), JSON.stringify(term));
    assert.doesNotThrow(() => index.search([[term, 'camera']], 5), JSON.stringify(term));
  }
  assert.equal(index.search(['camera'], 5).length, 2, 'the index is intact');
});
