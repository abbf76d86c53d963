/**
 * Why click-to-call (POST /v1/leads/:id/call) may refuse, as its error `code`: the cloud answers
 * with these, and the desktop tells the agent the cloud's words for each rather than a failure.
 */
export const CALL_REFUSALS = [
  'not_found',
  'invalid_request',
  'opted_out',
  'no_phone',
  'no_outbound_phone',
  'invalid_extension',
  'store_has_no_number',
  'twilio_not_connected',
  'twilio_refused',
] as const;
