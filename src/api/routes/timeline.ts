// GET /api/timeline — the measures of a destination through time, one lane per jurisdiction:
// ?destination=LY&from=1990&to=2010&asOf=2003-10-14&format=svg|json&width=390. The same answer as
// `vigil timeline --json` (format=json, the default) or the same SVG as `vigil timeline --svg`.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth.js';
import { isoDate } from '../schemas.js';
import { timelineFor } from '../../policy/timeline.js';
import { timelineSvg } from '../../report/timeline-svg.js';

const year = z.coerce.number().int().min(1900).max(2100);
export const TimelineQuery = z.object({
  destination: z.string().trim().regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code'),
  from: year.optional(),
  to: year.optional(),
  asOf: isoDate.optional(),
  format: z.enum(['json', 'svg']).default('json'),
  width: z.coerce.number().int().min(320).max(4000).default(960),
});

const timeline: FastifyPluginAsync = async (app) => {
  app.get('/api/timeline', {
    schema: { tags: ['policy'], summary: 'Sanctions measures of a destination through time, one lane per jurisdiction (JSON or SVG)', querystring: TimelineQuery },
    preHandler: requireRole('reader'),
  }, async (request, reply) => {
    const q = request.query as z.infer<typeof TimelineQuery>;
    const rules = await app.vigil.rules();
    const t = timelineFor(rules, q.destination.toUpperCase(), {
      ...(q.from !== undefined ? { fromYear: q.from } : {}), ...(q.to !== undefined ? { toYear: q.to } : {}), ...(q.asOf ? { asOf: q.asOf } : {}),
    });
    if (q.format === 'svg') return reply.type('image/svg+xml; charset=utf-8').send(timelineSvg(t, { width: q.width, idPrefix: `tl-${q.destination.toLowerCase()}` }));
    return t;
  });
};
export default timeline;
