/**
 * Debian's Chromium for the scripts and benchmarks (never a downloaded browser), with the flags
 * that keep it off this machine's closed network. vitest.config.ts launches the tests' Chromium
 * with the same binary and flags.
 */
import { chromium } from 'playwright';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchChromium = () =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
