import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';

// What Next's server runtime provides and plain Node does not:
// 1. Next's request-scoped storages look for a global AsyncLocalStorage (Edge and Node runtimes set it).
Object.assign(globalThis, { AsyncLocalStorage });
// 2. @clerk/nextjs's auth() calls `require("server-only")`. Next's server bundle resolves that marker
//    under the `react-server` condition to an empty module; plain Node resolves it to the file that
//    throws. Load the empty module in its place, and nothing else.
const require = createRequire(import.meta.url);
const marker = require.resolve('server-only');
const empty = marker.replace(/index\.js$/, 'empty.js');
require(empty);
require.cache[marker] = require.cache[empty];
