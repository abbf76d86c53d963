import { describe, expect, test } from 'vitest';
import {
  newRelayToken,
  relayAddress,
  tokenOfAddress,
} from '../../../src-cloud/relay/relay-address';
import { configFromEnv } from '../../../src-cloud/config';

describe("a lead's relay address", () => {
  test('tokens are 160 random bits in lowercase base32, never repeated', () => {
    const tokens = new Set(Array.from({ length: 2000 }, newRelayToken));
    expect(tokens.size).toBe(2000);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  test('only lead-TOKEN at the relay domain has a token, whatever the case', () => {
    const token = newRelayToken();
    const address = relayAddress(token, 'relay.acme.test');
    expect(tokenOfAddress(address, 'relay.acme.test')).toBe(token);
    expect(tokenOfAddress(address.toUpperCase(), 'relay.acme.test')).toBe(token);
    expect(tokenOfAddress(`lead-${token}@other.test`, 'relay.acme.test')).toBeNull();
    expect(tokenOfAddress(`lead-${token}x@relay.acme.test`, 'relay.acme.test')).toBeNull();
    expect(tokenOfAddress(`sales@relay.acme.test`, 'relay.acme.test')).toBeNull();
    expect(
      tokenOfAddress(`lead-${token}@relay.acme.test@relay.acme.test`, 'relay.acme.test'),
    ).toBeNull();
  });

  test('RELAY_DOMAIN, SMTP_LISTEN_PORT and SMTP_LISTEN_HOST come from the environment', () => {
    expect(configFromEnv({}, [])).toMatchObject({
      relayDomain: 'relay.showroom.invalid',
      smtpListenPort: 2525,
      smtpListenHost: '127.0.0.1',
    });
    expect(
      configFromEnv(
        { RELAY_DOMAIN: 'Relay.Dealer.COM', SMTP_LISTEN_PORT: '0', HOST: '0.0.0.0' },
        [],
      ),
    ).toMatchObject({
      relayDomain: 'relay.dealer.com',
      smtpListenPort: 0,
      smtpListenHost: '0.0.0.0',
    });
    expect(() => configFromEnv({ RELAY_DOMAIN: 'not a domain' }, [])).toThrow('RELAY_DOMAIN');
    expect(() => configFromEnv({ SMTP_LISTEN_PORT: 'smtp' }, [])).toThrow('not a port number');
  });
});
