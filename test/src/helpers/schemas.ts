// The published JSON Schemas, compiled once with ajv in strict mode.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { repoRoot } from './paths';

const ajv = new Ajv2020({ strict: true, allErrors: true });

function load(name: string) {
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', name), 'utf8')));
}

export const validateCheckReport = load('check-report.schema.json');
export const validateModel = load('partnership-model.schema.json');

export function schemaErrors(validate: ReturnType<typeof load>): string {
  return ajv.errorsText(validate.errors, { separator: '\n' });
}
export const validateStatus = load('partnership-status.schema.json');
export const validateCalendar = load('partnership-calendar.schema.json');
