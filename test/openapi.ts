// Arbitraries derived from the app's OpenAPI document, shared by the fuzzer and the tenant matrix.
import fc from 'fast-check';

export type Schema = Record<string, any>;

export function resolve(schema: Schema, doc: Schema): Schema {
  if (schema?.$ref) {
    const name = String(schema.$ref).split('/').pop()!;
    return doc.components?.schemas?.[name] ?? {};
  }
  return schema ?? {};
}

/** Well-formed values of a schema (what a correct client might send), depth-bounded. */
export function valid(s0: Schema, doc: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(s0, doc);
  if (depth > 8) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (Array.isArray(alts) && alts.length) return fc.oneof(...alts.map((a: Schema) => valid(a, doc, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'date') return fc.constantFrom('2026-12-31', '2027-01-15');
      if (s.format === 'date-time') return fc.constant(new Date().toISOString());
      if (s.format === 'email') return fc.constant('someone@example.test');
      if (typeof s.pattern === 'string') {
        const [min, max] = [s.minLength ?? 0, s.maxLength ?? Number.POSITIVE_INFINITY];
        return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= min && x.length <= max);
      }
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 20, 20) });
    case 'integer':
      return fc.integer({ min: s.minimum ?? -10, max: Math.min(s.maximum ?? 1000, 2 ** 31 - 1) });
    case 'number':
      return fc.double({ min: s.minimum ?? -10, max: s.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(s.items ?? {}, doc, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(Math.max(3, s.minItems ?? 0), s.maxItems ?? Number.POSITIVE_INFINITY),
      });
    default: {
      const props: Record<string, Schema> = s.properties ?? {};
      if (!Object.keys(props).length) return fc.constant({});
      const required = new Set<string>(s.required ?? []);
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valid(v, doc, depth + 1)])), {
        requiredKeys: Object.keys(props).filter((k) => required.has(k)),
      });
    }
  }
}
