// The JSON API against its own OpenAPI 3.1 document: every documented operation is called for every status
// it declares, and each real body is validated (Ajv, JSON Schema 2020-12) against the schema declared for
// that status. Also: the server's /api/v1 routes and the document list the same operations, undocumented
// methods are refused, errors always have the {"error": {"code", "message", "fields"}} shape with a Korean
// message, and bad JSON, wrong types and unknown fields get 422 with `fields` and change nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import { BASE, Client, createToken, hangul, runSuffix as run } from './lib/client.mjs';

// Every /api/v1 route the server registers (src/platform/**: web.api and web.raw). Keep in step with the code:
// the test below fails when the document and this list disagree.
const SERVER_ROUTES = [
  'GET /api/v1/openapi.json',
  'GET /api/v1/me',
  'GET /api/v1/people',
  'GET /api/v1/people/{id}',
  'GET /api/v1/organizations',
  'POST /api/v1/organizations',
  'GET /api/v1/organizations/{id}',
  'PATCH /api/v1/organizations/{id}',
  'GET /api/v1/accounts',
  'POST /api/v1/accounts',
  'GET /api/v1/accounts/{id}',
  'GET /api/v1/holidays',
  'GET /api/v1/working-days/add',
  'GET /api/v1/working-days/between',
  'GET /api/v1/search',
  'GET /api/v1/history',
  'GET /api/v1/indicators',
  'GET /api/v1/indicators/{code}',
];
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** One API call; `body` is JSON-encoded unless `raw` (a string or Buffer sent as is) is given. */
async function call(method, path, { token, body, raw } = {}) {
  const res = await fetch(BASE + path, {
    method,
    redirect: 'manual',
    headers: {
      accept: 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
      ...((body !== undefined || raw !== undefined) && { 'content-type': 'application/json' }),
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, json };
}

let doc;
let ajv;
let admin; // token
let jeonju; // token (a non-admin)
let provinceId;
let municipalityId;

/** The schema of a documented response, compiled with its #/components refs resolved in the document. */
const validators = new Map();
function validatorFor(operationKey, status) {
  const key = `${operationKey} ${status}`;
  if (!validators.has(key)) {
    const [method, path] = operationKey.split(' ');
    const response = doc.paths[path]?.[method.toLowerCase()]?.responses?.[status];
    assert.ok(response, `${operationKey} documents status ${status}`);
    const schema = response.content?.['application/json']?.schema;
    assert.ok(schema, `${operationKey} ${status} documents an application/json schema`);
    const rebased = JSON.parse(JSON.stringify(schema), (k, v) => (k === '$ref' && v.startsWith('#') ? `openapi${v}` : v));
    validators.set(key, ajv.compile(rebased));
  }
  return validators.get(key);
}

function assertMatchesDocument(operationKey, status, res) {
  assert.equal(res.status, status, `${operationKey}: expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
  assert.match(res.contentType, /^application\/json/, `${operationKey} ${status}: content type`);
  assert.ok(res.json !== undefined, `${operationKey} ${status}: body is JSON`);
  const validate = validatorFor(operationKey, status);
  assert.ok(
    validate(res.json),
    `${operationKey} ${status}: body does not match the document: ${ajv.errorsText(validate.errors)}\n${res.text.slice(0, 500)}`,
  );
  if (status >= 400) assertError(res);
}

/** The common error shape, with a Korean message. */
function assertError(res, code) {
  const body = res.json;
  assert.ok(body && typeof body.error === 'object', `error body: ${res.text}`);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'fields', 'message']);
  assert.equal(typeof body.error.code, 'string');
  assert.match(body.error.message, hangul, `Korean message: ${body.error.message}`);
  assert.ok(body.error.fields && typeof body.error.fields === 'object' && !Array.isArray(body.error.fields));
  for (const v of Object.values(body.error.fields)) assert.match(v, hangul);
  if (code) assert.equal(body.error.code, code);
}

// Codes are at most 20 characters: the run, and the first letters of the purpose.
const newOrganization = (suffix) => ({
  code: `A-${run}-${suffix.slice(0, 4)}`.toUpperCase(),
  name: `API 시험 ${suffix} ${run}`,
  kind: 'agency',
  parent_id: provinceId,
  sort_order: 5,
});
const newAccount = (suffix) => ({
  login_id: `a-${suffix}-${run}`,
  display_name: `API 시험 ${suffix}`,
  email: `a-${suffix}-${run}@test.example`,
  position: '주무관',
  organization_id: municipalityId,
  roles: ['municipal'],
  active: true,
});

async function createOrganization(suffix) {
  const res = await call('POST', '/api/v1/organizations', { token: admin, body: newOrganization(suffix) });
  assert.equal(res.status, 201, res.text);
  return res.json;
}

// For each documented operation, a way to provoke each status it declares.
const CASES = {
  'GET /api/v1/openapi.json': { 200: () => call('GET', '/api/v1/openapi.json', { token: jeonju }), 401: () => call('GET', '/api/v1/openapi.json') },
  'GET /api/v1/indicators': { 200: () => call('GET', '/api/v1/indicators', { token: admin }), 401: () => call('GET', '/api/v1/indicators') },
  'GET /api/v1/indicators/{code}': {
    200: () => call('GET', '/api/v1/indicators/accounts.active_accounts?year=2026', { token: admin }),
    401: () => call('GET', '/api/v1/indicators/accounts.active_accounts'),
    404: () => call('GET', '/api/v1/indicators/accounts.active_accounts', { token: jeonju }),
    422: () => call('GET', '/api/v1/indicators/accounts.active_accounts?year=1999', { token: admin }),
  },
  'GET /api/v1/holidays': { 200: () => call('GET', '/api/v1/holidays?year=2026', { token: jeonju }), 401: () => call('GET', '/api/v1/holidays?year=2026'), 422: () => call('GET', '/api/v1/holidays?year=1999', { token: jeonju }) },
  'GET /api/v1/working-days/add': { 200: () => call('GET', '/api/v1/working-days/add?start=2026-09-23&days=5', { token: jeonju }), 401: () => call('GET', '/api/v1/working-days/add?start=2026-09-23&days=5'), 422: () => call('GET', '/api/v1/working-days/add?start=2026-02-30&days=5', { token: jeonju }) },
  'GET /api/v1/working-days/between': { 200: () => call('GET', '/api/v1/working-days/between?from=2026-09-23&to=2026-10-09', { token: jeonju }), 401: () => call('GET', '/api/v1/working-days/between?from=2026-09-23&to=2026-10-09'), 422: () => call('GET', '/api/v1/working-days/between?from=2026-09-23&to=soon', { token: jeonju }) },
  'GET /api/v1/me': {
    200: () => call('GET', '/api/v1/me', { token: jeonju }),
    401: () => call('GET', '/api/v1/me'),
  },
  'GET /api/v1/people': {
    200: () => call('GET', `/api/v1/people?q=${encodeURIComponent('전주')}`, { token: jeonju }),
    401: () => call('GET', '/api/v1/people'),
  },
  'GET /api/v1/people/{id}': {
    200: async () => {
      const me = (await call('GET', '/api/v1/me', { token: jeonju })).json;
      return call('GET', `/api/v1/people/${me.id}`, { token: jeonju });
    },
    401: () => call('GET', '/api/v1/people/1'),
    404: async () => {
      const gunsan = (await call('GET', '/api/v1/accounts?role=municipal', { token: admin })).json.items.find((a) => a.login_id === 'gunsan');
      return call('GET', `/api/v1/people/${gunsan.id}`, { token: jeonju });
    },
  },
  'GET /api/v1/organizations': {
    200: () => call('GET', '/api/v1/organizations?kind=municipality&active=true', { token: jeonju }),
    401: () => call('GET', '/api/v1/organizations', { token: 'stg_wrong' }),
    422: () => call('GET', '/api/v1/organizations?kind=planet', { token: jeonju }),
  },
  'POST /api/v1/organizations': {
    201: () => call('POST', '/api/v1/organizations', { token: admin, body: newOrganization('post') }),
    401: () => call('POST', '/api/v1/organizations', { body: newOrganization('anon') }),
    403: () => call('POST', '/api/v1/organizations', { token: jeonju, body: newOrganization('jeonju') }),
    409: () => call('POST', '/api/v1/organizations', { token: admin, body: { ...newOrganization('dup'), code: '52110' } }),
    422: () => call('POST', '/api/v1/organizations', { token: admin, body: { ...newOrganization('bad'), name: '' } }),
  },
  'GET /api/v1/organizations/{id}': {
    200: () => call('GET', `/api/v1/organizations/${provinceId}`, { token: jeonju }),
    401: () => call('GET', `/api/v1/organizations/${provinceId}`),
    404: () => call('GET', '/api/v1/organizations/99999999', { token: jeonju }),
  },
  'PATCH /api/v1/organizations/{id}': {
    200: async () => {
      const org = await createOrganization('patch');
      return call('PATCH', `/api/v1/organizations/${org.id}`, {
        token: admin,
        body: { name: `API 바뀐 이름 ${run}`, rename_reason: '시험 개명', sort_order: 9 },
      });
    },
    401: () => call('PATCH', `/api/v1/organizations/${provinceId}`, { body: { sort_order: 1 } }),
    403: () => call('PATCH', `/api/v1/organizations/${provinceId}`, { token: jeonju, body: { sort_order: 1 } }),
    404: () => call('PATCH', '/api/v1/organizations/99999999', { token: admin, body: { sort_order: 1 } }),
    409: async () => {
      const org = await createOrganization('clash');
      return call('PATCH', `/api/v1/organizations/${org.id}`, { token: admin, body: { code: '52130' } });
    },
    422: async () => {
      const org = await createOrganization('noreason');
      return call('PATCH', `/api/v1/organizations/${org.id}`, { token: admin, body: { name: `사유 없는 개명 ${run}` } });
    },
  },
  'GET /api/v1/accounts': {
    200: () => call('GET', `/api/v1/accounts?organization_id=${municipalityId}&role=municipal`, { token: admin }),
    401: () => call('GET', '/api/v1/accounts'),
    403: () => call('GET', '/api/v1/accounts', { token: jeonju }),
    422: () => call('GET', '/api/v1/accounts?role=emperor', { token: admin }),
  },
  'POST /api/v1/accounts': {
    201: () => call('POST', '/api/v1/accounts', { token: admin, body: newAccount('post') }),
    401: () => call('POST', '/api/v1/accounts', { body: newAccount('anon') }),
    403: () => call('POST', '/api/v1/accounts', { token: jeonju, body: newAccount('jeonju') }),
    409: () => call('POST', '/api/v1/accounts', { token: admin, body: { ...newAccount('dup'), login_id: 'gunsan' } }),
    422: () => call('POST', '/api/v1/accounts', { token: admin, body: { ...newAccount('bad'), roles: [] } }),
  },
  'GET /api/v1/accounts/{id}': {
    200: async () => {
      const me = (await call('GET', '/api/v1/me', { token: jeonju })).json;
      return call('GET', `/api/v1/accounts/${me.id}`, { token: admin });
    },
    401: () => call('GET', '/api/v1/accounts/1'),
    403: () => call('GET', '/api/v1/accounts/1', { token: jeonju }),
    404: () => call('GET', '/api/v1/accounts/99999999', { token: admin }),
  },
  'GET /api/v1/search': {
    200: () => call('GET', `/api/v1/search?q=${encodeURIComponent('전주 협력')}`, { token: admin }),
    401: () => call('GET', `/api/v1/search?q=${encodeURIComponent('전주')}`),
    422: () => call('GET', '/api/v1/search?q=', { token: jeonju }),
  },
  'GET /api/v1/history': {
    200: () => call('GET', '/api/v1/history?record_type=account&kind=change', { token: admin }),
    401: () => call('GET', '/api/v1/history'),
    403: () => call('GET', '/api/v1/history', { token: jeonju }),
    422: () => call('GET', '/api/v1/history?from=2026-02-30', { token: admin }),
  },
};

function documentedOperations() {
  const out = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) if (item[method]) out.push(`${method.toUpperCase()} ${path}`);
  }
  return out.sort();
}

/** A concrete path for a documented path template. */
const concrete = (template) => template.replace('{id}', String(provinceId));

before(async () => {
  admin = createToken('admin', 'api-test');
  jeonju = createToken('jeonju', 'api-test');
  const res = await call('GET', '/api/v1/openapi.json', { token: jeonju });
  assert.equal(res.status, 200);
  doc = res.json;
  ajv = new Ajv2020({ strict: true, allErrors: true });
  // The document's own top-level words are not JSON Schema keywords; they are allowed and ignored.
  ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'paths', 'components', 'tags', 'externalDocs', 'webhooks', 'jsonSchemaDialect']);
  ajv.addFormat('date', /^\d{4}-\d\d-\d\d$/);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
  ajv.addSchema(doc, 'openapi');
  const orgs = (await call('GET', '/api/v1/organizations', { token: admin })).json.items;
  provinceId = orgs.find((o) => o.code === '52000').id;
  municipalityId = orgs.find((o) => o.code === '52110').id;
});

test('the OpenAPI document is 3.1 and every schema in it compiles', () => {
  assert.equal(doc.openapi, '3.1.0');
  assert.match(doc.info.title, /Sotong/);
  for (const name of Object.keys(doc.components.schemas)) {
    assert.equal(typeof ajv.getSchema(`openapi#/components/schemas/${name}`), 'function', name);
  }
  for (const op of documentedOperations()) {
    const [method, path] = op.split(' ');
    const operation = doc.paths[path][method.toLowerCase()];
    assert.ok(operation.operationId, `${op} has an operationId`);
    assert.ok(Object.keys(operation.responses).length >= 2, `${op} declares a success and an error`);
  }
});

test('the document and the server list the same /api/v1 operations', async () => {
  // The platform's operations are all documented; a module's operations (src/modules/…) are checked
  // against the document by the module's own HTTP test (scripts/new-module stamps it), so adding a module
  // needs no change here. Every documented operation is answered below.
  const documented = documentedOperations();
  for (const op of SERVER_ROUTES) assert.ok(documented.includes(op), `${op} is documented`);
  // Each is answered (never 404/405), and the methods a path does not document are refused.
  for (const path of Object.keys(doc.paths)) {
    for (const method of METHODS) {
      const res = await call(method.toUpperCase(), concrete(path), method === 'get' ? {} : { body: {} });
      if (doc.paths[path][method]) {
        assert.ok(![404, 405].includes(res.status), `${method.toUpperCase()} ${path} is answered: ${res.status}`);
      } else {
        assert.equal(res.status, 405, `${method.toUpperCase()} ${path} is not an operation`);
        assertError(res, 'method_not_allowed');
      }
    }
  }
  for (const path of ['/api/v1/nothing-here', '/api/v1/organizations/1/children', '/api/v2/organizations', '/api/v1/']) {
    const res = await call('GET', path, { token: admin });
    assert.equal(res.status, 404, path);
    assert.match(res.contentType, /^application\/json/, path);
    assertError(res, 'not_found');
  }
});

test('every operation, for every status it declares, answers a body that matches its schema', async () => {
  assert.deepEqual(Object.keys(CASES).sort(), [...SERVER_ROUTES].sort());
  for (const [operationKey, cases] of Object.entries(CASES)) {
    const [method, path] = operationKey.split(' ');
    const declared = Object.keys(doc.paths[path][method.toLowerCase()].responses).sort();
    assert.deepEqual(Object.keys(cases).sort(), declared, `${operationKey}: a case for every declared status`);
    for (const status of declared) assertMatchesDocument(operationKey, Number(status), await cases[status]());
  }
});

test('the OpenAPI document needs a sign-in or an API token: anonymous and forged callers get 401 JSON', async () => {
  // It maps every operation and field of the API: not for whoever reaches the server.
  for (const token of [undefined, 'stg_wrong', admin.slice(0, -1)]) {
    const res = await call('GET', '/api/v1/openapi.json', { token });
    assert.equal(res.status, 401, `token ${token}`);
    assertError(res, 'unauthenticated');
    assert.doesNotMatch(res.text, /"paths"/);
  }
  assertMatchesDocument('GET /api/v1/openapi.json', 200, await call('GET', '/api/v1/openapi.json', { token: admin }));
  // A signed-in browser reads it with its session, as it reads the other API operations.
  const browser = new Client();
  await browser.login('researcher');
  const res = await browser.get('/api/v1/openapi.json', { accept: 'application/json' });
  assert.equal(res.status, 200);
  assert.equal((await res.json()).openapi, '3.1.0');
});

test('documented query parameters filter as described', async () => {
  const municipalities = (await call('GET', '/api/v1/organizations?kind=municipality', { token: jeonju })).json.items;
  assert.ok(municipalities.length >= 14);
  assert.ok(municipalities.every((o) => o.kind === 'municipality' && o.kind_label === '시·군'));
  assert.equal(municipalities.find((o) => o.code === '52110')?.name, '전주시');
  assert.equal(municipalities.find((o) => o.code === '52800')?.name, '부안군');

  const all = (await call('GET', '/api/v1/organizations', { token: jeonju })).json.items;
  const active = (await call('GET', '/api/v1/organizations?active=true', { token: jeonju })).json.items;
  assert.ok(active.every((o) => o.active === true));
  const inactive = (await call('GET', '/api/v1/organizations?active=false', { token: jeonju })).json.items;
  assert.ok(inactive.every((o) => o.active === false));
  assert.equal(active.length + inactive.length, all.length);

  const accounts = (await call('GET', `/api/v1/accounts?organization_id=${municipalityId}&role=municipal`, { token: admin })).json.items;
  assert.ok(accounts.some((a) => a.login_id === 'jeonju'));
  assert.ok(accounts.every((a) => a.organization.id === municipalityId && a.roles.includes('municipal')));
});

test('a created organisation and account read back as sent; the initial password is shown once', async () => {
  const sent = newOrganization('roundtrip');
  const created = await call('POST', '/api/v1/organizations', { token: admin, body: sent });
  assert.equal(created.status, 201);
  const read = await call('GET', `/api/v1/organizations/${created.json.id}`, { token: jeonju });
  for (const k of Object.keys(sent)) assert.deepEqual(read.json[k], sent[k], k);
  assert.deepEqual(read.json.former_names, []);

  const renamed = await call('PATCH', `/api/v1/organizations/${created.json.id}`, {
    token: admin,
    body: { name: `${sent.name} (개명)`, rename_reason: '시험' },
  });
  assert.equal(renamed.status, 200);
  const history = (await call('GET', `/api/v1/organizations/${created.json.id}`, { token: jeonju })).json.former_names;
  assert.deepEqual(history.map((n) => [n.name, n.reason]), [[sent.name, '시험']]);

  const account = await call('POST', '/api/v1/accounts', { token: admin, body: newAccount('roundtrip') });
  assert.equal(account.status, 201);
  assert.match(account.json.initial_password, /^\S{8,}$/);
  const readAccount = await call('GET', `/api/v1/accounts/${account.json.id}`, { token: admin });
  assert.equal(readAccount.json.login_id, `a-roundtrip-${run}`);
  assert.deepEqual(readAccount.json.roles, ['municipal']);
  assert.equal(readAccount.json.must_change_password, true);
  assert.ok(!readAccount.text.includes(account.json.initial_password));
});

// Writes with a request body, and a valid body for each.
const WRITES = () => [
  ['POST /api/v1/organizations', '/api/v1/organizations', newOrganization('w'), 'OrganizationInput'],
  ['PATCH /api/v1/organizations/{id}', `/api/v1/organizations/${provinceId}`, { sort_order: 0 }, 'OrganizationPatch'],
  ['POST /api/v1/accounts', '/api/v1/accounts', newAccount('w'), 'AccountInput'],
];

async function assertNothingCreated() {
  const orgs = (await call('GET', '/api/v1/organizations', { token: admin })).json.items;
  assert.ok(!orgs.some((o) => o.code === newOrganization('w').code), 'no organisation was created');
  const accounts = (await call('GET', '/api/v1/accounts', { token: admin })).json.items;
  assert.ok(!accounts.some((a) => a.login_id === newAccount('w').login_id), 'no account was created');
  const province = (await call('GET', `/api/v1/organizations/${provinceId}`, { token: admin })).json;
  assert.equal(province.name, '전북특별자치도');
  assert.equal(province.code, '52000');
}

test('bad JSON, a non-object, broken UTF-8 and an empty body get 422 with `fields`', async () => {
  for (const [operationKey, path] of WRITES()) {
    const method = operationKey.split(' ')[0];
    for (const raw of ['{"code": ', '[1, 2]', '"text"', 'null', '', Buffer.from([0x7b, 0x22, 0xed, 0x95, 0x22, 0x3a, 0x31, 0x7d])]) {
      const res = await call(method, path, { token: admin, raw });
      assert.equal(res.status, 422, `${operationKey} with ${JSON.stringify(String(raw))}`);
      assertError(res, 'invalid_input');
      assert.ok(validatorFor(operationKey, 422)(res.json));
    }
  }
  await assertNothingCreated();
});

test('a wrong type for any documented field gets 422 naming that field', async () => {
  const wrong = (schema) => {
    const s = schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema;
    const types = [].concat(s.type ?? []);
    if (types.includes('string')) return 12345;
    if (types.includes('array')) return 'not-a-list';
    return 'not-a-number-or-flag';
  };
  for (const [operationKey, path, valid, schemaName] of WRITES()) {
    const method = operationKey.split(' ')[0];
    const properties = doc.components.schemas[schemaName].properties;
    for (const [field, schema] of Object.entries(properties)) {
      const res = await call(method, path, { token: admin, body: { ...valid, [field]: wrong(schema) } });
      assert.equal(res.status, 422, `${operationKey} ${field}: ${res.text}`);
      assertError(res, 'invalid_input');
      assert.ok(field in res.json.error.fields, `${operationKey}: fields names ${field}: ${res.text}`);
    }
    // A list of the wrong items, and a number too large, as well.
    if ('roles' in properties) {
      const res = await call(method, path, { token: admin, body: { ...valid, roles: [1, 2] } });
      assert.equal(res.status, 422);
      assert.ok('roles' in res.json.error.fields);
    }
    if ('sort_order' in properties) {
      const { sort_order: _, ...rest } = valid;
      const head = JSON.stringify(rest).slice(0, -1);
      const raw = `${head}${head.length > 1 ? ',' : ''}"sort_order":18446744073709551615}`;
      const big = await call(method, path, { token: admin, raw });
      assert.equal(big.status, 422, raw);
      assert.ok('sort_order' in big.json.error.fields);
    }
  }
  await assertNothingCreated();
});

test('unknown fields get 422 naming them, and missing required fields are named too', async () => {
  for (const [operationKey, path, valid] of WRITES()) {
    const method = operationKey.split(' ')[0];
    const res = await call(method, path, { token: admin, body: { ...valid, is_superuser: true } });
    assert.equal(res.status, 422, operationKey);
    assertError(res, 'invalid_input');
    assert.ok('is_superuser' in res.json.error.fields, `${operationKey}: ${res.text}`);
  }
  for (const [operationKey, path, valid, schemaName] of WRITES()) {
    const method = operationKey.split(' ')[0];
    for (const field of doc.components.schemas[schemaName].required ?? []) {
      const { [field]: _, ...rest } = valid;
      const res = await call(method, path, { token: admin, body: rest });
      assert.equal(res.status, 422, `${operationKey} without ${field}: ${res.text}`);
      assertError(res, 'invalid_input');
      assert.ok(field in res.json.error.fields, `${operationKey}: fields names the missing ${field}: ${res.text}`);
    }
  }
  await assertNothingCreated();
});
