import { describe, expect, it } from 'vitest';
import {
  buildHomeserverConfig,
  buildLogConfig,
  formatSigningKey,
  generateSecret,
  generateSigningKey,
  parseSigningKey,
  registrationMac,
  synapsePaths,
  toYaml,
} from './synapse-config.ts';
import { connectSynapse } from './synapse.ts';

const paths = synapsePaths('/tmp/hs');

describe('registrationMac', () => {
  // Expected values computed with Synapse's documented recipe in Python:
  // hmac.new(secret, sha1) over nonce \0 user \0 password \0 b"admin"|b"notadmin".
  it('matches the Python reference for a normal user', () => {
    const mac = registrationMac('s3cret', { nonce: 'abcdef0123', username: 'alice', password: 'wonderland', admin: false });
    expect(mac).toBe('c9a978697faab62befddbaf29fec6bed3fc0515d');
  });

  it('matches the Python reference for an admin', () => {
    const mac = registrationMac('s3cret', { nonce: 'abcdef0123', username: 'alice', password: 'wonderland', admin: true });
    expect(mac).toBe('5a3f9d4834b11f25a6e1c67c1b088f93809abff7');
  });

  it('encodes every part as UTF-8', () => {
    const mac = registrationMac('sécret', { nonce: 'ñonce', username: 'bob', password: 'pässwörd', admin: false });
    expect(mac).toBe('36246107c06a2b6d515155b66055998573ed502b');
  });
});

describe('buildHomeserverConfig', () => {
  const config = buildHomeserverConfig({ serverName: 'localhost', port: 4567, paths });

  it('listens on loopback only, without TLS, serving the client API', () => {
    expect(config.listeners).toEqual([
      {
        port: 4567,
        bind_addresses: ['127.0.0.1'],
        type: 'http',
        tls: false,
        x_forwarded: false,
        resources: [{ names: ['client'], compress: false }],
      },
    ]);
    expect(config.public_baseurl).toBe('http://127.0.0.1:4567/');
  });

  it('keeps all state in the data dir and never calls out', () => {
    expect(config).toMatchObject({
      server_name: 'localhost',
      database: { name: 'sqlite3', args: { database: '/tmp/hs/homeserver.db' } },
      media_store_path: '/tmp/hs/media_store',
      signing_key_path: '/tmp/hs/signing.key',
      log_config: '/tmp/hs/log.config.yaml',
      registration_shared_secret_path: '/tmp/hs/registration_shared_secret',
      enable_registration: false,
      report_stats: false,
      trusted_key_servers: [],
      suppress_key_server_warning: true,
    });
  });

  it('raises the rate limits tests would hit', () => {
    const high = { per_second: expect.any(Number) as number, burst_count: expect.any(Number) as number };
    expect(config).toMatchObject({
      rc_message: high,
      rc_login: { address: high, account: high, failed_attempts: high },
      rc_registration: high,
      rc_joins: { local: high, remote: high },
      rc_invites: { per_room: high, per_user: high, per_issuer: high },
      rc_3pid_validation: high,
      rc_room_creation: high,
    });
    const limits = Object.entries(config).filter(([key]) => key.startsWith('rc_'));
    const leaves = limits.flatMap(([, value]) => collectLimits(value));
    expect(leaves.length).toBeGreaterThan(20);
    leaves.forEach((limit) => {
      expect(limit.per_second).toBeGreaterThanOrEqual(1000);
      expect(limit.burst_count).toBeGreaterThanOrEqual(1000);
    });
  });

  it('round-trips through the YAML it is written as', () => {
    const text = toYaml(config);
    expect(text.startsWith('#')).toBe(true);
    expect(JSON.parse(text.slice(text.indexOf('\n') + 1))).toEqual(config);
  });
});

type Limit = { per_second: number; burst_count: number };

const collectLimits = (value: unknown): Limit[] => {
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  if ('per_second' in value && 'burst_count' in value) {
    return [value as Limit];
  }
  return Object.values(value).flatMap(collectLimits);
};

describe('buildLogConfig', () => {
  it('logs warnings and worse to a file', () => {
    const config = buildLogConfig('/tmp/hs/homeserver.log');
    expect(config).toMatchObject({
      version: 1,
      handlers: { file: { class: 'logging.FileHandler', filename: '/tmp/hs/homeserver.log' } },
      root: { level: 'WARNING', handlers: ['file'] },
    });
  });
});

describe('signing keys', () => {
  // RFC 8032 test 1: this seed has public key d75a9801…511a (base64 below, as signedjson prints it).
  const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');

  it('writes the seed in signedjson format, unpadded', () => {
    expect(formatSigningKey('a_test', seed)).toBe('ed25519 a_test nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\n');
  });

  it('derives the right public key from what it wrote', () => {
    expect(parseSigningKey(formatSigningKey('a_test', seed))).toEqual({
      keyId: 'a_test',
      publicKey: '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo',
    });
  });

  it('generates a fresh key with a Synapse-style key id', () => {
    const line = generateSigningKey();
    expect(line).toMatch(/^ed25519 a_[a-zA-Z]{4} [A-Za-z0-9+/]{43}\n$/);
    expect(generateSigningKey()).not.toBe(line);
    expect(() => parseSigningKey(line)).not.toThrow();
  });

  it('rejects a seed of the wrong size', () => {
    expect(() => formatSigningKey('a_test', new Uint8Array(31))).toThrow(/32 bytes/);
  });
});

describe('generateSecret', () => {
  it('makes 256 random bits as hex', () => {
    expect(generateSecret()).toMatch(/^[0-9a-f]{64}$/);
    expect(generateSecret()).not.toBe(generateSecret());
  });
});

describe('connectSynapse.registerUser', () => {
  it('fetches a nonce, then posts the MAC for it', async () => {
    const requests: { url: string; body: unknown }[] = [];
    const fakeFetch: typeof fetch = (input, init) => {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      requests.push({ url: input instanceof Request ? input.url : input.toString(), body });
      const reply =
        init?.method === 'POST'
          ? { user_id: '@alice:localhost', access_token: 'syt_token', device_id: 'DEVICE', home_server: 'localhost' }
          : { nonce: 'abcdef0123' };
      return Promise.resolve(new Response(JSON.stringify(reply), { status: 200 }));
    };
    const client = connectSynapse({ baseUrl: 'http://127.0.0.1:1', registrationSecret: 's3cret', serverName: 'localhost' }, { fetch: fakeFetch });

    const user = await client.registerUser('alice', 'wonderland', { displayName: 'Alice' });

    expect(user).toEqual({ userId: '@alice:localhost', accessToken: 'syt_token', deviceId: 'DEVICE' });
    expect(requests.map((request) => request.url)).toEqual(['http://127.0.0.1:1/_synapse/admin/v1/register', 'http://127.0.0.1:1/_synapse/admin/v1/register']);
    expect(requests[0]!.body).toBeUndefined();
    expect(requests[1]!.body).toEqual({
      nonce: 'abcdef0123',
      username: 'alice',
      password: 'wonderland',
      admin: false,
      displayname: 'Alice',
      mac: 'c9a978697faab62befddbaf29fec6bed3fc0515d',
    });
  });

  it('reports what the server said when registration fails', async () => {
    const fakeFetch: typeof fetch = (_input, init) =>
      Promise.resolve(init?.method === 'POST' ? new Response('{"errcode":"M_USER_IN_USE"}', { status: 400 }) : new Response('{"nonce":"n"}', { status: 200 }));
    const client = connectSynapse({ baseUrl: 'http://127.0.0.1:1', registrationSecret: 's', serverName: 'localhost' }, { fetch: fakeFetch });
    await expect(client.registerUser('alice', 'pw')).rejects.toThrow(/@alice:localhost failed: HTTP 400 .*M_USER_IN_USE/);
  });
});
