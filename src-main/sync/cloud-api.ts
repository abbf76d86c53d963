import {
  CALL_REFUSALS,
  LoginResponse,
  SYNC_TABLES,
  type AcceptOfferResponse,
  type CallingSettingsInput,
  type CallStarted,
  type MediaRef,
  type MediaUpload,
  type MutationResult,
  type PullResponse,
  type PushResponse,
  User,
} from '../../src-shared';
import { CloudError, sentence } from './cloud-error';

/** What accepting an offer may be refused with (src-shared/sync/protocol.ts), 404 included. */
const ACCEPT_OFFER_CODES = ['offer_not_found', 'offer_not_yours', 'offer_taken', 'offer_missed'];

/** What an attachment upload may be refused with (src-cloud/media). */
const UPLOAD_MEDIA_CODES = [
  'invalid_request',
  'media_too_large',
  'unsupported_media_type',
  'media_type_mismatch',
];

/** One mutation as it goes over the wire. */
export interface WireMutation {
  id: string;
  name: string;
  args: unknown;
}

export interface CloudApiOptions {
  baseUrl: string;
  token?: string | null;
  /** Aborts every request in flight (signing out, closing). */
  signal?: AbortSignal;
  /** A request with no answer after this long counts as a network failure. */
  timeoutMs?: number;
}

/**
 * The cloud's HTTP API (src-shared/sync/protocol.ts) as the desktop uses it. Every failure is a
 * CloudError that says what to do about it; every answer is checked for the shape this desktop
 * understands, so a cloud speaking another protocol is a `version` problem, not a crash.
 */
export class CloudApi {
  readonly host: string;

  constructor(private readonly options: CloudApiOptions) {
    this.host = new URL(options.baseUrl).host;
  }

  async login(email: string, password: string): Promise<{ token: string; user: User }> {
    const body = await this.request('POST', '/v1/auth/login', { email, password });
    const parsed = LoginResponse.safeParse(body);
    if (!parsed.success) throw this.notUnderstood('the sign-in answer');
    return parsed.data;
  }

  async logout(): Promise<void> {
    await this.request('POST', '/v1/auth/logout');
  }

  async pull(since: number, limit: number): Promise<PullResponse> {
    const body = await this.request('GET', `/v1/sync?since=${since}&limit=${limit}`);
    if (!isPullResponse(body)) throw this.notUnderstood('a sync page');
    for (const change of body.changes) {
      if (!Object.hasOwn(SYNC_TABLES, change.table) || !['upsert', 'delete'].includes(change.op)) {
        throw new CloudError(
          'version',
          `The cloud at ${this.host} sent ${String(change.table).slice(0, 40)} rows, which this Showroom does not know. Update Showroom.`,
        );
      }
    }
    return body;
  }

  async push(clientId: string, mutations: readonly WireMutation[]): Promise<PushResponse> {
    const body = await this.request('POST', '/v1/mutations', { clientId, mutations });
    if (!isPushResponse(body, mutations)) throw this.notUnderstood('the answer to our changes');
    return body;
  }

  /** The atomic claim of a ringing lead (DESIGN §7); a refusal is `refused` with its code. */
  async acceptOffer(offerId: string): Promise<AcceptOfferResponse> {
    const path = `/v1/offers/${encodeURIComponent(offerId)}/accept`;
    const body = await this.request('POST', path, undefined, ACCEPT_OFFER_CODES);
    const leadId = (body as Partial<AcceptOfferResponse> | null)?.leadId;
    if (typeof leadId !== 'string' || !leadId) throw this.notUnderstood('the answer to an accept');
    return { leadId };
  }

  /** Stores an attachment in the cloud (POST /v1/media); a refusal is `refused` with its code. */
  async uploadMedia(upload: MediaUpload): Promise<MediaRef> {
    const { name, contentType, dataBase64 } = upload;
    const body = await this.request(
      'POST',
      '/v1/media',
      { name, contentType, data: dataBase64 },
      UPLOAD_MEDIA_CODES,
    );
    const media = body as Partial<MediaRef> | null;
    if (
      typeof media?.url !== 'string' ||
      typeof media.contentType !== 'string' ||
      typeof media.name !== 'string'
    ) {
      throw this.notUnderstood('the answer to an upload');
    }
    return { url: media.url, contentType: media.contentType, name: media.name };
  }

  /** Click-to-call (POST /v1/leads/:id/call); a refusal is `refused` with its code. */
  async callLead(leadId: string, phone?: string): Promise<CallStarted> {
    const path = `/v1/leads/${encodeURIComponent(leadId)}/call`;
    const body = await this.request('POST', path, phone ? { phone } : {}, CALL_REFUSALS);
    const call = body as Partial<CallStarted> | null;
    if (
      typeof call?.callId !== 'string' ||
      typeof call.agentPhone !== 'string' ||
      typeof call.customerNumber !== 'string'
    ) {
      throw this.notUnderstood('the answer to a call');
    }
    return {
      callId: call.callId,
      agentPhone: call.agentPhone,
      customerNumber: call.customerNumber,
    };
  }

  /** The signed-in user's calling settings (PUT /v1/me/calling); answers the user as saved. */
  async saveCallingSettings(settings: CallingSettingsInput): Promise<User> {
    const body = await this.request('PUT', '/v1/me/calling', settings, ['invalid_request']);
    const parsed = User.safeParse((body as { user?: unknown } | null)?.user);
    if (!parsed.success) throw this.notUnderstood('the saved calling settings');
    return parsed.data;
  }

  /** The address signed in with: an attachment URL is judged against it (core/media). */
  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /**
   * An attachment's answer (GET /v1/media/:id) with this session, for the caller to read with a
   * size limit; a failure is a CloudError like any other (404 `refused` with not_found).
   */
  async media(id: string): Promise<Response> {
    const { token, signal, timeoutMs = 30_000 } = this.options;
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl}/v1/media/${encodeURIComponent(id)}`, {
        headers: { ...(token && { authorization: `Bearer ${token}` }) },
        redirect: 'error',
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])]),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new CloudError('network', `Cannot reach the cloud at ${this.host}.`);
    }
    if (response.ok) return response;
    throw this.failure(response.status, await response.text().catch(() => ''), ['not_found']);
  }

  /** `routeCodes`: error codes this route answers with, so even a 404 carrying one is `refused`. */
  private async request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    routeCodes: readonly string[] = [],
  ): Promise<unknown> {
    const { token, signal, timeoutMs = 30_000 } = this.options;
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl}${path}`, {
        method,
        headers: {
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(token && { authorization: `Bearer ${token}` }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.any(signals),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new CloudError('network', `Cannot reach the cloud at ${this.host}.`);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new CloudError('network', `The connection to ${this.host} broke off.`);
    }
    if (response.ok) return text ? parseJson(text, () => this.notUnderstood('an answer')) : null;
    throw this.failure(response.status, text, routeCodes);
  }

  private failure(status: number, text: string, routeCodes: readonly string[]): CloudError {
    const error = errorBody(text);
    const said = error ? sentence(error.message) : `HTTP ${status}.`;
    if (status === 401) return new CloudError('credentials', said, status, error?.code ?? null);
    if (error && status < 500 && routeCodes.includes(error.code)) {
      return new CloudError('refused', said, status, error.code);
    }
    if (status === 409 && error?.code === 'cursor_ahead') {
      return new CloudError('cursor_ahead', said, status, error.code);
    }
    if (status >= 500) {
      return new CloudError(
        'server',
        `The cloud at ${this.host} answered with an error (HTTP ${status}).`,
        status,
        error?.code ?? null,
      );
    }
    // No such route, or no Showroom error body: not a cloud this desktop can talk to.
    if (status === 404 || status === 426 || !error) {
      return new CloudError(
        'version',
        `The server at ${this.host} does not answer like a Showroom cloud this version knows (HTTP ${status}). Check the address, or update Showroom.`,
        status,
        error?.code ?? null,
      );
    }
    return new CloudError('refused', said, status, error.code);
  }

  private notUnderstood(what: string): CloudError {
    return new CloudError(
      'version',
      `The cloud at ${this.host} sent ${what} that this Showroom does not understand. Update Showroom.`,
    );
  }
}

function parseJson(text: string, otherwise: () => Error): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw otherwise();
  }
}

function errorBody(text: string): { code: string; message: string } | null {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = body.error ?? {};
    return typeof code === 'string' && typeof message === 'string' ? { code, message } : null;
  } catch {
    return null;
  }
}

function isPullResponse(body: unknown): body is PullResponse {
  const page = body as Partial<PullResponse> | null;
  return (
    typeof page === 'object' &&
    page !== null &&
    Array.isArray(page.changes) &&
    page.changes.every((change) => typeof change === 'object' && change !== null) &&
    Number.isInteger(page.cursor) &&
    Number.isInteger(page.version) &&
    typeof page.more === 'boolean'
  );
}

function isPushResponse(body: unknown, sent: readonly WireMutation[]): body is PushResponse {
  const answer = body as Partial<PushResponse> | null;
  return (
    typeof answer === 'object' &&
    answer !== null &&
    Number.isInteger(answer.version) &&
    Array.isArray(answer.results) &&
    answer.results.length === sent.length &&
    answer.results.every((result: MutationResult, index) => isResult(result, sent[index]?.id))
  );
}

function isResult(result: MutationResult, id: string | undefined): boolean {
  if (typeof result !== 'object' || result === null || result.id !== id) return false;
  return (
    result.status === 'ok' ||
    (result.status === 'rejected' &&
      typeof result.code === 'string' &&
      typeof result.message === 'string')
  );
}
