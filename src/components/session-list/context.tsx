'use client';
import { createContext, useContext, type ReactNode } from 'react';
import { useNow } from '../../i18n';
import { slots, type StylingProps } from '../../theme';
import type { SharedSlot } from '../shared/ui';
import type { SlotFn } from '../shared/parts';
import type { SessionListApi } from './use-session-list';

export type SessionListSlot =
  | 'root'
  | 'title'
  | 'section'
  | 'heading'
  | 'list'
  | 'account'
  | 'row'
  | 'lead'
  | 'text'
  | 'label'
  | 'device'
  | 'avatar'
  | 'icon'
  | 'name'
  | 'meta'
  | 'badge'
  | 'actions'
  | 'addAccount'
  | 'metaItem'
  | 'buttonIcon'
  | 'buttonLabel'
  | 'rowError'
  | 'empty'
  | SharedSlot;

export interface PartsContext {
  api: SessionListApi;
  slot: SlotFn;
  /** Level of the component title; section headings are one below. */
  level: number;
  now: number;
}
const Context = createContext<PartsContext | null>(null);

export function usePartsContext(part: string): PartsContext {
  const value = useContext(Context);
  if (!value) throw new Error(`SessionList.${part} must be rendered inside <SessionList.Root value={api}>.`);
  return value;
}

export function PartsProvider({
  api,
  classNames,
  unstyled,
  headingLevel = 2,
  children,
}: { api: SessionListApi; headingLevel?: number; children?: ReactNode } & Omit<StylingProps<SessionListSlot>, 'className'>) {
  const now = useNow();
  return (
    <Context.Provider value={{ api, slot: slots<string>({ classNames, unstyled }), level: headingLevel, now }}>{children}</Context.Provider>
  );
}

export { Heading } from '../shared/frame';
