import { describe, expect, test } from 'vitest';
import { scopeOf } from '../../../src-cloud/sync/scope';
import { pullResponseJson } from '../../../src-cloud/sync/pull';
import { describeIssues } from '../../../src-cloud/http/errors';
import { z } from 'zod';
import type { Message } from '../../../src-shared/domain/conversation';

describe('who may pull a row', () => {
  test('store rows follow their store; thread rows their lead; user settings their user', () => {
    expect(scopeOf('labels', { id: 'l', tenantId: 't', name: 'VIP', color: '#ffffff' })).toEqual({
      storeId: null,
      ownerUserId: null,
      leadId: null,
    });
    expect(scopeOf('campaigns', { id: 'c', storeId: 's', name: 'Web' }).storeId).toBe('s');
    expect(
      scopeOf('settings', {
        id: 'x',
        tenantId: 't',
        scope: 'user',
        scopeId: 'u',
        key: 'k',
        value: 1,
      }),
    ).toEqual({ storeId: null, ownerUserId: 'u', leadId: null });
    expect(
      scopeOf('settings', {
        id: 'x',
        tenantId: 't',
        scope: 'store',
        scopeId: 's',
        key: 'k',
        value: 1,
      }).storeId,
    ).toBe('s');
    const message: Message = {
      id: 'm',
      tenantId: 't',
      leadId: 'lead',
      conversationId: 'c',
      direction: 'in',
      authorUserId: null,
      body: '',
      media: [],
      status: 'received',
      errorCode: null,
      providerId: null,
      scheduledAt: null,
      createdAt: 0,
    };
    expect(scopeOf('messages', message)).toEqual({
      storeId: null,
      ownerUserId: null,
      leadId: 'lead',
    });
  });
});

describe('responses', () => {
  test('a pull page splices the changes PostgreSQL rendered into the JSON body', () => {
    const json = pullResponseJson({
      changes: ['{"table":"labels","op":"delete","id":"x"}'],
      cursor: 5,
      more: false,
      version: 5,
    });
    expect(JSON.parse(json)).toEqual({
      changes: [{ table: 'labels', op: 'delete', id: 'x' }],
      cursor: 5,
      more: false,
      version: 5,
    });
    expect(
      JSON.parse(pullResponseJson({ changes: [], cursor: 0, more: false, version: 0 })).changes,
    ).toEqual([]);
  });

  test('validation errors name the path of each problem', () => {
    const result = z.object({ a: z.object({ b: z.number() }) }).safeParse({ a: { b: 'x' } });
    if (result.success) throw new Error('should fail');
    expect(describeIssues(result.error, 'args')).toMatch(/^args\.a\.b: /);
  });
});
