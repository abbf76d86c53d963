import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Twilio's own description of its REST API (Messages, Media, Calls; tests/fixtures/twilio), read
 * as the stand-in needs it: which paths exist, with which methods, path parameters, form fields
 * (required ones, enums, types) and query parameters. A request is checked against it before
 * the stand-in answers, so a request the SDK would send wrongly to Twilio fails here too.
 */
const FILE = join(
  import.meta.dirname,
  '../../fixtures/twilio/twilio_api_v2010_messages_calls.json',
);

interface Schema {
  type?: string;
  format?: string;
  enum?: string[];
  pattern?: string;
  $ref?: string;
  items?: Schema;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: {
    content: Record<
      string,
      { schema: { required?: string[]; properties: Record<string, Schema> } }
    >;
  };
  responses: Record<string, unknown>;
}

interface Description {
  paths: Record<string, Record<string, Operation | unknown>>;
  components: { schemas: Record<string, Schema & { properties?: Record<string, Schema> }> };
}

const FORM = 'application/x-www-form-urlencoded';
const METHODS = ['get', 'post', 'delete'] as const;

export interface MatchedOperation {
  /** The path template, e.g. /2010-04-01/Accounts/{AccountSid}/Messages.json */
  template: string;
  method: string;
  /** The path parameters, by name. */
  params: Record<string, string>;
}

export type CheckResult =
  | { ok: true; operation: MatchedOperation }
  | { ok: false; status: number; code: number; message: string };

export class TwilioApiDescription {
  private readonly doc: Description;
  private readonly templates: { template: string; pattern: RegExp; names: string[] }[];

  constructor(file: string = FILE) {
    this.doc = JSON.parse(readFileSync(file, 'utf8')) as Description;
    this.templates = Object.keys(this.doc.paths).map((template) => {
      const names: string[] = [];
      const source = template
        .split(/(\{\w+\})/)
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          if (!name) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          names.push(name);
          return '([^/]+)';
        })
        .join('');
      return { template, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** The schema of a message resource's fields, for answers in the documented shape. */
  resourceFields(schemaName: string): string[] {
    return Object.keys(this.doc.components.schemas[schemaName]?.properties ?? {});
  }

  /**
   * Checks path, method, path parameters, query parameters and form fields (known, required,
   * enum values, booleans and integers spelled as Twilio reads them). Auth is the caller's.
   */
  check(method: string, path: string, query: URLSearchParams, form: URLSearchParams): CheckResult {
    const found = this.templates
      .map((t) => ({ t, match: t.pattern.exec(path) }))
      .find((candidate) => candidate.match !== null);
    if (!found || !found.match) {
      return {
        ok: false,
        status: 404,
        code: 20404,
        message: `The requested resource ${path} was not found`,
      };
    }
    const verb = method.toLowerCase();
    const operation = (METHODS as readonly string[]).includes(verb)
      ? (this.doc.paths[found.t.template]?.[verb] as Operation | undefined)
      : undefined;
    if (!operation) {
      return {
        ok: false,
        status: 405,
        code: 20004,
        message: `Method ${method} not allowed on ${found.t.template}`,
      };
    }
    const params: Record<string, string> = {};
    found.t.names.forEach((name, index) => {
      params[name] = decodeURIComponent(found.match?.[index + 1] ?? '');
    });
    const problems: string[] = [];
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === 'path') {
        problems.push(
          ...this.valueProblems(parameter.name, [params[parameter.name] ?? ''], parameter.schema),
        );
      }
    }
    const queryNames = new Set(
      (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    );
    for (const name of new Set(query.keys())) {
      if (!queryNames.has(name)) problems.push(`unknown query parameter ${name}`);
    }
    const body = operation.requestBody?.content[FORM]?.schema;
    if (body) {
      for (const name of body.required ?? []) {
        if (!form.has(name)) problems.push(`A '${name}' parameter is required`);
      }
      for (const name of new Set(form.keys())) {
        const schema = body.properties[name];
        if (!schema) problems.push(`unknown parameter ${name}`);
        else problems.push(...this.valueProblems(name, form.getAll(name), schema));
      }
    } else if ([...form.keys()].length > 0) {
      problems.push(`${method} ${found.t.template} takes no form fields`);
    }
    if (problems.length > 0) {
      return { ok: false, status: 400, code: 21601, message: problems.join('; ') };
    }
    return { ok: true, operation: { template: found.t.template, method: verb, params } };
  }

  private valueProblems(name: string, values: string[], schema: Schema): string[] {
    const resolved = this.resolve(schema);
    if (resolved.type !== 'array' && values.length > 1)
      return [`${name} is given ${values.length} times`];
    const itemSchema = resolved.type === 'array' ? this.resolve(resolved.items ?? {}) : resolved;
    return values.flatMap((value) => {
      if (itemSchema.enum && !itemSchema.enum.includes(value)) {
        return [`${name} "${value}" is not one of ${itemSchema.enum.join(', ')}`];
      }
      if (itemSchema.pattern && !new RegExp(itemSchema.pattern).test(value)) {
        return [`${name} "${value}" does not match ${itemSchema.pattern}`];
      }
      if (itemSchema.type === 'boolean' && !/^(true|false)$/i.test(value)) {
        return [`${name} "${value}" is not a boolean`];
      }
      if (itemSchema.type === 'integer' && !/^-?\d+$/.test(value)) {
        return [`${name} "${value}" is not an integer`];
      }
      if (itemSchema.format === 'phone-number' && value === '') return [`${name} is empty`];
      return [];
    });
  }

  private resolve(schema: Schema): Schema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    return this.doc.components.schemas[name] ?? {};
  }
}
