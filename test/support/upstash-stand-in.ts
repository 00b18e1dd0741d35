/**
 * A local stand-in for Upstash Redis's REST API on node:http, forwarding every command to a real
 * redis-server (so EVAL/EVALSHA semantics are Redis's own). It speaks what @upstash/redis 1.39
 * sends: POST `/` with a JSON command array, POST `/pipeline` with an array of them, a Bearer
 * token, and `Upstash-Encoding: base64` (string results base64-encoded). Errors answer
 * `{ error }` with status 400 (single) or per command inside a 200 (pipeline), as Upstash does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import { whenReady } from './redis-server';

export interface UpstashStandIn {
  url: string;
  token: string;
  /** Requests answered so far. */
  readonly requests: number;
  /** Resolves once its Redis connection is up (after a redis-server restart). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const encode = (value: unknown, base64: boolean): unknown => {
  if (typeof value === 'string') return base64 && value !== 'OK' ? Buffer.from(value).toString('base64') : value;
  if (Array.isArray(value)) return value.map((v) => encode(v, base64));
  return value ?? null;
};

export async function startUpstashStandIn(redisUrl: string, token = 'test-token'): Promise<UpstashStandIn> {
  const redis = createClient({ url: redisUrl, disableOfflineQueue: true, socket: { reconnectStrategy: () => 50 } });
  redis.on('error', () => {}); // reconnects are reported per command below
  await redis.connect();
  let requests = 0;

  const run = async (command: unknown, base64: boolean) => {
    if (!Array.isArray(command) || command.length === 0) return { error: 'ERR bad command' };
    try {
      return { result: encode(await redis.sendCommand(command.map(String)), base64) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', async () => {
      requests++;
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST') return reply(405, { error: 'method not allowed' });
      if (req.headers.authorization !== `Bearer ${token}`) return reply(401, { error: 'Unauthorized' });
      const base64 = req.headers['upstash-encoding'] === 'base64';
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return reply(400, { error: 'ERR failed to parse command' });
      }
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/pipeline') {
        if (!Array.isArray(parsed)) return reply(400, { error: 'ERR pipeline needs an array of commands' });
        const results = [];
        for (const command of parsed) results.push(await run(command, base64));
        return reply(200, results);
      }
      if (path !== '/') return reply(404, { error: 'not found' });
      const result = await run(parsed, base64);
      return reply('error' in result ? 400 : 200, result);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    get requests() {
      return requests;
    },
    async ready() {
      await whenReady(redis, 'the Upstash stand-in could not reconnect to redis-server');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.destroy();
    },
  };
}
