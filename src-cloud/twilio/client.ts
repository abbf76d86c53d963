import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type { TwilioAccount } from './account';

export const TWILIO_API_ORIGIN = 'https://api.twilio.com';

/**
 * The official SDK's client for one account. The SDK has no base-URL option, so requests to
 * `api.twilio.com` are sent to `apiOrigin` instead (`TWILIO_API_ORIGIN`: a stand-in on
 * 127.0.0.1 in tests) by its `httpClient` hook; everything else about them is the SDK's own.
 */
export function twilioClient(account: TwilioAccount, apiOrigin: string = TWILIO_API_ORIGIN) {
  const options =
    apiOrigin === TWILIO_API_ORIGIN ? {} : { httpClient: new RedirectedClient(apiOrigin) };
  return twilio(account.accountSid, account.authToken, options);
}

export type TwilioClient = ReturnType<typeof twilioClient>;

class RedirectedClient extends twilio.RequestClient {
  constructor(private readonly origin: string) {
    super();
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    const target = new URL(this.origin);
    uri.protocol = target.protocol;
    uri.host = target.host;
    return super.request<TData>({ ...opts, uri: uri.toString() });
  }
}
