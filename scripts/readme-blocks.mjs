/**
 * The runnable code blocks of the "Test your app" guide, docs/testing.md (it was the README's
 * "## Test your app" section until the README was cut down for users, issue 20): a fenced block
 * whose first line is `// file: <path>`, inside one section (`## <name>`) of the guide. Each
 * section has its own runner: Vitest → scripts/check-package.mjs (written into consumer apps and
 * run), Storybook → scripts/check-examples-storybook.mjs (examples/storybook-app's own files, byte
 * for byte), Playwright → scripts/check-examples-e2e.mjs (written into the examples/next-app copy
 * and run).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The guide, relative to the repository root. */
export const GUIDE = 'docs/testing.md';
const TITLE = '# Test your app';
const guidePath = fileURLToPath(new URL(`../${GUIDE}`, import.meta.url));

/**
 * `[{ file, body }]`: body is the block after its `// file:` line, as the file holds it. `text` is
 * the guide's text (default: docs/testing.md as it is on disk); throws when the guide or the
 * section is missing, so a check never passes on no blocks.
 */
export function guideFileBlocks(section, text = readFileSync(guidePath, 'utf8')) {
  if (!text.startsWith(`${TITLE}\n`)) throw new Error(`${GUIDE} does not start with "${TITLE}"`);
  const part = text.split(/^(?=## )/m).find((p) => p.startsWith(`## ${section}\n`));
  if (!part) throw new Error(`${GUIDE} has no "## ${section}" section`);
  return [...part.matchAll(/^```\w*\n\/\/ file: (\S+)\n([\s\S]*?)^```$/gm)].map(([, file, body]) => ({ file, body }));
}
