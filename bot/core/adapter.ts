/**
 * A chat platform as the composition root sees it: HTTP routes to mount, a Sender for the
 * outbox, and who on that platform may decide on applications.
 */
import type { Hono } from 'hono';
import type { Platform } from '../../domain/types';
import type { Recipient } from '../../domain/messages';
import type { Actor } from './types';
import type { Sender } from './sender';
import type { FileDelivery, PersonalFile } from '../../domain/privacy';

export interface PlatformAdapter {
  platform: Platform;
  /** Mounted at "/"; the adapter defines its full paths (e.g. POST /slack/events). */
  routes?: Hono;
  sender: Sender;
  /**
   * Whether `actor` may decide on an application whose review card went to `channels` (this
   * platform's only): a member of one of them, or a person on a reviewer list.
   */
  isReviewer(actor: Actor, channels: Recipient[]): Promise<boolean>;
  /** Hands a person their own file (export of their data) on this platform. */
  deliverFile?(actor: Actor, file: PersonalFile): Promise<FileDelivery>;
  /** Long-lived connections (Slack Socket Mode) started after the HTTP server. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
