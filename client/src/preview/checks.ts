// The runtime checks every message between the extension and the preview's page passes: each
// object a closed shape, a plain object with exactly the listed keys, each of the listed type.

export type Check = (value: unknown) => boolean;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export const isString: Check = (v) => typeof v === 'string';
export const isIndex: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
export const isBoolean: Check = (v) => typeof v === 'boolean';
export const isLine: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
export const isDepth: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
export const literal = (expected: string): Check => (v) => v === expected;
export const nullable = (check: Check): Check => (v) => v === null || check(v);
export const arrayOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
export const oneOf = (choices: Readonly<Record<string, true>>): Check => (v) => typeof v === 'string' && Object.hasOwn(choices, v);

/** A plain object whose own keys are exactly the keys of `T`, each passing its check. */
export function shape<T>(fields: { readonly [K in keyof T]-?: Check }): Check {
  const keys = Object.keys(fields);
  const checks = fields as Readonly<Record<string, Check>>;
  return (value) => {
    if (!isPlainObject(value)) return false;
    const own = Object.keys(value);
    return own.length === keys.length && own.every((k) => Object.hasOwn(checks, k) && checks[k](value[k]));
  };
}

/** Any number of own keys (party ids), each with a value passing `check`; never `__proto__`. */
export const recordOf = (check: Check): Check => (v) => isPlainObject(v) && Object.keys(v).every((k) => k !== '__proto__' && check(v[k]));

