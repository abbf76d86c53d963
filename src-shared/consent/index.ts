export { classifyKeyword, type KeywordIntent } from './keywords';
export { detectFreeTextOptOut, type FreeTextOptOut } from './free-text-opt-out';
export { findOptOut } from './opt-out';
export {
  allowedWindowFor,
  isOutsideQuietHours,
  nextAllowedInstant,
  quietHoursAt,
  type QuietHoursStore,
  type QuietHoursVerdict,
} from './quiet-hours';
export {
  areaCodeZone,
  customerZone,
  stateZone,
  type CustomerWhereabouts,
  type CustomerZone,
} from './customer-zone';
