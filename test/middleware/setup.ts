import { AsyncLocalStorage } from 'node:async_hooks';

// What Next's server runtime provides and plain Node does not:
// 1. Next's request-scoped storages look for a global AsyncLocalStorage (Edge and Node runtimes set it).
Object.assign(globalThis, { AsyncLocalStorage });
// 2. @clerk/nextjs's auth() calls `require("server-only")` from an ES module: Next's server bundle
//    resolves it under the `react-server` condition to an empty module. Plain Node has no `require`
//    in ES modules, so give it one that does the same for that marker and nothing else.
Object.assign(globalThis, {
  require: (id: string) => {
    if (id === 'server-only') return {};
    throw new Error(`test setup: unexpected require(${JSON.stringify(id)})`);
  },
});
