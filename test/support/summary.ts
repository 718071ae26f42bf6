// Every JSON summary a test reads comes through here and is checked against the schema
// (schema/summary.schema.json), so that any summary the tests see vfm write keeps the contract.
import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import { readFileSync } from 'fs';
import path from 'path';
import { SummaryJson } from '../../src/faces/cli/summary-json';

export const SUMMARY_SCHEMA_FILE = path.resolve(__dirname, '../../schema/summary.schema.json');
export const SUMMARY_SCHEMA = JSON.parse(readFileSync(SUMMARY_SCHEMA_FILE, 'utf8'));

// Strict: a keyword ajv does not know, or a schema that is not valid draft 2020-12, fails here.
const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(SUMMARY_SCHEMA);

/** The summary, if the schema takes it; otherwise throws with each of ajv's errors on a line. */
export function checkSummary(value: unknown, what = 'the summary'): SummaryJson {
  if (validate(value)) return value as SummaryJson;
  throw new Error(`${what} does not follow ${path.relative(process.cwd(), SUMMARY_SCHEMA_FILE)}:\n${describe(validate.errors ?? [])}`);
}

/** Reads a summary vfm wrote, and checks it against the schema. */
export function readSummary(file: string): SummaryJson {
  return checkSummary(JSON.parse(readFileSync(file, 'utf8')), file);
}

function describe(errors: readonly ErrorObject[]): string {
  return errors.map((e) => `  ${e.instancePath || '(the summary)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`).join('\n');
}
