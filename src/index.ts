'use client';
export * from './components/permission-gate';
export type { HasFn, OneOrMany, Requirements } from './core/requirements';
