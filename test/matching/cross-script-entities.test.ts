// Issue 13: UN-listed entities whose Arabic-script name and English list name are translations of
// each other (شبکه حقانی, HAQQANI NETWORK), and list names that end in their acronym
// (AL-ITIHAAD AL-ISLAMIYA / AIAI). Names from the UN consolidated list (original script, primary name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareNames, DEFAULT_THRESHOLD } from '../../src/screening/index.js';
import { withoutTrailingAcronym } from '../../src/matching/acronym.js';
import { seededIndex } from '../screening/support.js';

const score = (a: string, b: string) => compareNames(a, b, 'organization').score;

test('a trailing acronym is recognised by its letters in the name before it', () => {
  assert.equal(withoutTrailingAcronym('AL-ITIHAAD AL-ISLAMIYA / AIAI'), 'AL-ITIHAAD AL-ISLAMIYA');
  assert.equal(withoutTrailingAcronym('JAMAAT-UL-AHRAR (JuA)'), 'JAMAAT-UL-AHRAR');
  assert.equal(withoutTrailingAcronym('HAQQANI NETWORK (HQN)'), 'HAQQANI NETWORK');
  assert.equal(withoutTrailingAcronym('AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)'), 'AL-QAIDA IN THE ARABIAN PENINSULA');
  // Not acronyms: a parenthesised phrase, a country code whose letters the name lacks, a second name.
  assert.equal(withoutTrailingAcronym('HANIFA MONEY EXCHANGE OFFICE (BRANCH LOCATED IN ALBU KAMAL, SYRIAN ARAB REPUBLIC)'), undefined);
  assert.equal(withoutTrailingAcronym('ACME TRADING (UK)'), undefined);
  assert.equal(withoutTrailingAcronym('Abdul SATTAR / Ali'), undefined);
  assert.equal(withoutTrailingAcronym('HAQQANI NETWORK'), undefined);
});

test('Arabic-script organisation words meet the English words of the list name', () => {
  for (const [a, b] of [
    ['شبکه حقانی', 'HAQQANI NETWORK'],
    ['صرافی روشان', 'ROSHAN MONEY EXCHANGE'],
    ['مكتب حنيفة للصرافة', 'HANIFA MONEY EXCHANGE OFFICE'],
    ['الجماعة الاسلامية المسلحة', 'ARMED ISLAMIC GROUP'],
    ['طارق گیدڑ گروپ', 'TARIQ GIDAR GROUP'],
  ] as const) assert.ok(score(a, b) >= DEFAULT_THRESHOLD, `${a} vs ${b}: ${score(a, b)}`);
  // The English word meets only its own meaning: Haqqani's network is not Haqqani's company.
  assert.ok(score('شبکه حقانی', 'HAQQANI COMPANY') < score('شبکه حقانی', 'HAQQANI NETWORK'));
});

test('the index finds UN entities whose list name ends in an acronym the query leaves out', async (t) => {
  const index = await seededIndex(t);
  for (const [query, listed] of [
    ['Al Itihad al Islamiya', 'AL-ITIHAAD AL-ISLAMIYA / AIAI'],
    ['Jamaat ul Ahrar', 'JAMAAT-UL-AHRAR (JuA)'],
    ['Haqqani Network', 'HAQQANI NETWORK (HQN)'],
    ['Tariq Gidar Group', 'TARIQ GIDAR GROUP (TGG)'],
  ] as const) {
    const hit = index.screen({ name: query, limit: 50 }).hits.find((h) => h.name === listed);
    // Scored as against the name without its acronym (an unmet acronym would cost it the acronym's weight).
    const bare = withoutTrailingAcronym(listed)!;
    assert.ok(hit && hit.score >= DEFAULT_THRESHOLD && hit.score >= score(query, bare) - 0.01, `${query} -> ${listed}: ${hit?.score} (${bare}: ${score(query, bare)})`);
    assert.equal(hit.matchedName, listed, 'the hit names the list name as the list writes it');
  }
  // An organisation word alone is no name: not read in English.
  for (const [name, english] of [['شبکه', /NETWORK/i], ['الجماعة', /GROUP/i]] as const) {
    const found = index.screen({ name, limit: 1000 }).hits.filter((h) => english.test(h.matchedName)).map((h) => h.matchedName);
    assert.deepEqual(found, [], name);
  }
});

test('compare scores a list name with a trailing acronym as the screening does: also without it, and says so', () => {
  for (const [query, listed] of [['شبكة محمد جمال', 'MUHAMMAD JAMAL NETWORK (MJN)'], ['Haqqani Network', 'HAQQANI NETWORK (HQN)']] as const) {
    const r = compareNames(query, listed, 'organization');
    assert.equal(r.score, compareNames(query, withoutTrailingAcronym(listed)!, 'organization').score, `${query} / ${listed}`);
    assert.ok(r.score >= DEFAULT_THRESHOLD, `${query} / ${listed}: ${r.score}`);
    assert.ok(r.explanation.notes.some((n) => n.includes('trailing acronym')), r.explanation.notes.join('; '));
  }
});
