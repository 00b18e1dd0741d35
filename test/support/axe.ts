import axe from 'axe-core';
import { expect } from 'vitest';

/** Runs axe on a rendered container and fails with the violations listed by rule and target. */
export async function expectNoAxeViolations(container: Element) {
  const { violations } = await axe.run(container, {
    resultTypes: ['violations'],
    rules: { 'color-contrast': { enabled: false } },
  });
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
