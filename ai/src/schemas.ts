// The versioned JSON schemas of the model's structured answers, and their ajv validators. The version is part
// of the prompt and of the cache key: changing a schema means bumping its version.

import Ajv, { type ValidateFunction } from 'ajv';

export type Verdict = 'likely-true' | 'likely-false' | 'uncertain';

export interface ProposedEdit {
  /** The exact text to replace, copied from the code; null when a line range is given instead. */
  original: string | null;
  /** 1-based inclusive line range to replace whole lines; null when `original` is given. */
  startLine: number | null;
  endLine: number | null;
  replacement: string;
}

export interface Explanation {
  summary: string;
  whyItMatters: string;
  exploitScenario: string;
  fix: { description: string; edits: ProposedEdit[] };
  confidence: number;
}

export interface TriageAnswer {
  verdict: Verdict;
  reasoning: string;
  confidence: number;
}

export interface VersionedSchema<T> {
  /** The name sent as json_schema.name; includes the version. */
  name: string;
  version: string;
  schema: Record<string, unknown>;
  validate: ValidateFunction<T>;
}

const confidence = { type: 'number', minimum: 0, maximum: 1, description: '0 = a guess, 1 = certain.' };
const nullableInteger = { type: ['integer', 'null'], minimum: 1 };

const explanationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'whyItMatters', 'exploitScenario', 'fix', 'confidence'],
  properties: {
    summary: { type: 'string' },
    whyItMatters: { type: 'string' },
    exploitScenario: { type: 'string' },
    fix: {
      type: 'object',
      additionalProperties: false,
      required: ['description', 'edits'],
      properties: {
        description: { type: 'string' },
        edits: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['original', 'startLine', 'endLine', 'replacement'],
            properties: {
              original: { type: ['string', 'null'] },
              startLine: nullableInteger,
              endLine: nullableInteger,
              replacement: { type: 'string' },
            },
          },
        },
      },
    },
    confidence,
  },
};

const triageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['verdict', 'reasoning', 'confidence'],
  properties: {
    verdict: { type: 'string', enum: ['likely-true', 'likely-false', 'uncertain'] },
    reasoning: { type: 'string' },
    confidence,
  },
};

const ajv = new Ajv({ allErrors: true, strict: false });

export const EXPLANATION_SCHEMA: VersionedSchema<Explanation> = {
  name: 'sol_audit_explanation_v1',
  version: 'explanation-v1',
  schema: explanationSchema,
  validate: ajv.compile<Explanation>(explanationSchema),
};

export const TRIAGE_SCHEMA: VersionedSchema<TriageAnswer> = {
  name: 'sol_audit_triage_v1',
  version: 'triage-v1',
  schema: triageSchema,
  validate: ajv.compile<TriageAnswer>(triageSchema),
};

/** A short, model-readable list of what failed validation, for the single retry. */
export function schemaErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`).join('; ');
}
