// EU Financial Sanctions Files (FSF), full list, layout 1.1 — two publications of the same records:
//  - XML: <export generationDate=…> of <sanctionEntity euReferenceNumber unitedNationId logicalId
//    designationDate> holding <remark>, <regulation numberTitle programme …><publicationUrl/>,
//    <subjectType code classificationCode/>, <nameAlias wholeName firstName middleName lastName
//    nameLanguage strong function gender/>, <citizenship countryIso2Code/>, <birthdate birthdate
//    year monthOfYear dayOfMonth city countryIso2Code/>, <identification number
//    identificationTypeCode identificationTypeDescription countryIso2Code/>, <address …/>.
//    Everything is in attributes; streamed with saxes, one entity at a time.
//  - CSV: ';'-separated, header `fileGenerationDate;Entity_LogicalId;…`, one row per sub-record
//    (name alias, address, birth date, identification, citizenship) with the entity's columns
//    repeated; rows are grouped on Entity_LogicalId.
// Both yield the same EuRecord, so one mapper serves both.
import { open } from 'node:fs/promises';
import { SaxesParser } from 'saxes';
import { VigilInputError } from '../../model/errors.js';
import { csvRecords } from '../csv-records.js';
import { readText } from '../text-stream.js';
import type { ParseContext } from '../types.js';

export interface EuRegulation { numberTitle?: string; programme?: string; publicationUrl?: string; publicationDate?: string; entryIntoForceDate?: string; type?: string }
export interface EuName { wholeName?: string; firstName?: string; middleName?: string; lastName?: string; nameLanguage?: string; strong?: string; function?: string }
export interface EuBirth { birthdate?: string; year?: string; month?: string; day?: string; city?: string; countryIso2Code?: string; countryDescription?: string }
export interface EuIdentification { number?: string; typeCode?: string; typeDescription?: string; countryIso2Code?: string; countryDescription?: string }
export interface EuAddress { street?: string; city?: string; zipCode?: string; region?: string; place?: string; countryIso2Code?: string; countryDescription?: string }
export interface EuCitizenship { countryIso2Code?: string; countryDescription?: string }

export interface EuRecord {
  line: number;
  logicalId: string;
  euReferenceNumber?: string;
  unitedNationId?: string;
  designationDate?: string;
  designationDetails?: string;
  subjectCode?: string;
  classificationCode?: string;
  remarks: string[];
  regulations: EuRegulation[];
  names: EuName[];
  births: EuBirth[];
  identifications: EuIdentification[];
  addresses: EuAddress[];
  citizenships: EuCitizenship[];
}

export interface EuFile { layout: 'xml' | 'csv'; generationDate?: string }

const blank = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s.trim());
/** Drop empty fields so that records from both layouts compare equal. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
const isEmpty = (o: object) => Object.keys(o).length === 0;

function newRecord(line: number, logicalId: string): EuRecord {
  return { line, logicalId, remarks: [], regulations: [], names: [], births: [], identifications: [], addresses: [], citizenships: [] };
}

/** XML when the file's first non-blank character is '<', else the CSV variant. */
export async function detectLayout(file: string): Promise<'xml' | 'csv'> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return head.startsWith('<') ? 'xml' : 'csv';
  } finally {
    await fh.close();
  }
}

export async function readEu(file: string, ctx: ParseContext, onRecord: (r: EuRecord) => void): Promise<EuFile> {
  return (await detectLayout(file)) === 'xml' ? readEuXml(file, ctx, onRecord) : readEuCsv(file, ctx, onRecord);
}

// ---- XML 1.1 --------------------------------------------------------------------------------------

export async function readEuXml(file: string, ctx: ParseContext, onRecord: (r: EuRecord) => void): Promise<EuFile> {
  const parser = new SaxesParser({ position: true, fileName: ctx.file, xmlns: false });
  let depth = 0;
  let root: string | undefined;
  let generationDate: string | undefined;
  let rec: EuRecord | undefined;
  let text: string | undefined; // collecting <remark> or <publicationUrl>
  let textOwner: 'remark' | 'publicationUrl' | undefined;
  const local = (name: string) => name.slice(name.indexOf(':') + 1);

  parser.on('opentag', (tag) => {
    depth++;
    const name = local(tag.name);
    const a = (k: string) => blank(tag.attributes[k] as string | undefined);
    if (depth === 1) {
      root = name;
      if (name !== 'export') parser.fail(`root element is <${tag.name}>, not <export>: not an EU Financial Sanctions File (XML 1.1)`);
      generationDate = a('generationDate');
      return;
    }
    if (depth === 2) {
      if (name !== 'sanctionEntity') return;
      const id = a('logicalId');
      if (!id) parser.fail('<sanctionEntity> without logicalId');
      rec = newRecord(parser.line, id ?? '');
      rec.euReferenceNumber = a('euReferenceNumber');
      rec.unitedNationId = a('unitedNationId');
      rec.designationDate = a('designationDate');
      rec.designationDetails = a('designationDetails');
      compact(rec);
      return;
    }
    if (!rec || depth !== 3) {
      if (rec && depth === 4 && name === 'publicationUrl') { text = ''; textOwner = 'publicationUrl'; }
      return;
    }
    switch (name) {
      case 'remark': text = ''; textOwner = 'remark'; break;
      case 'regulation':
        rec.regulations.push(compact({ numberTitle: a('numberTitle'), programme: a('programme'), publicationDate: a('publicationDate'), entryIntoForceDate: a('entryIntoForceDate'), type: a('regulationType') }));
        break;
      case 'subjectType': rec.subjectCode = a('code'); rec.classificationCode = a('classificationCode'); compact(rec); break;
      case 'nameAlias':
        rec.names.push(compact({ wholeName: a('wholeName'), firstName: a('firstName'), middleName: a('middleName'), lastName: a('lastName'), nameLanguage: a('nameLanguage'), strong: a('strong'), function: a('function') }));
        break;
      case 'citizenship': rec.citizenships.push(compact({ countryIso2Code: a('countryIso2Code'), countryDescription: a('countryDescription') })); break;
      case 'birthdate':
        rec.births.push(compact({ birthdate: a('birthdate'), year: a('year'), month: a('monthOfYear'), day: a('dayOfMonth'), city: a('city'), countryIso2Code: a('countryIso2Code'), countryDescription: a('countryDescription') }));
        break;
      case 'identification':
        rec.identifications.push(compact({ number: a('number'), typeCode: a('identificationTypeCode'), typeDescription: a('identificationTypeDescription'), countryIso2Code: a('countryIso2Code'), countryDescription: a('countryDescription') }));
        break;
      case 'address':
        rec.addresses.push(compact({ street: a('street'), city: a('city'), zipCode: a('zipCode'), region: a('region'), place: a('place'), countryIso2Code: a('countryIso2Code'), countryDescription: a('countryDescription') }));
        break;
      default: break;
    }
  });
  const onText = (t: string) => { if (text !== undefined) text += t; };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    depth--;
    const name = local(tag.name);
    if (rec && text !== undefined && name === textOwner) {
      const t = text.trim();
      if (t && textOwner === 'remark') rec.remarks.push(t);
      if (t && textOwner === 'publicationUrl') { const r = rec.regulations[rec.regulations.length - 1]; if (r) r.publicationUrl = t; }
      text = undefined;
      textOwner = undefined;
    }
    if (depth === 1 && rec && name === 'sanctionEntity') { onRecord(rec); rec = undefined; }
  });

  try {
    for await (const chunk of readText(file, ctx, { encoding: 'utf-8' })) parser.write(chunk);
    parser.close();
  } catch (err) {
    if (err instanceof VigilInputError) throw err;
    const message = (err as Error).message;
    const m = /:(\d+):(\d+): ([\s\S]*)$/.exec(message);
    const where = m ? `${ctx.file}:${m[1]}:${m[2]}` : `${ctx.file}:${parser.line}:${parser.column}`;
    throw new VigilInputError(`malformed XML: ${m ? m[3] : message}`, where);
  }
  if (!root) throw new VigilInputError('no XML element found', ctx.file);
  return { layout: 'xml', ...(generationDate ? { generationDate } : {}) };
}

// ---- CSV 1.1 --------------------------------------------------------------------------------------

const CSV_REQUIRED = ['Entity_LogicalId', 'NameAlias_WholeName'];

export async function readEuCsv(file: string, ctx: ParseContext, onRecord: (r: EuRecord) => void): Promise<EuFile> {
  let index: Map<string, number> | undefined;
  let generationDate: string | undefined;
  const groups = new Map<string, EuRecord>();
  const seen = new Map<string, Set<string>>(); // per entity: sub-records already taken (rows repeat them)
  for await (const rec of csvRecords(readText(file, ctx, { encoding: 'utf-8' }), ctx.file, { delimiter: ';' })) {
    if (!index) {
      index = new Map(rec.fields.map((h, i) => [h.trim(), i]));
      const missing = CSV_REQUIRED.filter((c) => !index!.has(c));
      if (missing.length) {
        throw new VigilInputError(`missing EU FSF CSV column(s) ${missing.join(', ')}; expected the CSV 1.1 header (fileGenerationDate;Entity_LogicalId;…)`, `${ctx.file}:${rec.line}`);
      }
      continue;
    }
    const idx = index;
    const g = (c: string) => { const i = idx.get(c); return i === undefined ? undefined : blank(rec.fields[i]); };
    const id = g('Entity_LogicalId');
    if (!id) throw new VigilInputError('empty Entity_LogicalId', `${ctx.file}:${rec.line} (field Entity_LogicalId)`);
    generationDate ??= g('fileGenerationDate');
    let r = groups.get(id);
    if (!r) {
      r = newRecord(rec.line, id);
      Object.assign(r, compact({
        euReferenceNumber: g('Entity_EU_ReferenceNumber'), unitedNationId: g('Entity_UnitedNationId') ?? g('Entity_UN_ReferenceNumber'),
        designationDate: g('Entity_DesignationDate'), designationDetails: g('Entity_DesignationDetails'),
        subjectCode: g('Entity_SubjectType'), classificationCode: g('Entity_SubjectType_ClassificationCode'),
      }));
      groups.set(id, r);
      seen.set(id, new Set());
    }
    const taken = seen.get(id)!;
    const take = <T extends object>(list: T[], kind: string, o: T) => {
      compact(o);
      if (isEmpty(o)) return;
      const key = `${kind}\u0000${JSON.stringify(o)}`;
      if (taken.has(key)) return;
      taken.add(key);
      list.push(o);
    };
    const remark = g('Entity_Remark');
    if (remark && !r.remarks.includes(remark)) r.remarks.push(remark);
    take(r.regulations, 'reg', { numberTitle: g('Entity_Regulation_NumberTitle'), programme: g('Entity_Regulation_Programme'), publicationUrl: g('Entity_Regulation_PublicationUrl'), publicationDate: g('Entity_Regulation_PublicationDate'), entryIntoForceDate: g('Entity_Regulation_EntryIntoForceDate'), type: g('Entity_Regulation_Type') });
    take(r.names, 'name', { wholeName: g('NameAlias_WholeName'), firstName: g('NameAlias_FirstName'), middleName: g('NameAlias_MiddleName'), lastName: g('NameAlias_LastName'), nameLanguage: g('NameAlias_NameLanguage'), strong: g('NameAlias_Strong'), function: g('NameAlias_Function') });
    take(r.births, 'birth', { birthdate: g('BirthDate_BirthDate'), year: g('BirthDate_Year'), month: g('BirthDate_Month'), day: g('BirthDate_Day'), city: g('BirthDate_City'), countryIso2Code: g('BirthDate_CountryIso2Code'), countryDescription: g('BirthDate_CountryDescription') });
    take(r.identifications, 'id', { number: g('Identification_Number'), typeCode: g('Identification_TypeCode'), typeDescription: g('Identification_TypeDescription'), countryIso2Code: g('Identification_CountryIso2Code'), countryDescription: g('Identification_CountryDescription') });
    take(r.addresses, 'addr', { street: g('Address_Street'), city: g('Address_City'), zipCode: g('Address_ZipCode'), region: g('Address_Region'), place: g('Address_Place'), countryIso2Code: g('Address_CountryIso2Code'), countryDescription: g('Address_CountryDescription') });
    take(r.citizenships, 'cit', { countryIso2Code: g('Citizenship_CountryIso2Code'), countryDescription: g('Citizenship_CountryDescription') });
  }
  if (!index) throw new VigilInputError('no EU FSF CSV header row', ctx.file);
  for (const r of groups.values()) onRecord(r);
  return { layout: 'csv', ...(generationDate ? { generationDate } : {}) };
}
