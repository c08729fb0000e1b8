/**
 * The baseline: a bare @slack/bolt app on its HTTPReceiver (signature check, body parsing, ack)
 * with a listener that only acknowledges. Same URL, same signing secret, same requests as ours.
 */
import { App, HTTPReceiver } from '@slack/bolt';

const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET!,
  endpoints: '/slack/events',
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200);
        res.end('ok');
      },
    },
  ],
});
const app = new App({
  receiver,
  // No auth.test call: the bot's identity is given, as a single-workspace app would cache it.
  authorize: async () => ({ botToken: 'xoxb-bench', botId: 'B0BOT', botUserId: 'U0LAN0Z89' }),
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.event('message', async () => {});
await app.start(Number(process.env.PORT), { host: process.env.HOST ?? '127.0.0.1' } as never);
