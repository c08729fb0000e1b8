/**
 * A chat platform as the composition root sees it: HTTP routes to mount, a Sender for the
 * outbox, and who on that platform may decide on applications.
 */
import type { Hono } from 'hono';
import type { Platform } from '../../domain/types';
import type { Actor } from './types';
import type { Sender } from './sender';

export interface PlatformAdapter {
  platform: Platform;
  /** Mounted at "/"; the adapter defines its full paths (e.g. POST /slack/events). */
  routes?: Hono;
  sender: Sender;
  isReviewer(actor: Actor): Promise<boolean>;
  /** Whether the actor is a member of one of these channels (absent: nobody is, on this platform). */
  isChannelMember?(actor: Actor, channels: string[]): Promise<boolean>;
  /** Long-lived connections (Slack Socket Mode) started after the HTTP server. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
