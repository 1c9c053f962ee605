// The calibre read from an item description: the fact that separates small-arms ammunition from
// ammunition for heavy weapons in the UN Register and heavy-weapons measures (ML3 holds both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statedCalibres } from '../../src/policy/calibre.js';

test('calibres are read in mm from the usual ways of writing them', () => {
  const cases: [string, number[]][] = [
    ['7.62x39 mm ball cartridges for assault rifles', [7.62]], // the case length (39) is not a calibre
    ['5.56x45mm NATO', [5.56]],
    ['9x19 mm Parabellum', [9]],
    ['7.62x54R', [7.62]],
    ['14.5 x 114 mm', [14.5]],
    ['155 mm high-explosive artillery shells', [155]],
    ['120-mm tank rounds', [120]],
    ['.50 cal BMG cartridges', [12.7]],
    ['12-gauge shotgun shells', [18.5]],
    ['artillery shells', []],
  ];
  for (const [d, want] of cases) assert.deepEqual(statedCalibres(d), want, d);
});
