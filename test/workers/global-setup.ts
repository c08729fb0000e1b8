/**
 * Runs in Node before the workerd tests: starts the fake Slack Web API and the fake Bot Framework
 * on 127.0.0.1 (a node:http server cannot run inside workerd), and a small control server that
 * lets the tests inside workerd read what the fakes recorded, make them fail, and sign Teams
 * tokens with the fake's private key. Their URLs reach the Worker as env bindings.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startFakeSlackApi, type Failure } from '../fakes/slack-api';
import { FakeBotFramework, type SignOptions } from '../fakes/bot-framework';
import { startSmtp } from '../support/smtp';
import { ADMIN_EMAIL, ADMIN_PASSWORD, REVIEW_CHANNEL, SLACK_SECRET } from './constants';

declare module 'vitest' {
  export interface ProvidedContext {
    workerEnv: Record<string, string>;
  }
}

async function body(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const slack = await startFakeSlackApi();
  const teams = await FakeBotFramework.start();
  // A real SMTP server for worker-mailer, which speaks SMTP over Workers sockets.
  const smtp = await startSmtp();

  const control: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://control');
    const send = (value: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value ?? null));
    try {
      const b = req.method === 'POST' ? await body(req) : {};
      switch (`${req.method} ${url.pathname}`) {
        case 'GET /slack/calls':
          return send(slack.calls(url.searchParams.get('method') ?? undefined));
        case 'POST /slack/fail':
          slack.failNext(b.method as string, b.failure as Failure);
          return send({});
        case 'POST /slack/workspace':
          slack.addWorkspace(b.code as string, b.workspace);
          return send({});
        case 'POST /slack/members':
          slack.setMembers(b.channel as string, b.members as string[]);
          return send({});
        case 'GET /teams/sent':
          return send(teams.sent());
        case 'POST /teams/sign':
          return send({ token: await teams.sign(b as SignOptions) });
        case 'GET /smtp/mails':
          return send(
            smtp.mails.map((m) => ({
              subject: m.subject,
              to: m.to && 'value' in m.to ? m.to.value.map((a) => a.address) : [],
              text: m.text,
              html: m.html,
              messageId: m.messageId,
            })),
          );
        case 'POST /reset':
          slack.reset();
          teams.reset();
          smtp.mails.length = 0;
          return send({});
        default:
          res.writeHead(404).end();
      }
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;

  project.provide('workerEnv', {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG ? 'debug' : 'silent',
    PLAYGROUND: 'true',
    DIALOGUES_CLOCK: '2023-01-20T09:00:00Z',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    // The lowest cost scrypt accepts: the tests sign in, they do not measure the hash.
    PASSWORD_HASH_COST: '10',
    SESSION_SECRET: 'workers-test-session-secret-0123456789abcdef',
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-workers-test',
    SLACK_API_URL: slack.url,
    SLACK_REVIEW_CHANNEL: REVIEW_CHANNEL,
    ...teams.env(),
    CONTROL_URL: controlUrl,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Constructive Dialogues <dialogues@example.org>',
  });

  return async () => {
    control.closeAllConnections();
    await new Promise<void>((resolve) => control.close(() => resolve()));
    await slack.close();
    await teams.stop();
    await smtp.close();
  };
}
