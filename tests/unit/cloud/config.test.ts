import { describe, expect, test } from 'vitest';
import { configFromEnv, DEFAULT_CONFIG } from '../../../src-cloud/config';

describe('cloud configuration from the environment', () => {
  test('defaults to PGlite in ./data/cloud on 127.0.0.1:8787', () => {
    const config = configFromEnv({}, []);
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      databaseUrl: null,
      demo: false,
      smtp: null,
    });
    expect(config.dataDir).toBe(DEFAULT_CONFIG.dataDir);
    expect(config.dataDir.endsWith('data/cloud')).toBe(true);
  });

  test('reads HOST, PORT, DATABASE_URL, SMTP and --demo', () => {
    const config = configFromEnv(
      {
        HOST: '0.0.0.0',
        PORT: '9000',
        DATABASE_URL: 'postgres://x/y',
        SMTP_HOST: 'mail',
        SMTP_PORT: '2525',
      },
      ['--demo'],
    );
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      databaseUrl: 'postgres://x/y',
      demo: true,
    });
    expect(config.smtp).toEqual({
      host: 'mail',
      port: 2525,
      secure: false,
      user: null,
      password: null,
    });
  });

  test('a bad value or argument is named', () => {
    expect(() => configFromEnv({ PORT: 'eighty' }, [])).toThrow('not a port number: eighty');
    expect(() => configFromEnv({}, ['--dmeo'])).toThrow('unknown argument --dmeo');
  });
});
