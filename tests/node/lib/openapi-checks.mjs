// Checks of the app's OpenAPI document (src/OrgFunctions/OpenApi/openapi.json), read from the source file:
//  1. the OpenAPI 3.1 validator (@seriousme/openapi-schema-validator): structure, and that every $ref resolves;
//  2. every schema in it compiles as JSON Schema 2020-12 (Ajv, strict) — the validator accepts any object as a
//     schema, so a typo such as `"type": "strnig"` would pass layer 1;
//  3. request bodies are closed: every object a request body can hold says `additionalProperties: false`,
//     as the app's readers refuse unknown fields.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import { repoRoot } from './paths.mjs';

export const openApiPath = join(repoRoot, 'src', 'OrgFunctions', 'OpenApi', 'openapi.json');

export const loadOpenApi = () => JSON.parse(readFileSync(openApiPath, 'utf8'));

/** Layer 1: { valid, version, errors } from the OpenAPI validator. */
export async function validateOpenApi(document) {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document));
  return { valid: result.valid, version: validator.version, errors: result.errors ?? [] };
}

const pointer = (tokens) => '#/' + tokens.map((t) => encodeURIComponent(String(t).replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');

/** Where the document holds schemas: components.schemas, and the `schema` of parameters, headers and media types. */
export function schemaLocations(document) {
  const found = Object.keys(document.components?.schemas ?? {}).map((name) => ['components', 'schemas', name]);
  const walk = (node, tokens) => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'schema' && value && typeof value === 'object') found.push([...tokens, key]);
      else if (!(tokens.length === 1 && tokens[0] === 'components' && key === 'schemas')) walk(value, [...tokens, key]);
    }
  };
  walk({ paths: document.paths, components: document.components }, []);
  return found;
}

/** Layer 2: "location: reason" for each schema that doesn't compile as JSON Schema 2020-12. */
export function schemaCompileErrors(document) {
  const id = 'https://orgfunctions.dev/openapi.json';
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  // The document itself isn't a schema: its top-level members are only containers for $ref targets.
  for (const keyword of ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components']) ajv.addKeyword(keyword);
  ajv.addSchema({ ...document, $id: id });
  const errors = [];
  for (const tokens of schemaLocations(document)) {
    try {
      ajv.getSchema(id + pointer(tokens));
    } catch (error) {
      errors.push(`${tokens.join('/')}: ${error.message}`);
    }
  }
  return errors;
}

/** Resolves a local $ref ("#/components/schemas/Org") in the document. */
export function resolveRef(document, ref) {
  return ref.slice(2).split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node, token) => node?.[token], document);
}

/** Layer 3: "METHOD path: location" for each object in a request body that doesn't refuse unknown properties. */
export function openRequestObjects(document) {
  const problems = [];
  const visit = (schema, where, seen) => {
    if (!schema || typeof schema !== 'object') return;
    if (schema.$ref) {
      if (seen.has(schema.$ref)) return;
      visit(resolveRef(document, schema.$ref), `${where} -> ${schema.$ref}`, new Set([...seen, schema.$ref]));
      return;
    }
    const isObject = schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object')) || schema.properties;
    if (isObject && schema.additionalProperties !== false) problems.push(where);
    for (const [name, property] of Object.entries(schema.properties ?? {})) visit(property, `${where}.${name}`, seen);
    if (schema.items) visit(schema.items, `${where}[]`, seen);
    for (const key of ['allOf', 'anyOf', 'oneOf']) (schema[key] ?? []).forEach((s, i) => visit(s, `${where}/${key}[${i}]`, seen));
  };
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      let body = operation?.requestBody;
      if (!body) continue;
      if (body.$ref) body = resolveRef(document, body.$ref);
      for (const [mediaType, content] of Object.entries(body.content ?? {})) {
        visit(content.schema, `${method.toUpperCase()} ${path} ${mediaType}`, new Set());
      }
    }
  }
  return problems;
}
