'use client';
/**
 * Storybook glue (entry `clerk-session-kit/testing/storybook`): a loader that creates one mock
 * Clerk per story render from `parameters.clerk` and the `persona` toolbar global, and a
 * decorator that renders the story inside `MockClerkProvider` with it. The mock's calls go to
 * the Actions panel; a play function reads the mock with `getMockClerk(context)`.
 */
import type { ReactNode } from 'react';
import { action } from 'storybook/actions';
import { createMockClerk, type MockClerk } from './create-mock-clerk';
import { mergePersona, personas, type Persona, type PersonaName } from './personas';
import { MockClerkProvider } from './provider';

export interface ClerkParameters {
  /** A persona by name or as data. Default: `signedOut`. */
  persona?: PersonaName | Persona;
  /** Merged over the persona (see `mergePersona`): latency, failures, state changes… */
  options?: Persona;
  /** Set to true to render the story without a mock Clerk. */
  disable?: boolean;
  /**
   * Keeps this story's persona whatever the Persona toolbar says. Stories with a play function
   * pin by default, because their assertions expect their own data; `pin: false` lets the
   * toolbar drive such a story anyway.
   */
  pin?: boolean;
}

/** The part of Storybook's story context this glue reads (works with any React framework). */
interface Context {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Storybook types these as any
  parameters: Record<string, any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  globals: Record<string, any>;
  loaded: Record<string, unknown>;
  playFunction?: unknown;
}

const resolvePersona = (p: string | Persona | undefined): Persona =>
  typeof p === 'string' ? (isPersonaName(p) ? personas[p] : unknownPersona(p)) : (p ?? personas.signedOut);
const isPersonaName = (name: string): name is PersonaName => Object.hasOwn(personas, name);
/** What mockClerkLoader put in `context.loaded`, read back without trusting its type. */
const isMockClerk = (value: unknown): value is MockClerk => typeof value === 'object' && value !== null && 'mock' in value;

const unknownPersona = (name: string): never => {
  throw new TypeError(`parameters.clerk.persona: unknown persona "${name}". Known: ${Object.keys(personas).join(', ')}.`);
};

/**
 * Loader: `loaders: [mockClerkLoader]`. The toolbar persona, when picked, replaces the story's,
 * unless the story pins its own (see `ClerkParameters.pin`).
 */
export async function mockClerkLoader(context: Context) {
  const params: ClerkParameters = context.parameters.clerk ?? {};
  if (params.disable) return {};
  const fromToolbar: string | undefined = context.globals.clerkPersona || undefined;
  const pinned = params.pin ?? typeof context.playFunction === 'function';
  const persona = resolvePersona(fromToolbar && !pinned ? fromToolbar : params.persona);
  const log = action('clerk');
  const clerk = createMockClerk({
    ...mergePersona(persona, params.options ?? {}),
    onCall: (call) => log(call.action, ...call.args),
  });
  return { clerk, ignoredToolbarPersona: pinned ? fromToolbar : undefined };
}

/** Decorator: `decorators: [withMockClerk]`. */
export function withMockClerk(Story: () => ReactNode, context: Context) {
  const clerk = context.loaded.clerk;
  if (!isMockClerk(clerk)) return <Story />;
  const ignored = typeof context.loaded.ignoredToolbarPersona === 'string' ? context.loaded.ignoredToolbarPersona : undefined;
  return (
    <MockClerkProvider clerk={clerk}>
      {ignored && (
        <p
          role="note"
          style={{
            fontSize: '0.8125rem',
            lineHeight: 1.4,
            margin: '0 0 0.75rem',
            padding: '0.5rem 0.75rem',
            border: '1px dashed currentColor',
            borderRadius: 6,
            opacity: 0.8,
          }}
        >
          This story pins its own persona (its play function expects that data), so the toolbar’s “{ignored}” does not apply here.
        </p>
      )}
      <Story />
    </MockClerkProvider>
  );
}

/** The story's mock Clerk, for play functions: `getMockClerk(context).mock.calls`. */
export function getMockClerk(context: { loaded: Record<string, unknown> }): MockClerk {
  const clerk = context.loaded.clerk;
  if (!isMockClerk(clerk))
    throw new Error('No mock Clerk in this story: add mockClerkLoader to loaders and do not set parameters.clerk.disable.');
  return clerk;
}

/** Toolbar entry: `globalTypes: { clerkPersona: clerkPersonaGlobalType }`. */
export const clerkPersonaGlobalType = {
  description: 'Mock Clerk persona',
  toolbar: {
    title: 'Persona',
    icon: 'user' as const,
    dynamicTitle: true,
    items: [
      { value: '', title: "Persona: the story's own" },
      ...Object.keys(personas).map((name) => ({ value: name, title: `Persona: ${name}` })),
    ],
  },
};
