import { describe, expect, test } from 'vitest';
import { openApiDocument } from '../../../src-cloud/http/openapi';
import { ROUTES } from '../../../src-cloud/http/routes';
import { MUTATION_NAMES } from '../../../src-shared/sync/mutations';

describe('the API description', () => {
  const doc = openApiDocument(ROUTES) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };

  test('describes every route of the table, with its access', () => {
    for (const route of ROUTES) {
      const operation =
        doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
      expect(operation?.['x-access']).toBe(route.access);
    }
  });

  test('shows each mutation with its arguments, from the shared schemas', () => {
    const push = JSON.stringify(doc.paths['/v1/mutations']?.post?.requestBody);
    for (const name of MUTATION_NAMES) expect(push).toContain(`"const":"${name}"`);
    expect(push).toContain('"leadId"');
    const login = JSON.stringify(doc.paths['/v1/auth/login']?.post);
    expect(login).toContain('"password"');
    const pull = doc.paths['/v1/sync']?.get?.parameters as { name: string; in: string }[];
    expect(pull.map((p) => [p.name, p.in])).toEqual([
      ['since', 'query'],
      ['limit', 'query'],
    ]);
  });
});
