import twilio from 'twilio';

export interface TwilioPost {
  /** The address Twilio was configured with (PUBLIC_URL + path): what it signs. */
  signedUrl: string;
  /** Where the request really goes (the cloud on 127.0.0.1); default: `signedUrl`. */
  postTo?: string;
  params: Record<string, string>;
  authToken: string;
  /** Overrides the signature (a forged or stale one); null: no header at all. */
  signature?: string | null;
}

/**
 * Posts a webhook exactly as Twilio does: an HTML form, signed with the account's auth token
 * over the configured address and the sorted fields (X-Twilio-Signature, HMAC-SHA1, base64).
 */
export async function postAsTwilio(post: TwilioPost): Promise<Response> {
  const signature =
    post.signature === undefined
      ? twilio.getExpectedTwilioSignature(post.authToken, post.signedUrl, post.params)
      : post.signature;
  return fetch(post.postTo ?? post.signedUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'user-agent': 'TwilioProxy/1.1',
      ...(signature !== null && { 'x-twilio-signature': signature }),
    },
    body: new URLSearchParams(post.params).toString(),
  });
}
