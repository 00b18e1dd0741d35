#!/usr/bin/env node
// Runs a command on a busy machine: N worker processes burn CPU in tight loops at normal priority
// while it runs, and stop when it exits. Its exit code is passed through.
//
//   node scripts/contention.mjs [--workers N] -- <command…>
//
// N defaults to CONTENTION_WORKERS, else the number of CPUs. Tests that pass here do not depend on
// how fast the machine is (a timeout, a race with focus, a frame that has not been drawn yet).
import { spawn } from 'node:child_process';
import { availableParallelism, constants } from 'node:os';

const usage = 'usage: node scripts/contention.mjs [--workers N] -- <command…>';
const args = process.argv.slice(2);
const dashes = args.indexOf('--');
const options = dashes === -1 ? [] : args.slice(0, dashes);
const command = dashes === -1 ? args : args.slice(dashes + 1);
let workers = Number(process.env.CONTENTION_WORKERS || availableParallelism());
for (let i = 0; i < options.length; i++) {
  if (options[i] === '--workers') workers = Number(options[++i]);
  else if (options[i].startsWith('--workers=')) workers = Number(options[i].slice('--workers='.length));
  else {
    console.error(`contention: unknown option ${options[i]}\n${usage}`);
    process.exit(2);
  }
}
if (command.length === 0 || !Number.isInteger(workers) || workers < 0) {
  console.error(usage);
  process.exit(2);
}

// A worker spins until this process stops it, and stops by itself once this process is gone (killed
// with SIGKILL, say): its parent then changes (read from /proc, as Node caches process.ppid), or,
// without /proc, signal 0 no longer reaches the parent. It looks every ~10 ms of spinning.
const burn = `
  const parent = process.ppid;
  const fs = require('node:fs');
  const parentAlive = () => {
    try {
      return Number(fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[1]) === parent;
    } catch {
      try { process.kill(parent, 0); return true; } catch { return false; }
    }
  };
  for (;;) { for (let i = 0; i < 1e7; i++); if (!parentAlive()) process.exit(0); }
`;
const burners = Array.from({ length: workers }, () => spawn(process.execPath, ['-e', burn], { stdio: 'ignore' }));

const stopBurners = () => {
  for (const burner of burners) if (burner.exitCode === null && burner.signalCode === null) burner.kill('SIGKILL');
};
process.on('exit', stopBurners);

const started = Date.now();
console.error(`contention: ${workers} CPU-burning worker(s) running; command: ${command.join(' ')}`);
const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });

// Ctrl-C or a CI cancel reaches the command (its process group gets SIGINT from a terminal anyway);
// the workers stop when this process exits.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));

child.on('error', (error) => {
  console.error(`contention: could not run ${command[0]}: ${error.message}`);
  stopBurners();
  process.exit(127);
});
child.on('exit', (code, signal) => {
  stopBurners();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const status = signal ? `was killed by ${signal}` : `exited with ${code}`;
  console.error(`contention: command ${status} after ${seconds} s under ${workers} worker(s)`);
  // A command killed by a signal exits as a shell would report it: 128 + the signal's number.
  process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
});
