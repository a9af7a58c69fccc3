// Loads the official ARM deployment-template schemas (draft-04) into ajv and validates resource bodies
// by resource type and API version.
//
// Strict mode: the schemas leave additionalProperties open, so a misspelled property name would pass.
// In strict mode every object schema that lists `properties` and says nothing about
// additionalProperties is closed (additionalProperties: false), except schemas that are direct members
// of an allOf/anyOf/oneOf combination, and definitions that an allOf member references, because the
// properties of such a schema may be spread over several members.
//
// Expression tolerance (both modes): a string schema with length or pattern constraints and no
// expression alternative (for example a local user's name, 3 to 64 characters) also accepts an ARM
// expression "[...]", because its value is known only at deployment time (ARM itself checks it then).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv04 = require('ajv-draft-04');

const EXPRESSION_REF = 'https://schema.management.azure.com/schemas/common/definitions.json#/definitions/expression';
const EXPRESSION_PATTERN = '^\\[([^\\[].*)?\\]$';
const COMBINATIONS = ['allOf', 'anyOf', 'oneOf'];

function jsonFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

const isSchemaObject = (s) => s !== null && typeof s === 'object' && !Array.isArray(s);

// Local definitions referenced directly by an allOf member, e.g. "#/definitions/ARMResourceBase".
function allOfTargets(root) {
  const targets = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isSchemaObject(node)) return;
    for (const member of node.allOf ?? []) {
      if (isSchemaObject(member) && typeof member.$ref === 'string' && member.$ref.startsWith('#/')) targets.add(member.$ref);
    }
    Object.values(node).forEach(walk);
  };
  walk(root);
  return targets;
}

// Walks a schema structurally (so a property *named* "properties" is never mistaken for the keyword),
// returning the possibly replaced schema.
function transform(schema, { strict, inCombination, pointer, keepOpen }) {
  if (!isSchemaObject(schema)) return schema;
  const out = { ...schema };
  const sub = (s, p, combination = false) =>
    transform(s, { strict, inCombination: combination, pointer: p, keepOpen });
  if (isSchemaObject(out.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([k, v]) => [k, sub(v, `${pointer}/properties/${k}`)]));
  }
  for (const key of ['definitions', 'patternProperties']) {
    if (isSchemaObject(out[key])) {
      out[key] = Object.fromEntries(
        Object.entries(out[key]).map(([k, v]) => [k, sub(v, `${pointer}/${key}/${k}`)]));
    }
  }
  if (isSchemaObject(out.additionalProperties)) out.additionalProperties = sub(out.additionalProperties, `${pointer}/additionalProperties`);
  if (isSchemaObject(out.items)) out.items = sub(out.items, `${pointer}/items`);
  else if (Array.isArray(out.items)) out.items = out.items.map((s, i) => sub(s, `${pointer}/items/${i}`));
  if (isSchemaObject(out.not)) out.not = sub(out.not, `${pointer}/not`);
  for (const key of COMBINATIONS) {
    if (Array.isArray(out[key])) out[key] = out[key].map((s, i) => sub(s, `${pointer}/${key}/${i}`, true));
  }

  if (strict && isSchemaObject(out.properties) && out.additionalProperties === undefined
      && !inCombination && !keepOpen.has(`#${pointer}`)) {
    out.additionalProperties = false;
  }
  const constrainedString = out.type === 'string' && !out.enum && out.pattern !== EXPRESSION_PATTERN
    && (out.maxLength !== undefined || out.minLength !== undefined || out.pattern !== undefined);
  if (constrainedString && !inCombination) return { anyOf: [out, { $ref: EXPRESSION_REF }] };
  return out;
}

function prepare(schema, strict) {
  const keepOpen = allOfTargets(schema);
  const top = { ...schema };
  for (const key of Object.keys(top)) {
    if (key === 'definitions' || key.endsWith('resourceDefinitions')) {
      top[key] = Object.fromEntries(Object.entries(top[key]).map(([name, s]) =>
        [name, transform(s, { strict, inCombination: false, pointer: `/${key}/${name}`, keepOpen })]));
    }
  }
  return top;
}

function enumOf(schema) {
  if (!isSchemaObject(schema)) return [];
  if (Array.isArray(schema.enum)) return schema.enum;
  return (schema.oneOf ?? []).flatMap(enumOf);
}

/**
 * Loads every *.json schema under dir. Returns { validate(body) -> { ok, errors, schemaRef },
 * apiVersionsOf(type) }. A body whose type or API version no loaded schema describes is reported as
 * an error, never skipped.
 */
export function loadArmSchemas(dir, { strict = true } = {}) {
  const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, logger: false });
  const index = new Map(); // "type@apiVersion" (type lowercased) -> schema ref
  for (const path of jsonFiles(dir)) {
    const schema = prepare(JSON.parse(readFileSync(path, 'utf8')), strict);
    const id = String(schema.id).replace(/#$/, '');
    ajv.addSchema(schema, id);
    for (const key of Object.keys(schema).filter((k) => k.endsWith('resourceDefinitions'))) {
      for (const [name, definition] of Object.entries(schema[key])) {
        for (const type of enumOf(definition.properties?.type)) {
          for (const apiVersion of enumOf(definition.properties?.apiVersion)) {
            index.set(`${type.toLowerCase()}@${apiVersion}`, `${id}#/${key}/${name}`);
          }
        }
      }
    }
  }
  const compiled = new Map();
  const validatorFor = (ref) => {
    if (!compiled.has(ref)) compiled.set(ref, ajv.compile({ $ref: ref }));
    return compiled.get(ref);
  };
  return {
    apiVersionsOf(type) {
      const prefix = `${type.toLowerCase()}@`;
      return [...index.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
    },
    validate(body) {
      const ref = index.get(`${String(body.type).toLowerCase()}@${body.apiVersion}`);
      if (!ref) {
        return { ok: false, schemaRef: null, errors: [`no schema for ${body.type}@${body.apiVersion} (known versions: ${this.apiVersionsOf(body.type).join(', ') || 'none'})`] };
      }
      const validate = validatorFor(ref);
      const ok = validate(body);
      return { ok, schemaRef: ref, errors: ok ? [] : summarize(validate.errors) };
    },
  };
}

// ajv reports every failed oneOf branch; the useful lines are the leaf errors (not the oneOf/anyOf
// summaries) and, among those, not the ones saying a value isn't an expression string.
function summarize(errors) {
  const lines = errors
    .filter((e) => !['oneOf', 'anyOf'].includes(e.keyword))
    .filter((e) => !(e.keyword === 'pattern' && e.params.pattern === EXPRESSION_PATTERN))
    .filter((e) => !(e.keyword === 'type' && e.schemaPath.includes('expression')))
    .map((e) => {
      const where = e.instancePath || '/';
      if (e.keyword === 'additionalProperties') return `${where}: unknown property "${e.params.additionalProperty}"`;
      if (e.keyword === 'enum') return `${where}: must be one of ${JSON.stringify(e.params.allowedValues)}`;
      return `${where}: ${e.message}`;
    });
  return [...new Set(lines.length ? lines : errors.map((e) => `${e.instancePath || '/'}: ${e.message}`))];
}
