/**
 * The counting fake Slack Web API in its own process, so that answering the server under test
 * does not share an event loop with the load generator. Prints one JSON line {url, port}.
 */
import { startCountingSlackApi } from '../test/fakes/counting-slack-api';

const port = Number(process.argv[2] ?? 0);
const watch = (process.argv[3] ?? '').split(',').filter(Boolean);
const api = await startCountingSlackApi({ port, watch });
process.stdout.write(`${JSON.stringify({ url: api.url, port: api.port })}\n`);
process.once('SIGTERM', () => void api.close().then(() => process.exit(0)));
