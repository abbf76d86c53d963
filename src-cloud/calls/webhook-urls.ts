import type { CloudServices } from '../services';

/** The addresses Twilio is given for one call: PUBLIC_URL + path, which is what it signs. */
export function callWebhookUrls(services: Pick<CloudServices, 'publicUrl'>, callId: string) {
  const base = `${services.publicUrl().replace(/\/+$/, '')}/v1/twilio/calls/${encodeURIComponent(callId)}`;
  return {
    /** The agent's phone answered: the "press any key" prompt. */
    connect: `${base}/connect`,
    /** The Gather's action: a key was pressed (or not). */
    bridge: `${base}/bridge`,
    /** The first leg's status callback. */
    status: `${base}/status`,
    /** The Dial's action: the dialled leg ended (DialCallStatus, DialCallDuration). */
    dialled: `${base}/dialled`,
  };
}
