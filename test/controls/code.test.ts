import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asCodePrefix, looksLikeCode, paragraphsOverlap, parseCode } from '../../src/controls/code.js';
import { parseReasonCodes, refsIn } from '../../src/controls/us-reasons.js';
import { VigilInputError } from '../../src/model/errors.js';

test('codes parse with paragraphs, in any case', () => {
  assert.deepEqual(parseCode('6a003.B.4'), { code: '6A003', paragraph: '6A003.b.4', path: ['b', '4'] });
  assert.deepEqual(parseCode('1C350'), { code: '1C350', paragraph: undefined, path: [] });
  assert.equal(parseCode('1C350.b.22.').paragraph, '1C350.b.22');
});

test('malformed codes are input errors that show the expected shape', () => {
  for (const bad of ['6A0003', '6X003', '6A003..b', '6A003.b-4', '6A03', '6A003.bbbb']) {
    assert.throws(() => parseCode(bad, 'items[2].code'), (e: unknown) => {
      assert.ok(e instanceof VigilInputError, bad);
      assert.match(e.message, /^items\[2\]\.code: malformed control code .*e\.g\. 1C350 or 6A003\.b\.4/);
      return true;
    });
  }
});

test('what counts as a code, a prefix, an overlap', () => {
  assert.ok(looksLikeCode('6A003.b.4'));
  assert.ok(!looksLikeCode('6 axis robot'));
  assert.equal(asCodePrefix('1c35'), '1C35');
  assert.equal(asCodePrefix('6'), '6');
  assert.equal(asCodePrefix('6A003'), undefined);
  assert.ok(paragraphsOverlap('6A003.b.4', '6A003.b.4.a'));
  assert.ok(paragraphsOverlap('6A003.b', '6A003.b.4'));
  assert.ok(!paragraphsOverlap('6A003.b.3', '6A003.b.4'));
});

test('reasons for control and paragraph references in licence-requirement rows', () => {
  assert.deepEqual(parseReasonCodes('NS, MT and AT'), ['NS', 'MT', 'AT']);
  assert.deepEqual(parseReasonCodes('CW, AT.'), ['CW', 'AT']);
  assert.deepEqual(parseReasonCodes('AT, RS, foreign policy'), ['AT', 'RS', 'FP']);
  assert.deepEqual(parseReasonCodes('CC 1'), ['CC']);
  assert.deepEqual(refsIn('1C351', 'CB applies to items controlled by 1C351.d.15 and .16'), ['1C351.d.15', '1C351.d.16']);
  assert.deepEqual(
    refsIn('6A003', 'NP applies to cameras controlled by 6A003.a.3 or a.4 and to plug-ins in 6A003.a.6'),
    ['6A003.a.3', '6A003.a.4', '6A003.a.6'],
  );
  assert.deepEqual(refsIn('9A012', 'NS applies to entire entry, except .a.1'), ['9A012.a.1']);
});
