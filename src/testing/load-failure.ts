/**
 * When the mock's failed load() settles: after ClerkProvider listens, as clerk-js's does (see
 * loadFailureArrives). Keyed by the mock instance; no React here (provider.tsx opens the gate).
 */

/**
 * When a failed load reaches ClerkProvider. @clerk/react 6 calls `load()` while ClerkProvider
 * first renders (IsomorphicClerk's constructor) and subscribes to `status` only in an effect,
 * without `notify`: an 'error' emitted before that effect ran is lost and the page shows skeletons
 * for ever. clerk-js never fails that early: its failure is an answer (or none) from the Frontend
 * API, at least one round trip later, after the page mounted. The mock has no round trip, so:
 * - under `MockClerkProvider` (and the Storybook glue), the failure arrives once that provider
 *   has mounted: its effect runs after ClerkProvider's (parents' effects run after their
 *   children's), so ClerkProvider is subscribed, whatever React's scheduling or StrictMode does;
 * - under your own `<ClerkProvider Clerk={mock}>`, whose mount the mock cannot see, it arrives
 *   after a simulated round trip of `UNHOSTED_LOAD_FAILURE_MS`.
 */
export function loadFailureArrives(clerk: object): Promise<void> {
  const host = hosts.get(clerk);
  return host ? host.mounted : new Promise((resolve) => setTimeout(resolve, UNHOSTED_LOAD_FAILURE_MS));
}

/** A failed load's simulated round trip when no `MockClerkProvider` renders the mock (ms). */
export const UNHOSTED_LOAD_FAILURE_MS = 250;

interface Host {
  mounted: Promise<void>;
  open: () => void;
}
const hosts = new WeakMap<object, Host>();

/**
 * Internal (provider.tsx): `MockClerkProvider` calls this while it renders, before the
 * ClerkProvider below it calls `load()`, and calls `open()` from an effect once mounted.
 */
export function hostMockClerk(clerk: object): Host {
  let host = hosts.get(clerk);
  if (!host) {
    let open: () => void = () => {};
    const mounted = new Promise<void>((resolve) => {
      open = resolve;
    });
    host = { mounted, open };
    hosts.set(clerk, host);
  }
  return host;
}
