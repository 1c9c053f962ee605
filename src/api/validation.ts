// zod as fastify's validator: route schemas are zod types; a failed parse becomes a 400 that names
// the path of every bad field. Also converts the same zod types to JSON Schema for /openapi.json.
import { z } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';

type Picker = (data: unknown) => z.ZodType;
const pickers = new WeakMap<object, Picker>();

/**
 * A schema documented as `docs` (usually a union) but validated by the branch `pick` selects from
 * the data, so that errors name fields of the branch the caller meant rather than of every branch.
 */
export function choose<T extends z.ZodType>(docs: T, pick: Picker): T {
  pickers.set(docs, pick);
  return docs;
}

export interface FieldIssue {
  /** 'body', 'querystring', 'params' */
  in: string;
  /** Dotted path of the bad field ('parties.3.name'); '' is the whole part. */
  path: string;
  message: string;
}

/** Thrown by the validator; the error handler answers 400 with its issues. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_VALIDATION';
  constructor(readonly issues: FieldIssue[]) {
    super(`invalid request: ${issues.map((i) => `${i.in}${i.path ? '.' + i.path : ''}: ${i.message}`).join('; ')}`);
    this.name = 'RequestValidationError';
  }
}

export function toIssues(error: z.ZodError, part: string): FieldIssue[] {
  return error.issues.map((i) => ({
    in: part,
    path: i.path.map(String).join('.'),
    // zod says "expected string, received undefined" for a missing field; people say "required".
    message: i.code === 'invalid_type' && / received undefined$/.test(i.message) ? `required (${i.expected})` : i.message,
  }));
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = httpPart ?? 'body';
  const pick = pickers.get(schema);
  return (data: unknown) => {
    // fastify passes null for a missing body; say so plainly.
    if (part === 'body' && (data === null || data === undefined)) {
      return { error: new RequestValidationError([{ in: 'body', path: '', message: 'a JSON body is required' }]) };
    }
    const s = pick ? pick(data) : schema;
    const r = s.safeParse(data);
    return r.success ? { value: r.data } : { error: new RequestValidationError(toIssues(r.error, part)) };
  };
};

/** JSON Schema (OpenAPI 3.0 dialect) of what a caller may send. */
export function toOpenApiSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

export function isZod(x: unknown): x is z.ZodType {
  return x instanceof z.ZodType;
}
