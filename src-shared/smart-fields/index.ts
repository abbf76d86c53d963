export { nextBookedAppointment, type SmartFieldContext } from './context';
export {
  SMART_FIELD_GROUPS,
  SMART_FIELDS,
  smartField,
  smartFieldToken,
  type SmartField,
  type SmartFieldGroup,
} from './fields';
export {
  hasSmartFields,
  renderSmartFields,
  type RenderedMessage,
  type SmartFieldProblem,
} from './render';
export { storeCalendarDate, storeClockTime } from './store-clock';
