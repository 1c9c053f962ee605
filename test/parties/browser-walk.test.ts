// The issue 14 browser walk, on a real server with the bundled lists and chromium: import a parties
// CSV on the Parties page → an EU list update that lists one of them is activated → its alert shows
// in the Alerts queue → the officer marks it a false positive (with a reason) → an update that does
// not touch that entry raises nothing → an update adding an alias to it brings the alert back, open
// and marked changed. The updates are the EU XML 1.1 fixture with one invented entity added
// (test data, not a real listing), uploaded through /api/lists/import as `vigil lists import` does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, openPage, ROOT, shot, startUi, type UiFixture } from '../browser/support.js';

const skip = browserSkip();
const FIXTURE = readFileSync(join(ROOT, 'test/fixtures/lists/eu-fsf/fsf_xml_1_1_sample.xml'), 'utf8');
const INVENTED = 'Officine Fittizie Lombarde';

const alias = (name: string, id: number) =>
  `<nameAlias firstName="" middleName="" lastName="" wholeName="${name}" function="" gender="" title="" nameLanguage="" strong="true" regulationLanguage="en" logicalId="${id}"/>`;
/** The fixture plus the invented entity (with extra aliases), and an optional remark on another entry. */
function euFile(generated: string, extraAliases: string[], otherRemark?: string): Buffer {
  const entity = `<sanctionEntity designationDetails="" unitedNationId="" euReferenceNumber="EU.TEST.1" logicalId="99001">
        <regulation regulationType="regulation" organisationType="council" publicationDate="2014-03-17" entryIntoForceDate="2014-03-17" numberTitle="269/2014 (OJ L78)" programme="UKR" logicalId="99101"><publicationUrl>https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32014R0269</publicationUrl></regulation>
        <subjectType code="enterprise" classificationCode="E"/>
        ${[INVENTED, ...extraAliases].map((n, i) => alias(n, 99201 + i)).join('\n        ')}
    </sanctionEntity>
</export>`;
  let xml = FIXTURE.replace(/generationDate="[^"]*"/, `generationDate="${generated}T10:00:00.000+01:00"`).replace('</export>', entity);
  if (otherRemark) xml = xml.replace('<remark>UN listing 26.2.2011.</remark>', `<remark>${otherRemark}</remark>`);
  return Buffer.from(xml, 'utf8');
}

describe('parties and alerts in the browser', { skip }, () => {
  let ui: UiFixture;
  before(async () => { ui = await startUi(); });
  after(async () => { await ui?.close(); });
  async function importEu(body: Buffer, fileName: string): Promise<{ status: string; rescreen?: { created: number; reopened: number; suppressed: number } }> {
    const r = await fetch(`${ui.url}/api/lists/import?format=eu&fileName=${fileName}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(body) });
    assert.equal(r.status, 200, await r.clone().text());
    return (await r.json()) as never;
  }
  const alertOf = (p: Page) => p.getByTestId('alert').filter({ hasText: INVENTED });

  test('CSV import → listed → alert → false positive → unrelated update: nothing → alias added: back, changed', async () => {
    const p = await openPage(ui, 'desktop', '/parties');
    const csv = ['name,type,country,external_ref,tags', `${INVENTED} S.r.l.,organization,IT,W-1,supplier`, 'Nordic Precision Optics AB,organization,SE,W-2,', 'Giulia Esposito,person,IT,W-3,agent'].join('\n');
    await p.getByLabel('Import a parties CSV').setInputFiles({ name: 'parties.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    assert.match(await p.getByTestId('import-result').innerText(), /Registered 3 parties from parties\.csv; 0 new alerts/);
    assert.match(await p.getByTestId('parties-table').innerText(), new RegExp(`${INVENTED} S\\.r\\.l\\.`));
    await shot(p, 'parties-imported-1280');

    // An EU list update that lists the party: the delta re-screening raises the alert.
    const first = await importEu(euFile('2026-11-20', []), 'eu-1.xml');
    assert.equal(first.status, 'imported');
    assert.equal(first.rescreen?.created, 1, JSON.stringify(first.rescreen));
    await p.getByRole('link', { name: 'Alerts', exact: true }).click();
    await alertOf(p).waitFor();
    assert.equal(await alertOf(p).getAttribute('data-status'), 'open');
    assert.equal(await alertOf(p).getByTestId('alert-changed').count(), 0);
    await shot(p, 'alerts-open-1280');

    // False positive: refused without a reason, recorded with one.
    await alertOf(p).getByRole('button', { name: 'False positive' }).click();
    await alertOf(p).getByText(/reason/i).last().waitFor();
    assert.equal(await alertOf(p).getAttribute('data-status'), 'open');
    await alertOf(p).getByTestId('alert-reason').fill('Different company: Lombard supplier since 1998, registry number checked');
    await alertOf(p).getByRole('button', { name: 'False positive' }).click();
    await p.locator('[data-testid="alert"][data-status="false-positive"]').waitFor();
    assert.match(await alertOf(p).innerText(), /last decision false-positive by .* Different company/);
    await shot(p, 'alerts-false-positive-1280');

    // An update that changes another entry only: no new alert, the decision stands.
    const second = await importEu(euFile('2026-11-21', [], 'UN listing 26.2.2011. Remark amended.'), 'eu-2.xml');
    assert.equal(second.status, 'imported');
    assert.equal(second.rescreen?.created, 0, JSON.stringify(second.rescreen));
    assert.equal(second.rescreen?.reopened, 0);
    await p.reload();
    await alertOf(p).waitFor();
    assert.equal(await p.getByTestId('alert').count(), 1);
    assert.equal(await alertOf(p).getAttribute('data-status'), 'false-positive');
    assert.equal(await p.getByTestId('open-count').innerText(), '0');

    // An update adding an alias to that entry: the alert comes back, open and marked changed.
    const third = await importEu(euFile('2026-11-22', ['OFL Lombarda'], 'UN listing 26.2.2011. Remark amended.'), 'eu-3.xml');
    assert.equal(third.rescreen?.reopened, 1, JSON.stringify(third.rescreen));
    await p.reload();
    await p.locator('[data-testid="alert"][data-status="open"]').waitFor();
    assert.equal(await p.getByTestId('alert').count(), 1, 'the same alert, not a second one');
    assert.match(await alertOf(p).getByTestId('alert-changed').innerText(), /changed/);
    assert.equal(await p.getByTestId('open-count').innerText(), '1');
    await p.getByLabel('Status').selectOption('false-positive');
    await p.getByTestId('no-alerts').waitFor();
    await p.getByLabel('Status').selectOption('open');
    await alertOf(p).waitFor();
    await shot(p, 'alerts-changed-1280');
    await p.context().close();
  });
});
