/**
 * Bot Framework channel -> bot authentication (learn.microsoft.com/azure/bot-service/rest-api/
 * bot-framework-rest-connector-authentication): a Bearer JWT signed with a key from
 * the OpenID metadata's jwks_uri, issued by https://api.botframework.com for this app id, within
 * its validity (5 min skew), carrying the activity's serviceUrl and signed by a key endorsed for
 * msteams. Verification uses real time, never the product clock (which may be set in 2023).
 */
import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWK } from 'jose';
import { openIdMetadata } from './schema';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
const CLOCK_SKEW_SECONDS = 300;
/** Metadata changes rarely; the SDKs cache keys for days. Refetching daily keeps key rotation working. */
const METADATA_TTL_MS = 24 * 60 * 60 * 1000;

export type AuthResult =
  | { ok: true }
  /** 401: no credentials at all; 403: credentials that do not check out. */
  | { ok: false; status: 401 | 403; reason: string };

export interface VerifierOptions {
  metadataUrl: string;
  appId: string;
  channelId?: string;
  fetch?: typeof fetch;
  /** How soon an unknown kid may refetch the key set (jose's default is 30 s). */
  jwksCooldownMs?: number;
  now?: () => number;
}

export type TokenResult = { ok: true; serviceUrl: string } | { ok: false; status: 401 | 403; reason: string };

export interface Verifier {
  /**
   * Everything about the token that does not need the body: signature, issuer, audience, expiry,
   * endorsement. Run before the body is parsed, so an unauthenticated sender costs no parsing.
   */
  verifyToken(authorization: string | undefined): Promise<TokenResult>;
  /** The token and the activity's serviceUrl together (verifyToken, then matchesServiceUrl). */
  verify(authorization: string | undefined, serviceUrl: string): Promise<AuthResult>;
}

/** The token's serviceurl claim against the activity's; a mismatch is a 403. */
export function matchesServiceUrl(token: { serviceUrl: string }, serviceUrl: string): AuthResult {
  return sameServiceUrl(token.serviceUrl, serviceUrl) ? { ok: true } : { ok: false, status: 403, reason: 'service_url_mismatch' };
}

type RemoteSet = ReturnType<typeof createRemoteJWKSet>;

/** Creates a verifier that caches metadata and keys for the life of the process/isolate. */
export function createVerifier(opts: VerifierOptions): Verifier {
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  const channelId = opts.channelId ?? 'msteams';
  let keys: { set: RemoteSet; uri: string; at: number } | null = null;
  let loading: Promise<RemoteSet> | null = null;

  async function keySet(): Promise<RemoteSet> {
    if (keys && now() - keys.at < METADATA_TTL_MS) return keys.set;
    loading ??= (async () => {
      try {
        const res = await doFetch(opts.metadataUrl, { signal: AbortSignal.timeout(10_000) });
        if (!res.ok) throw new Error(`openid_metadata_${res.status}`);
        const meta = openIdMetadata.parse(await res.json());
        // Keep the existing set (and its cached keys) when the location did not move.
        if (keys && keys.uri === meta.jwks_uri) {
          keys = { ...keys, at: now() };
          return keys.set;
        }
        const set = createRemoteJWKSet(new URL(meta.jwks_uri), {
          cooldownDuration: opts.jwksCooldownMs ?? 30_000,
          cacheMaxAge: METADATA_TTL_MS,
          ...(opts.fetch ? { [customFetch]: opts.fetch } : {}),
        });
        keys = { set, uri: meta.jwks_uri, at: now() };
        return set;
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  async function verifyToken(authorization: string | undefined): Promise<TokenResult> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) return { ok: false, status: 401, reason: 'missing_token' };
    let set: RemoteSet;
    try {
      set = await keySet();
    } catch {
      // Cannot check the token, so it is not trusted; Bot Framework retries later.
      return { ok: false, status: 403, reason: 'metadata_unavailable' };
    }
    try {
      const { payload, protectedHeader } = await jwtVerify(match[1], set, {
        issuer: BOT_FRAMEWORK_ISSUER,
        audience: opts.appId,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_SKEW_SECONDS,
        currentDate: new Date(now()),
        requiredClaims: ['exp'],
      });
      const claimed = payload.serviceurl ?? payload.serviceUrl;
      if (typeof claimed !== 'string') return { ok: false, status: 403, reason: 'service_url_mismatch' };
      const jwk = set.jwks()?.keys.find((k) => k.kid === protectedHeader.kid) as (JWK & { endorsements?: unknown }) | undefined;
      const endorsements = Array.isArray(jwk?.endorsements) ? jwk.endorsements : [];
      if (!endorsements.includes(channelId)) return { ok: false, status: 403, reason: 'key_not_endorsed' };
      return { ok: true, serviceUrl: claimed };
    } catch (e) {
      return { ok: false, status: 403, reason: reasonOf(e) };
    }
  }

  return {
    verifyToken,
    async verify(authorization, serviceUrl) {
      const token = await verifyToken(authorization);
      return token.ok ? matchesServiceUrl(token, serviceUrl) : token;
    },
  };
}

/** Trailing slashes differ between the claim and the activity in the wild; nothing else may. */
function sameServiceUrl(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}

function reasonOf(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'expired';
  if (e instanceof errors.JWTClaimValidationFailed) return `claim_${e.claim}`;
  if (e instanceof errors.JWKSNoMatchingKey) return 'unknown_key';
  if (e instanceof errors.JOSEAlgNotAllowed) return 'alg_not_allowed';
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (e instanceof errors.JOSEError) return e.code;
  return 'invalid_token';
}
