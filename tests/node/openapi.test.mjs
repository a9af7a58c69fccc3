// The app's OpenAPI document (src/OrgFunctions/OpenApi/openapi.json, the file the app embeds and serves) is a valid
// OpenAPI 3.1 document, its schemas are valid JSON Schema, and its request bodies are closed. The xunit tests in
// tests/OrgFunctions.Tests/OpenApi hold it to the app's routes and real responses; this holds it to the standards.
// Each check is also run on a deliberately broken copy, to show it can fail.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { loadOpenApi, openRequestObjects, schemaCompileErrors, validateOpenApi } from './lib/openapi-checks.mjs';

const document = loadOpenApi();

describe('the OpenAPI document', () => {
  test('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)', async () => {
    const result = await validateOpenApi(document);
    assert.deepEqual(result.errors, []);
    assert.equal(result.valid, true);
    assert.equal(result.version, '3.1');
  });

  test('every schema in it compiles as JSON Schema 2020-12 (Ajv, strict)', () => {
    assert.deepEqual(schemaCompileErrors(document), []);
  });

  test('every object a request body can hold refuses unknown fields (additionalProperties: false)', () => {
    assert.ok(Object.values(document.paths).some((item) => Object.values(item).some((op) => op?.requestBody)), 'no request bodies found');
    assert.deepEqual(openRequestObjects(document), []);
  });

  test('every operation but sign-up, sign-in, set-password, an invitation link, health and the document itself needs the bearer token', () => {
    assert.deepEqual(document.security, [{ apiKey: [] }]);
    assert.equal(document.components.securitySchemes.apiKey.type, 'http');
    assert.equal(document.components.securitySchemes.apiKey.scheme, 'bearer');
    const anonymous = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item)
      .filter(([, op]) => Array.isArray(op?.security) && op.security.length === 0).map(([method]) => `${method} ${path}`));
    assert.deepEqual(anonymous.sort(), [
      'get /health', 'get /invitations/{token}', 'get /openapi.json', 'post /auth/set-password', 'post /auth/sign-in',
      'post /invitations/{token}/accept', 'post /signup',
    ]);
  });
});

describe('a deliberately broken copy of the document fails the check that should catch it', () => {
  const broken = (mutate) => {
    const copy = structuredClone(document);
    mutate(copy);
    return copy;
  };

  test('a $ref to a schema that does not exist fails the OpenAPI validator', async () => {
    const result = await validateOpenApi(broken((d) => {
      d.paths['/orgs/{orgId}'].get.responses['200'].content['application/json'].schema.$ref = '#/components/schemas/Organisation';
    }));
    assert.equal(result.valid, false);
    assert.match(JSON.stringify(result.errors), /Organisation/);
  });

  test('a parameter without `in` fails the OpenAPI validator', async () => {
    const result = await validateOpenApi(broken((d) => delete d.components.parameters.OrgId.in));
    assert.equal(result.valid, false);
  });

  test('a path without its leading slash fails the OpenAPI validator', async () => {
    const result = await validateOpenApi(broken((d) => {
      d.paths['health'] = d.paths['/health'];
      delete d.paths['/health'];
    }));
    assert.equal(result.valid, false);
  });

  test('a misspelt type passes the OpenAPI validator but fails the JSON Schema compile', async () => {
    const copy = broken((d) => { d.components.schemas.Org.properties.depth.type = 'integr'; });
    assert.equal((await validateOpenApi(copy)).valid, true);
    assert.ok(schemaCompileErrors(copy).some((e) => e.startsWith('components/schemas/Org:')), schemaCompileErrors(copy).join('\n'));
  });

  test('a request body that accepts unknown fields fails the closed-body check', () => {
    const copy = broken((d) => { delete d.components.schemas.SignupRequest.properties.owner.additionalProperties; });
    assert.deepEqual(openRequestObjects(copy), ['POST /signup application/json -> #/components/schemas/SignupRequest.owner']);
  });
});
