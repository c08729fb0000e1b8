/**
 * A fake Bot Framework on 127.0.0.1: OpenID metadata, a JWKS with locally generated RSA keys
 * (endorsed for msteams unless asked otherwise), a client-credentials token endpoint, and a
 * connector that records every call and can fail on demand (429 with Retry-After, 403 blocked…).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWK } from 'jose';

export const FAKE_APP_ID = '00000000-0000-0000-0000-0000000b0701';
export const FAKE_APP_PASSWORD = 'fake-app-password';
export const FAKE_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT_ID = `28:${FAKE_APP_ID}`;

export interface ConnectorCall {
  method: string;
  path: string;
  /** Decoded conversation id, or null for POST /v3/conversations. */
  conversationId: string | null;
  activityId: string | null;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** The id the connector gave a posted activity (what a later PUT names). */
  answeredId?: string;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

interface Failure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface SignOptions {
  aud?: string;
  iss?: string;
  serviceUrl?: string | null;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  notBeforeIn?: number;
  kid?: string;
  unsigned?: boolean;
}

export class FakeBotFramework {
  readonly calls: ConnectorCall[] = [];
  readonly tokenRequests: URLSearchParams[] = [];
  jwksFetches = 0;
  metadataFetches = 0;
  private server!: Server;
  private keys: SigningKey[] = [];
  private failures: Failure[] = [];
  private issued = new Set<string>();
  private nextId = 1;
  private rosters = new Map<string, string[]>();
  rosterFetches = 0;
  base = '';

  /** The AAD object ids GET v3/conversations/{id}/members answers for a team or channel. */
  setRoster(conversationId: string, aadObjectIds: string[]): void {
    this.rosters.set(conversationId, aadObjectIds);
  }

  /** The connector base URL, as activities carry it in serviceUrl. */
  get serviceUrl(): string {
    return `${this.base}/connector/`;
  }
  get metadataUrl(): string {
    return `${this.base}/v1/.well-known/openidconfiguration`;
  }
  get tokenUrl(): string {
    return `${this.base}/oauth2/v2.0/token`;
  }

  /** Env for createTestApp / loadConfig. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      TEAMS_APP_ID: FAKE_APP_ID,
      TEAMS_APP_PASSWORD: FAKE_APP_PASSWORD,
      TEAMS_TENANT_ID: FAKE_TENANT_ID,
      TEAMS_OPENID_METADATA_URL: this.metadataUrl,
      TEAMS_TOKEN_URL: this.tokenUrl,
      TEAMS_SERVICE_URL: this.serviceUrl,
      ...extra,
    };
  }

  static async start(): Promise<FakeBotFramework> {
    const fake = new FakeBotFramework();
    await fake.addKey(['msteams']);
    fake.server = createServer((req, res) => void fake.route(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.base = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Adds a signing key to the published set (key rotation); returns its kid. */
  async addKey(endorsements: string[] | null, publish = true): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `key-${this.keys.length + 1}-${Math.random().toString(36).slice(2, 8)}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', ...(endorsements ? { endorsements } : {}) } as JWK;
    const key = { kid, privateKey, jwk };
    this.keys.push(key);
    if (!publish) (key as { hidden?: boolean }).hidden = true;
    return kid;
  }

  /** Makes a hidden key visible in the JWKS (as a rotation would). */
  publish(kid: string): void {
    const key = this.keys.find((k) => k.kid === kid) as (SigningKey & { hidden?: boolean }) | undefined;
    if (key) key.hidden = false;
  }

  /** A connector token as Bot Framework would send it; options break it in one way at a time. */
  async sign(opts: SignOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      ...(opts.serviceUrl === null ? {} : { serviceurl: opts.serviceUrl ?? this.serviceUrl }),
    };
    if (opts.unsigned) {
      return new UnsecuredJWT(claims)
        .setIssuer(opts.iss ?? 'https://api.botframework.com')
        .setAudience(opts.aud ?? FAKE_APP_ID)
        .setIssuedAt(now)
        .setExpirationTime(now + (opts.expiresIn ?? 3600))
        .encode();
    }
    const key = this.keys.find((k) => k.kid === (opts.kid ?? this.keys[0]!.kid))!;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
      .setIssuer(opts.iss ?? 'https://api.botframework.com')
      .setAudience(opts.aud ?? FAKE_APP_ID)
      .setNotBefore(now + (opts.notBeforeIn ?? -60))
      .setIssuedAt(now - 60)
      .setExpirationTime(now + (opts.expiresIn ?? 3600))
      .sign(key.privateKey);
  }

  /** The next connector calls answer with these failures, in order. */
  failNext(...failures: Failure[]): void {
    this.failures.push(...failures);
  }

  /** Connector calls other than conversation creation: what the bot said. */
  sent(): ConnectorCall[] {
    return this.calls.filter((c) => c.conversationId !== null);
  }

  reset(): void {
    this.calls.length = 0;
    this.tokenRequests.length = 0;
    this.failures.length = 0;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const raw = await readBody(req);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/v1/.well-known/openidconfiguration') {
      this.metadataFetches++;
      return send(200, {
        issuer: 'https://api.botframework.com',
        jwks_uri: `${this.base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (req.method === 'GET' && url.pathname === '/v1/.well-known/keys') {
      this.jwksFetches++;
      return send(200, { keys: this.keys.filter((k) => !(k as { hidden?: boolean }).hidden).map((k) => k.jwk) });
    }
    if (req.method === 'POST' && url.pathname === '/oauth2/v2.0/token') {
      const form = new URLSearchParams(raw);
      this.tokenRequests.push(form);
      if (form.get('client_id') !== FAKE_APP_ID || form.get('client_secret') !== FAKE_APP_PASSWORD)
        return send(401, { error: 'invalid_client' });
      const token = `fake-access-token-${this.tokenRequests.length}`;
      this.issued.add(token);
      return send(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: token });
    }
    const roster = /^\/connector\/v3\/conversations\/([^/]+)\/members$/.exec(url.pathname);
    if (req.method === 'GET' && roster) {
      if (!req.headers.authorization || !this.issued.has(req.headers.authorization.replace(/^Bearer /, '')))
        return send(401, { error: { code: 'Unauthorized' } });
      this.rosterFetches++;
      const ids = this.rosters.get(decodeURIComponent(roster[1]!));
      if (!ids) return send(404, { error: { code: 'ConversationNotFound' } });
      return send(
        200,
        ids.map((aadObjectId, i) => ({ id: `29:member-${i}`, name: `Member ${i}`, aadObjectId })),
      );
    }
    const m = /^\/connector\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?$/.exec(url.pathname);
    if (!m) return send(404, { error: { code: 'NotFound' } });
    const authorization = req.headers.authorization;
    const call: ConnectorCall = {
      method: req.method ?? '',
      path: url.pathname,
      conversationId: m[1] ? decodeURIComponent(m[1]) : null,
      activityId: m[2] ? decodeURIComponent(m[2]) : null,
      authorization,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
    };
    if (!authorization || !this.issued.has(authorization.replace(/^Bearer /, ''))) {
      return send(401, { error: { code: 'Unauthorized', message: 'token' } });
    }
    const failure = this.failures.shift();
    if (failure) return send(failure.status, failure.body ?? { error: { code: 'Failure' } }, failure.headers);
    this.calls.push(call);
    if (!call.conversationId) {
      const members = (call.body.members as { id: string }[] | undefined) ?? [];
      return send(201, { id: `a:created-${members[0]?.id ?? 'x'}` });
    }
    if (call.method === 'PUT') return send(200, { id: call.activityId });
    call.answeredId = `activity-${this.nextId++}`;
    return send(201, { id: call.answeredId });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
