// Holds JSON answers to the server's own OpenAPI document (/api/v1/openapi.json), so that a module's behaviour
// test checks its operations against what its openapi.json fragment declares (Ajv, JSON Schema 2020-12).
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import { BASE, createToken, fetch } from './client.mjs';

/** The server's OpenAPI document, read with `token` (the document needs a sign-in or an API token). */
export async function openApiDocument(token = createToken('admin', 'openapi-document')) {
  const res = await fetch(`${BASE}/api/v1/openapi.json`, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200, 'GET /api/v1/openapi.json with a token');
  return res.json();
}

/** Loads the document once and returns assertDocumented(operation, res): the response's status must be one the
 * operation ("GET /api/v1/things/{id}") declares, and its JSON body must match the schema declared for it. */
export async function openApiChecker() {
  const doc = await openApiDocument();
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // The document's own top-level words are not JSON Schema keywords; they are allowed and ignored.
  ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'paths', 'components', 'tags', 'externalDocs', 'webhooks', 'jsonSchemaDialect']);
  ajv.addFormat('date', /^\d{4}-\d\d-\d\d$/);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
  ajv.addSchema(doc, 'openapi');
  const validators = new Map();

  const validatorFor = (operation, status) => {
    const key = `${operation} ${status}`;
    if (!validators.has(key)) {
      const [method, path] = operation.split(' ');
      const response = doc.paths[path]?.[method.toLowerCase()]?.responses?.[status];
      assert.ok(response, `${operation} documents status ${status}`);
      const schema = response.content?.['application/json']?.schema;
      assert.ok(schema, `${operation} ${status} documents an application/json schema`);
      const rebased = JSON.parse(JSON.stringify(schema), (k, v) => (k === '$ref' && v.startsWith('#') ? `openapi${v}` : v));
      validators.set(key, ajv.compile(rebased));
    }
    return validators.get(key);
  };

  /** The declared statuses of an operation, as numbers. */
  const declared = (operation) => {
    const [method, path] = operation.split(' ');
    const responses = doc.paths[path]?.[method.toLowerCase()]?.responses;
    assert.ok(responses, `${operation} is documented`);
    return Object.keys(responses).map(Number).sort();
  };

  async function assertDocumented(operation, res) {
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/, `${operation} ${res.status}: JSON`);
    const body = await res.json();
    const validate = validatorFor(operation, res.status);
    assert.ok(validate(body), `${operation} ${res.status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 400)}`);
    return body;
  }
  assertDocumented.declared = declared;
  return assertDocumented;
}
