/**
 * The README's runnable code blocks: a fenced block whose first line is `// file: <path>`, inside
 * one subsection (`### <name>`) of "## Test your app". Each subsection has its own runner:
 * Vitest → scripts/check-package.mjs (written into consumer apps and run), Storybook →
 * scripts/check-examples-storybook.mjs (examples/storybook-app's own files, byte for byte),
 * Playwright → scripts/check-examples-e2e.mjs (written into the examples/next-app copy and run).
 */
export const GUIDE = '## Test your app';

/** `[{ file, body }]`: body is the block after its `// file:` line, as the file holds it. */
export function readmeFileBlocks(readme, subsection) {
  const guide = readme.split(/^(?=## )/m).find((part) => part.startsWith(`${GUIDE}\n`));
  if (!guide) throw new Error(`README.md has no "${GUIDE}" section`);
  const part = guide.split(/^(?=### )/m).find((p) => p.startsWith(`### ${subsection}\n`));
  if (!part) throw new Error(`README.md "${GUIDE}" has no "### ${subsection}" subsection`);
  return [...part.matchAll(/^```\w*\n\/\/ file: (\S+)\n([\s\S]*?)^```$/gm)].map(([, file, body]) => ({ file, body }));
}
