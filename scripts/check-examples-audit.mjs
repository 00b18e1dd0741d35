/**
 * check:examples, next-app: the route audit of `clerk-session-kit/middleware/testing`, resolved
 * from the example's own node_modules (the packed tarball, as a user installs it), against the
 * running `next start`. Every route of the build's manifests, as signed-out, member and admin,
 * plain and under each path variant, with the example's own publicRoutes (read from its
 * proxy.ts): no finding. Then the negative: the same audit with `/server-gate` (a page the example
 * serves to anyone) left out of publicRoutes must flag exactly that route, and only it.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The page the negative run leaves out of publicRoutes. */
const OMITTED = '/server-gate';

/**
 * @param {object} input
 * @param {string} input.app the installed example (its .next/ built)
 * @param {string} input.origin where `next start` answers
 * @param {Record<string, string>} input.tokens session tokens by persona name (member, admin)
 * @param {(ok: boolean, message: string) => void} input.check
 */
export async function auditNextApp({ app, origin, tokens, check }) {
  const entry = createRequire(join(app, 'package.json')).resolve('clerk-session-kit/middleware/testing');
  const { auditRoutes, formatAuditTable, readNextRoutes } = await import(pathToFileURL(entry).href);
  const proxy = readFileSync(join(app, 'proxy.ts'), 'utf8');
  const listed = /publicRoutes:\s*\[([^\]]*)\]/.exec(proxy)?.[1] ?? '';
  const publicRoutes = [...listed.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const build = await readNextRoutes({ readFile, dir: join(app, '.next') });
  check(
    publicRoutes.includes(OMITTED) && build.routes.includes(OMITTED) && build.routes.includes('/admin'),
    `next-app: route audit reads ${build.routes.length} routes from .next/ and publicRoutes ${JSON.stringify(publicRoutes)} from proxy.ts`,
  );
  // The cookies the HTTP checks send (check-examples.mjs, get()).
  const uat = Math.floor(Date.now() / 1000) - 10;
  const personas = [
    { name: 'signed-out' },
    ...Object.entries(tokens).map(([name, token]) => ({ name, cookie: `__session=${token}; __client_uat=${uat}` })),
  ];
  const audit = (routes) => auditRoutes({ ...build, baseUrl: origin, personas, publicRoutes: routes });

  const started = Date.now();
  const result = await audit(publicRoutes);
  console.log(`\n${formatAuditTable(result).replace(/^(?=.)/gm, '    ')}\n`);
  const admin = result.rows.find((row) => row.route === '/admin' && row.variant === 'plain')?.answers ?? {};
  const seen = `${admin['signed-out']?.status} → ${admin['signed-out']?.location}, ${admin.member?.status}, ${admin.admin?.status}`;
  check(
    seen === '307 → /sign-in, 403, 200',
    `next-app: route audit sees /admin as signed-out, member, admin: 307 → /sign-in, 403, 200 (got ${seen})`,
  );
  check(
    result.findings.length === 0,
    `next-app: route audit, ${result.rows.length} rows × ${personas.length} personas in ${((Date.now() - started) / 1000).toFixed(1)} s: no finding${result.findings.map((f) => `\n      ${f.kind}: ${f.message}`).join('')}`,
  );

  const negative = await audit(publicRoutes.filter((route) => route !== OMITTED));
  const found = negative.findings.map((f) => `${f.kind} ${f.route} ${f.variant} ${f.persona}`);
  check(
    found.length === 1 && found[0] === `unlisted-public ${OMITTED} plain signed-out`,
    `next-app: route audit with ${OMITTED} left out of publicRoutes flags exactly it (got ${negative.findings.map((f) => f.message).join('; ') || 'nothing'})`,
  );
}
