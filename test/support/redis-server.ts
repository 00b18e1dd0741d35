/**
 * A real redis-server for tests and the load benchmark: Debian's package (/usr/bin/redis-server,
 * installed by .ci/run when missing), on a free loopback port, no persistence, in a temp dir.
 * `stop()` and `start()` take it down and bring it back on the same port (empty: nothing is saved).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  port: number;
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server and removes its temp dir. */
  close(): Promise<void>;
}

const BIN = process.env.REDIS_SERVER_PATH ?? (existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : 'redis-server');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'csk-redis-'));
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
      const proc = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      let output = '';
      let ready = false;
      const timer = setTimeout(() => fail(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
      const fail = (error: Error) => {
        clearTimeout(timer);
        proc.kill('SIGKILL');
        reject(error);
      };
      proc.once('error', (error) => fail(new Error(`cannot run ${BIN} (install Debian's redis-server): ${error.message}`)));
      proc.once('exit', (code) => fail(new Error(`redis-server exited with ${code}:\n${output}`)));
      proc.stdout?.on('data', (chunk: Buffer) => {
        if (ready) return;
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          ready = true;
          clearTimeout(timer);
          proc.removeAllListeners('exit');
          resolve();
        }
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    async close() {
      await stop();
      process.removeListener('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A node-redis client as far as waiting for its connection goes. */
export interface Reconnecting {
  isReady: boolean;
  once(event: 'ready', listener: () => void): unknown;
}

/**
 * Resolves when `client` is connected: at once if it is, else on its next 'ready' event (node-redis
 * emits one per reconnection). Rejects after `deadlineMs` with `message`, so a server that never
 * comes back fails the run instead of hanging it.
 */
export function whenReady(client: Reconnecting, message: string, deadlineMs = 4000): Promise<void> {
  if (client.isReady) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(message)), deadlineMs);
    client.once('ready', () => {
      clearTimeout(deadline);
      resolve();
    });
  });
}
