/**
 * The link a Teams dialog opens on the web form: a short-lived HS256 JWT that says who asked
 * (from the verified task/fetch activity) and where to answer them. The key is derived from
 * TEAMS_APP_PASSWORD with HKDF and a fixed label, so no new secret has to be configured and the
 * password itself is never used as a key. Verified against real time, like Bot Framework tokens.
 */
import { errors, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';
import type { Actor } from '../core/types';

export const DIALOG_TOKEN_ISSUER = 'urn:dialogue-desk:teams-bot';
export const DIALOG_TOKEN_AUDIENCE = 'urn:dialogue-desk:teams-dialog';
const TOKEN_TYPE = 'dialog+jwt';
export const DIALOG_TOKEN_TTL_SECONDS = 30 * 60;
const HKDF_SALT = 'dialogue-desk';
const HKDF_INFO = 'teams dialog link token v1';

/** Where the engine's answers go when the form is finished: the chat the dialog was opened from. */
export interface DialogConversation {
  id: string;
  serviceUrl: string;
  personal: boolean;
}

export interface DialogGrant {
  actor: Actor & { platform: 'teams'; scope: string };
  conversation: DialogConversation;
}

const claims = z.object({
  sub: z.string().min(1).max(100),
  tid: z.string().min(1).max(100),
  name: z.string().max(200).optional(),
  tz: z.string().max(64).optional(),
  conv: z.object({ id: z.string().min(1).max(500), su: z.url().max(500), p: z.boolean() }),
});

export type DialogTokenResult = { ok: true; grant: DialogGrant } | { ok: false; reason: string };

export interface DialogTokens {
  sign(grant: DialogGrant): Promise<string>;
  verify(token: string | undefined | null): Promise<DialogTokenResult>;
}

/** Derives the signing key once; `now` (ms) is for tests of expiry. */
export function createDialogTokens(appPassword: string, opts: { now?: () => number } = {}): DialogTokens {
  const now = opts.now ?? Date.now;
  let key: Promise<Uint8Array> | null = null;
  const secret = () => (key ??= deriveKey(appPassword));

  return {
    async sign({ actor, conversation }) {
      const iat = Math.floor(now() / 1000);
      return new SignJWT({
        tid: actor.scope,
        ...(actor.displayName ? { name: actor.displayName.slice(0, 200) } : {}),
        ...(actor.timeZone ? { tz: actor.timeZone } : {}),
        conv: { id: conversation.id, su: conversation.serviceUrl, p: conversation.personal },
      })
        .setProtectedHeader({ alg: 'HS256', typ: TOKEN_TYPE })
        .setIssuer(DIALOG_TOKEN_ISSUER)
        .setAudience(DIALOG_TOKEN_AUDIENCE)
        .setSubject(actor.userId)
        .setIssuedAt(iat)
        .setExpirationTime(iat + DIALOG_TOKEN_TTL_SECONDS)
        .sign(await secret());
    },

    async verify(token) {
      if (!token || token.length > 4000) return { ok: false, reason: 'missing_token' };
      try {
        const { payload } = await jwtVerify(token, await secret(), {
          issuer: DIALOG_TOKEN_ISSUER,
          audience: DIALOG_TOKEN_AUDIENCE,
          algorithms: ['HS256'],
          typ: TOKEN_TYPE,
          requiredClaims: ['exp', 'iat', 'sub'],
          maxTokenAge: DIALOG_TOKEN_TTL_SECONDS,
          currentDate: new Date(now()),
        });
        const c = claims.safeParse(payload);
        if (!c.success) return { ok: false, reason: 'claims' };
        const { sub, tid, name, tz, conv } = c.data;
        return {
          ok: true,
          grant: {
            actor: { platform: 'teams', userId: sub, scope: tid, ...(name ? { displayName: name } : {}), ...(tz ? { timeZone: tz } : {}) },
            conversation: { id: conv.id, serviceUrl: conv.su, personal: conv.p },
          },
        };
      } catch (e) {
        return { ok: false, reason: reasonOf(e) };
      }
    },
  };
}

async function deriveKey(password: string): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const base = await crypto.subtle.importKey('raw', enc.encode(password), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: enc.encode(HKDF_SALT), info: enc.encode(HKDF_INFO) },
    base,
    256,
  );
  return new Uint8Array(bits);
}

function reasonOf(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'expired';
  if (e instanceof errors.JWTClaimValidationFailed) return `claim_${e.claim}`;
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (e instanceof errors.JOSEError) return e.code;
  return 'invalid_token';
}
