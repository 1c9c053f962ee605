// Numbered schema migrations. Append new ones; never edit one that has shipped.
import type { DdlDialect } from './dialect.js';
import { initialSchema } from './001-initial.js';
import { controlCatalogsSchema } from './002-control-catalogs.js';
import { partiesAlertsSchema } from './003-parties-alerts.js';

export interface Migration {
  version: number;
  name: string;
  statements(d: DdlDialect): string[];
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', statements: initialSchema },
  { version: 2, name: 'control-catalogs', statements: controlCatalogsSchema },
  { version: 3, name: 'parties-alerts', statements: partiesAlertsSchema },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
