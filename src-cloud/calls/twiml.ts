import twilio from 'twilio';

const { VoiceResponse } = twilio.twiml;

/** How long the agent has to press a key once the prompt has been said. */
export const PRESS_A_KEY_SECONDS = 10;

/**
 * Click-to-call, the agent's phone answered: "Press any key to connect you to NAME". A Gather
 * of one digit, so a voicemail greeting (which presses nothing) never reaches the customer;
 * no key: goodbye and hang up.
 */
export function pressAnyKeyTwiml(input: { customerName: string; bridgeUrl: string }): string {
  const response = new VoiceResponse();
  const gather = response.gather({
    numDigits: 1,
    action: input.bridgeUrl,
    method: 'POST',
    timeout: PRESS_A_KEY_SECONDS,
  });
  gather.say(`Press any key to connect you to ${input.customerName}.`);
  response.say('No key was pressed. Goodbye.');
  response.hangup();
  return response.toString();
}

/**
 * The agent pressed a key: the customer is dialled with the store's number as caller id. When
 * the dial ends Twilio posts its outcome (DialCallStatus, DialCallDuration) to `dialledUrl`.
 */
export function connectCustomerTwiml(input: {
  storeNumber: string;
  customerNumber: string;
  dialledUrl: string;
}): string {
  const response = new VoiceResponse();
  const dial = response.dial({
    callerId: input.storeNumber,
    action: input.dialledUrl,
    method: 'POST',
  });
  dial.number(input.customerNumber);
  return response.toString();
}

/**
 * The agent's phone answered but no key came (the Gather's action without Digits), or the call
 * may no longer be connected (`why`, said to the agent).
 */
export function goodbyeTwiml(why = 'No key was pressed.'): string {
  const response = new VoiceResponse();
  response.say(`${why} Goodbye.`);
  response.hangup();
  return response.toString();
}

/**
 * An inbound call forwarded: to the assigned agent's phone (with their extension dialled after
 * it answers) or a store number. The caller's own number shows, as on any forwarded call.
 */
export function forwardCallTwiml(input: {
  number: string;
  sendDigits: string;
  dialledUrl: string;
}): string {
  const response = new VoiceResponse();
  const dial = response.dial({ action: input.dialledUrl, method: 'POST' });
  dial.number(input.sendDigits ? { sendDigits: input.sendDigits } : {}, input.number);
  return response.toString();
}

/** An inbound call with nowhere to go: the store has no number to forward it to. */
export function nobodyCanTakeTwiml(storeName: string): string {
  const response = new VoiceResponse();
  response.say(`Thank you for calling ${storeName}. Nobody can take your call right now. Goodbye.`);
  response.hangup();
  return response.toString();
}
