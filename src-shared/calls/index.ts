export { CALL_REFUSALS } from './call-refusals';
export { extensionToSendDigits, MAX_EXTENSION_KEYS, type SendDigits } from './extension';
export {
  CALL_OUTCOMES,
  callEventText,
  callLength,
  type CallForWords,
  type CallOutcome,
} from './call-wording';
export {
  CallingSettingsInput,
  checkCallingSettings,
  type CallingSettings,
} from './calling-settings';
