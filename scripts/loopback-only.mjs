/**
 * Preloaded into the Agents Playground (`node --import`): it listens without naming a host,
 * which means every interface, and it takes unauthenticated activities. Every server in that
 * process binds to 127.0.0.1 instead, so nothing outside this machine can reach it.
 */
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function loopbackListen(...args) {
  const [first] = args;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (first && typeof first === 'object' && !('path' in first) && !('fd' in first) && !('handle' in first)) {
    args[0] = { ...first, host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
