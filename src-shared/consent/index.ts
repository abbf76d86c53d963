export { classifyKeyword, type KeywordIntent } from './keywords';
export { detectFreeTextOptOut, type FreeTextOptOut } from './free-text-opt-out';
export { findOptOut } from './opt-out';
