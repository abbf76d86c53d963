import { z } from 'zod';
import { ErrorBodySchema } from './api-schemas';
import type { Route } from './route';

type JsonSchema = Record<string, unknown>;

const toJson = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;

/**
 * /v1/openapi.json, generated from the route table and the same zod schemas that check every
 * request, so the description cannot drift from what the server accepts.
 */
export function openApiDocument(routes: readonly Route[]): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const status = String(
      route.status ?? (route.response ? 200 : route.kind === 'websocket' ? 101 : 204),
    );
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      'x-access': route.access,
      security: route.access === 'public' ? [] : [{ bearer: [] }],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body && {
        requestBody: {
          required: true,
          content: {
            [route.acceptsForm ? 'application/x-www-form-urlencoded' : 'application/json']: {
              schema: toJson(route.bodyDoc ?? route.body, 'input'),
            },
          },
        },
      }),
      responses: {
        [status]: {
          description: route.kind === 'websocket' ? 'Switching to the live socket' : 'Success',
          ...(route.response && {
            content: { 'application/json': { schema: toJson(route.response, 'output') } },
          }),
        },
        default: {
          description: 'An error: a code a program can branch on and a sentence a person can read',
          content: { 'application/json': { schema: toJson(ErrorBodySchema, 'output') } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Showroom cloud API', version: '1' },
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const json = toJson(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}
