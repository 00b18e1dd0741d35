'use client';
import { useEffect, useState, type ReactNode } from 'react';
import { ClerkProvider, type BrowserClerk } from '../clerk';
import { resetClerkQueryCache } from '../clerk/query-cache';
import { KitProvider } from '../i18n/context';
import { createMockClerk, MOCK_PUBLISHABLE_KEY, type CreateMockClerkOptions, type MockClerk } from './create-mock-clerk';
import { hostMockClerk } from './load-failure';
import { asResource } from './resource-base';

export type MockClerkProviderProps = {
  children?: ReactNode;
} & ({ clerk: MockClerk; options?: never } | { clerk?: never; options?: CreateMockClerkOptions });

const ids = new WeakMap<MockClerk, number>();
let lastId = 0;
const idOf = (clerk: MockClerk) => {
  let id = ids.get(clerk);
  if (id === undefined) {
    id = ++lastId;
    ids.set(clerk, id);
  }
  return id;
};

/**
 * The real `ClerkProvider` from @clerk/react, driven by a mock Clerk instance: every Clerk hook
 * below it runs unchanged, offline. Pass your own `clerk` (from `createMockClerk`) to drive and
 * inspect it from a test, or `options` (a persona) to let the provider create one; `options` is
 * read once, on mount (give the provider a new `key` to start over with other options).
 */
export function MockClerkProvider({ clerk, options, children }: MockClerkProviderProps) {
  // The mock of the first render: the `clerk` given, or one made from `options` (read once).
  const [own] = useState(() => clerk ?? createMockClerk(options));
  const instance = clerk ?? own;
  // Before ClerkProvider (rendered below) calls load(): a failed load now waits for this
  // provider to mount, so it reaches ClerkProvider's status listener as clerk-js's failure does.
  const host = hostMockClerk(instance);
  // Effects run children first: ClerkProvider has subscribed to status when this one runs.
  useEffect(() => host.open(), [host]);
  // Every member the mock has is checked against Clerk's own type; the rest it leaves out.
  const asClerk: Partial<BrowserClerk> = instance;
  return (
    // ClerkProvider reads its Clerk instance once: a new mock needs a new provider.
    <ClerkProvider
      key={idOf(instance)}
      publishableKey={MOCK_PUBLISHABLE_KEY}
      Clerk={asResource<BrowserClerk>(asClerk)}
      // 'headless' loads a provided instance synchronously: a loaded mock renders its state on
      // the first render, with no loading flash.
      experimental={{ runtimeEnvironment: 'headless' }}
    >
      <FreshQueryCache>
        {/* Kit components measure relative times from the mock's frozen clock. */}
        <KitProvider now={instance.mock.now}>{children}</KitProvider>
      </FreshQueryCache>
    </ClerkProvider>
  );
}

/**
 * Clerk's paginated hooks cache pages per user id in one module-level client. Emptying it when a
 * new mock mounts, before any hook below reads it, keeps one story's or test's pages out of the next.
 */
function FreshQueryCache({ children }: { children?: ReactNode }) {
  useState(resetClerkQueryCache);
  return children;
}
