/**
 * Bench page (built by bench/org-switcher.bench.mjs in production mode): OrgSwitcher on a mock
 * Clerk with N memberships, styled by the kit's stylesheet. Measures, in the page:
 * - open: click on the trigger until the frame with the list has been painted;
 * - keystroke: an input event in the search box (at a random point of a frame, as typing is) until
 *   the frame with the filtered list has been painted, once every page is loaded (a first query
 *   fetched them 500 at a time); and its work alone: the event's render and commit plus that
 *   frame's style, layout and paint, which must fit in one frame;
 * - the most option rows that were in the DOM at any point.
 */
import '../src/styles.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { OrgSwitcher, useOrgSwitcher, type OrgSwitcherApi } from '../src/index';
import { createMockClerk, manyOrgs, MockClerkProvider } from '../src/testing/index';

/**
 * The same switcher with @tanstack/react-virtual in place of the kit's own windowing (the
 * alternative the issue names), built from the public parts: measured side by side.
 */
function TanstackList({ api }: { api: OrgSwitcherApi }) {
  const ref = useRef<HTMLDivElement>(null);
  const count = api.options.length;
  // eslint-disable-next-line react-hooks/incompatible-library -- the comparison is the point here
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => ref.current,
    estimateSize: () => 44,
    overscan: 4,
  });
  useEffect(() => {
    if (api.activeIndex >= 0) virtualizer.scrollToIndex(api.activeIndex);
  }, [api.activeIndex, virtualizer]);
  return (
    <div
      ref={ref}
      id={api.getListProps().id}
      role="listbox"
      aria-label="Organizations"
      style={{ height: Math.min(count, 7.5) * 44, overflowY: 'auto' }}
    >
      <div role="presentation" style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <OrgSwitcher.Item key={api.options[row.index]!.id} option={api.options[row.index]!} index={row.index} />
        ))}
      </div>
    </div>
  );
}
function WithTanstack() {
  const api = useOrgSwitcher();
  return (
    <OrgSwitcher.Root value={api}>
      <OrgSwitcher.Trigger />
      <OrgSwitcher.Content>
        <OrgSwitcher.Search />
        <TanstackList api={api} />
        <OrgSwitcher.LoadState />
      </OrgSwitcher.Content>
    </OrgSwitcher.Root>
  );
}

/**
 * Resolves after the next frame has been painted (rAF runs before style, layout and paint; a
 * message task runs after them), with when that frame started and when it was done.
 */
const afterPaint = () =>
  new Promise<{ frame: number; painted: number }>((resolve) =>
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ frame, painted: performance.now() });
      channel.port2.postMessage(null);
    }),
  );
const until = async (check: () => boolean, what: string) => {
  const end = performance.now() + 20_000;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};
const setValue = (input: HTMLInputElement, value: string) => {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
const optionsInDom = () => document.querySelectorAll('[role="option"]').length;

/** Typing "organization-00" then "4", "2", and deleting back to "": every keystroke is a new filter. */
const QUERY = 'organization-0042';
const keystrokes = [
  ...Array.from({ length: QUERY.length }, (_, i) => QUERY.slice(0, i + 1)),
  ...Array.from({ length: QUERY.length }, (_, i) => QUERY.slice(0, QUERY.length - i - 1)),
];

async function run(n: number, opens: number, rounds: number, variant: 'own' | 'tanstack' = 'own') {
  const clerk = createMockClerk(manyOrgs(n));
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  root.render(<MockClerkProvider clerk={clerk}>{variant === 'own' ? <OrgSwitcher /> : <WithTanstack />}</MockClerkProvider>);
  const trigger = () => container.querySelector<HTMLButtonElement>('[data-slot="trigger"]')!;
  const pages = () => clerk.mock.calls.filter((c) => c.action === 'getOrganizationMemberships' && c.status === 'ok');
  await until(() => trigger() && !trigger().disabled && pages().length > 0, 'the first page');
  let maxRows = 0;
  const open: number[] = [];
  for (let i = 0; i < opens; i++) {
    const t0 = performance.now();
    trigger().click();
    await until(() => optionsInDom() > 0, 'the list');
    open.push((await afterPaint()).painted - t0);
    maxRows = Math.max(maxRows, optionsInDom());
    document.querySelector('[role="combobox"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await afterPaint();
  }
  trigger().click();
  await until(() => Boolean(document.querySelector('[role="combobox"]')), 'the search box');
  const input = document.querySelector<HTMLInputElement>('[role="combobox"]')!;
  setValue(input, 'o');
  await until(() => pages().length >= 1 + Math.ceil(n / 500), 'every page');
  setValue(input, '');
  await afterPaint();
  // toPaint includes waiting for the next frame; work is only what the keystroke costs: the event
  // (React's render and commit, synchronous for an input event) plus that frame's style, layout, paint.
  const keystroke: number[] = [];
  const work: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of keystrokes) {
      // A person's keystroke lands anywhere within a frame, not just after a paint.
      await new Promise((r) => setTimeout(r, Math.random() * 16));
      const t0 = performance.now();
      setValue(input, q);
      const t1 = performance.now();
      const { frame, painted } = await afterPaint();
      keystroke.push(painted - t0);
      work.push(t1 - t0 + (painted - frame));
      maxRows = Math.max(maxRows, optionsInDom());
    }
  }
  const matches = (setValue(input, 'organization-00'), await afterPaint(), document.querySelector('[role="status"]')?.textContent);
  root.unmount();
  container.remove();
  return { open, keystroke, work, maxRows, requests: pages().length, matches };
}

/** React's development JSX runtime gives elements a `_store` (for key warnings); production does not. */
const reactMode = '_store' in <i /> ? 'development' : 'production';

Object.assign(window, { runOrgSwitcherBench: run, reactMode });
