import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../src-shared/folders';
import { validateCall } from '../../../src-shared/console-api/validate';

describe('ConsoleApi argument validation', () => {
  it('accepts a well-formed call', () => {
    const result = validateCall('getFolderCounts', { filters: NO_FILTERS });
    expect(result.ok).toBe(true);
  });

  it('names the method when it does not exist', () => {
    const result = validateCall('dropAllLeads', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(!result.ok && result.error.message).toContain('dropAllLeads');
  });

  it('names the field that is wrong', () => {
    const result = validateCall('getThread', { leadId: 'l1', before: null, limit: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(!result.ok && result.error.message).toMatch(/^getThread: limit: /);
  });

  it('names a nested field and refuses unknown ones', () => {
    const nested = validateCall('saveFilters', { filters: { ...NO_FILTERS, storeIds: [42] } });
    expect(!nested.ok && nested.error.message).toContain('filters.storeIds.0');
    const extra = validateCall('getLead', { leadId: 'l1', sql: 'drop table leads' });
    expect(!extra.ok && extra.error.message).toContain('sql');
  });

  it('refuses arguments that are not an object', () => {
    for (const args of [null, undefined, 'x', 7, []]) {
      expect(validateCall('getDirectory', args).ok).toBe(false);
    }
  });

  it('does not take an inherited property for a method', () => {
    expect(validateCall('toString', {}).ok).toBe(false);
    expect(validateCall('__proto__', {}).ok).toBe(false);
  });
});
