// Every route group of the API, one fastify plugin per file. To add a group, write
// src/api/routes/<group>.ts exporting a default FastifyPluginAsync and add one line below.
// Inside a plugin: `app.vigil` is the application, `request.caller` the authenticated caller, and
// `requireRole('officer')` (from ../auth.js) guards a route or, via addHook('onRequest', …), a group.
import type { FastifyPluginAsync } from 'fastify';
import health from './health.js';
import lists from './lists.js';
import screen from './screen.js';
import compare from './compare.js';
import classify from './classify.js';
import assess from './assess.js';
import measures from './measures.js';
import timeline from './timeline.js';
import memo from './memo.js';
import keys from './keys.js';
import cases from './cases.js';
import audit from './audit.js';
import jobs from './jobs.js';
import parties from './parties.js';

export const routeModules: FastifyPluginAsync[] = [
  health,
  lists,
  screen,
  compare,
  classify,
  assess,
  measures,
  timeline,
  memo,
  keys,
  cases,
  audit,
  jobs,
  parties,
];
