/**
 * A file for one person, in their direct message: Slack's upload flow as files.uploadV2 does it.
 * 1. files.getUploadURLExternal (form-encoded: Slack takes no JSON for this method) gives an
 *    upload URL and a file id; 2. the bytes are POSTed to that URL; 3. files.completeUploadExternal
 *    shares the file in the DM (conversations.open gives its channel id). Needs `files:write`.
 */
import * as z from 'zod';
import type { PersonalFile } from '../../domain/privacy';
import type { SlackClient } from './client';

const uploadTicket = z.object({ ok: z.literal(true), upload_url: z.url({ protocol: /^https?$/ }), file_id: z.string().min(1).max(64) });
const opened = z.object({ channel: z.object({ id: z.string().min(1).max(64) }) });

export interface FileUploadOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}

export class SlackUploadError extends Error {
  constructor(
    readonly step: string,
    readonly code: string,
  ) {
    super(`Slack file upload failed at ${step}: ${code}`);
    this.name = 'SlackUploadError';
  }
}

export async function uploadToUser(
  client: SlackClient,
  opts: FileUploadOptions,
  userId: string,
  file: PersonalFile,
  comment: string,
): Promise<{ fileId: string; channel: string }> {
  const doFetch = opts.fetch ?? fetch;
  const bytes = new TextEncoder().encode(file.content);
  const ticketRes = await doFetch(new URL('files.getUploadURLExternal', opts.baseUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ filename: file.filename, length: String(bytes.byteLength) }).toString(),
    signal: AbortSignal.timeout(10_000),
  });
  const ticketJson: unknown = await ticketRes.json().catch(() => null);
  const ticket = uploadTicket.safeParse(ticketJson);
  if (!ticket.success)
    throw new SlackUploadError(
      'files.getUploadURLExternal',
      String((ticketJson as { error?: unknown } | null)?.error ?? `http_${ticketRes.status}`),
    );

  const upload = await doFetch(ticket.data.upload_url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: bytes,
    signal: AbortSignal.timeout(30_000),
  });
  if (!upload.ok) throw new SlackUploadError('upload', `http_${upload.status}`);

  const dm = opened.parse(await client.call('conversations.open', { users: userId }));
  await client.call('files.completeUploadExternal', {
    files: [{ id: ticket.data.file_id, title: file.title }],
    channel_id: dm.channel.id,
    initial_comment: comment,
  });
  return { fileId: ticket.data.file_id, channel: dm.channel.id };
}
