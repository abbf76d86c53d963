export { createConsoleCore, type ConsoleCore, type ConsoleCoreOptions } from './console-core';
export { demoOptionsFromEnv, loadDemoIfEmpty, startupFromEnv, type DemoOptions } from './demo-data';
export type { CoreLog, CoreLogEntry } from './log';
export type * from './ports';
export { RESET_ACTION } from './replica-health';
