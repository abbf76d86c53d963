import { compileLines } from './lines';
import { LINES_EN } from './lines-en';
import { LINES_ES } from './lines-es';

/** Compiled once when the module loads; a line with an unknown slot fails here. */
export const THREAD_LINES_EN = compileLines(LINES_EN);
export const THREAD_LINES_ES = compileLines(LINES_ES);
