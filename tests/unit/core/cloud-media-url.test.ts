import { describe, expect, it } from 'vitest';
import { cloudMediaId } from '../../../src-main/core/media/cloud-media-url';

const ID = '0190f3a2-7c1e-7d2a-9b1c-3e4f5a6b7c8d';

describe('which attachment URLs the core fetches with the session', () => {
  it('the signed-in cloud’s own /v1/media/:id, under the address signed in with', () => {
    expect(
      cloudMediaId(`https://cloud.example.com/v1/media/${ID}`, 'https://cloud.example.com'),
    ).toBe(ID);
    expect(
      cloudMediaId(
        `https://dealer.example.com/showroom/v1/media/${ID}`,
        'https://dealer.example.com/showroom/',
      ),
    ).toBe(ID);
  });

  it('nothing that only looks like one: another origin, port, scheme, path, or a smuggled part', () => {
    const base = 'https://cloud.example.com';
    for (const url of [
      `https://cloud.example.com.evil.net/v1/media/${ID}`,
      `https://evil.net/v1/media/${ID}?https://cloud.example.com`,
      `https://cloud.example.com@evil.net/v1/media/${ID}`,
      `http://cloud.example.com/v1/media/${ID}`,
      `https://cloud.example.com:8443/v1/media/${ID}`,
      `https://user:pw@cloud.example.com/v1/media/${ID}`,
      `https://cloud.example.com/v1/sync?since=0`,
      `https://cloud.example.com/v1/media/${ID}/../../auth/me`,
      `https://cloud.example.com/v1/media/%2e%2e%2fauth`,
      `https://cloud.example.com/v1/media/${ID}?x=1`,
      `https://cloud.example.com/other/v1/media/${ID}`,
      'data:image/gif;base64,R0lGODlh',
      'not a url',
    ]) {
      expect(cloudMediaId(url, base), url).toBeNull();
    }
  });
});
