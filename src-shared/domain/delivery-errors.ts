/**
 * Why an outbound message failed, for the person who wrote it. A message keeps only its
 * `errorCode` (Twilio's number, or one of Showroom's own below); every screen words it from here,
 * so the thread, the cloud's logs and the reports say the same thing.
 */
export const SHOWROOM_DELIVERY_ERRORS = {
  opted_out:
    'the customer opted out (Dead): nobody can text them until a manager opts them back in',
  no_texting_number: 'the store has no texting number: an admin sets it in Contact settings',
  no_twilio_account:
    'texting is not connected: an admin enters the Twilio account in Admin, Twilio',
  no_phone: 'the lead has no phone number to text',
  media_refused:
    "an attachment is not one of this cloud's own files, so it was not sent: attach it again",
  twilio_auth:
    'Twilio refused the account SID and auth token: an admin checks them in Admin, Twilio',
  send_failed: 'Twilio did not take the message; the cloud tried several times',
} as const;

export type ShowroomDeliveryError = keyof typeof SHOWROOM_DELIVERY_ERRORS;

/** Twilio's error codes an agent meets, in words (twilio.com/docs/api/errors). */
export const TWILIO_DELIVERY_ERRORS: Record<string, string> = {
  '21211': 'the number is not a valid phone number',
  '21408': 'texting this country is not enabled for the account',
  '21606': "the store's texting number cannot send texts from this Twilio account",
  '21610': 'the customer replied STOP to this number: Twilio will not deliver to them',
  '21612': 'Twilio cannot route a text between these two numbers',
  '21614': 'the number is not a mobile number that can receive texts',
  '30003': "the customer's phone is off or out of reach",
  '30004': 'the customer or their carrier blocked the message',
  '30005': 'the number does not exist or is no longer in service',
  '30006': 'the number is a landline or cannot receive texts',
  '30007': 'the carrier filtered the message as spam',
  '30008': 'the carrier did not say why the message was not delivered',
  '30034': "the store's number is not registered for business texting (A2P 10DLC)",
};

/**
 * "Twilio reported the number unsubscribed" style wording for a message's errorCode; a code
 * nobody wrote words for is still named, so support can look it up.
 */
export function deliveryErrorText(code: string, storeName?: string): string {
  if (code === 'no_texting_number' && storeName) {
    return `${storeName} has no texting number: an admin sets it in Contact settings`;
  }
  if (Object.hasOwn(SHOWROOM_DELIVERY_ERRORS, code)) {
    return SHOWROOM_DELIVERY_ERRORS[code as ShowroomDeliveryError];
  }
  const twilio = TWILIO_DELIVERY_ERRORS[code];
  return twilio ? `${twilio} (Twilio error ${code})` : `Twilio error ${code}`;
}
