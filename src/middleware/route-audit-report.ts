/**
 * The route audit's reading of a build (`.next/` manifests), its table and its command line.
 * Node APIs come in as arguments (`readFile`), so this entry imports none itself.
 */
import { auditRoutes, type NextBuildRoutes, type RouteAnswer, type RouteAuditResult } from './route-audit';

/** `readFile` from `node:fs/promises` fits: a path in, its bytes or text out. */
export type RouteAuditReadFile = (path: string) => Promise<string | Uint8Array>;

export interface ReadNextRoutesOptions {
  readFile: RouteAuditReadFile;
  /** Next's build folder. Default `'.next'`. */
  dir?: string;
}

export interface RouteAuditCliOptions {
  readFile: RouteAuditReadFile;
  /** Where the table and usage go. Default `console.log`. */
  log?: (text: string) => void;
}

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value)) : {};
/** Next's own pages (`/_not-found`, `/_global-error`, `/_app`, `/404`, `/500`): not your routes. */
const isInternal = (route: string) => /(?:^|\/)_/.test(route) || route === '/404' || route === '/500';

/**
 * The routes of a `next build`, read from `<dir>/routes-manifest.json` (static and dynamic routes,
 * basePath), `app-path-routes-manifest.json` (App Router routes), `prerender-manifest.json` (a
 * prerendered path for a dynamic route, used as its sample) and `BUILD_ID`.
 */
export async function readNextRoutes(options: ReadNextRoutesOptions): Promise<NextBuildRoutes> {
  const { readFile, dir = '.next' } = options;
  const read = async (name: string) => {
    try {
      const content = await readFile(`${dir.replace(/\/+$/, '')}/${name}`);
      return typeof content === 'string' ? content : new TextDecoder().decode(content);
    } catch {
      return undefined;
    }
  };
  const json = async (name: string) => record(JSON.parse((await read(name)) ?? 'null'));
  const manifest = await json('routes-manifest.json');
  if (!Array.isArray(manifest.staticRoutes))
    throw new Error(`readNextRoutes: no routes-manifest.json in ${dir} (run next build first, or pass dir).`);
  const pages = (list: unknown) => (Array.isArray(list) ? list.map((route) => record(route).page) : []);
  const routes = [
    ...pages(manifest.staticRoutes),
    ...pages(manifest.dynamicRoutes),
    ...Object.values(await json('app-path-routes-manifest.json')),
  ].filter((route): route is string => typeof route === 'string' && !isInternal(route));
  const samples: Record<string, string> = {};
  for (const [path, entry] of Object.entries(record((await json('prerender-manifest.json')).routes))) {
    const route = record(entry).srcRoute;
    if (typeof route === 'string' && route !== path) samples[route] ??= path;
  }
  const buildId = (await read('BUILD_ID'))?.trim();
  const basePath = typeof manifest.basePath === 'string' ? manifest.basePath : '';
  return { routes: [...new Set(routes)].sort(), samples, basePath, ...(buildId ? { buildId } : {}) };
}

const showAnswer = (answer: RouteAnswer | undefined) =>
  !answer ? '' : answer.error !== undefined ? 'no answer' : `${answer.status}${answer.location ? ` → ${answer.location}` : ''}`;

/**
 * The audit as one table: a row per route (its plain path), and under it a row per variant that
 * some persona was answered differently (`*`); `=` is the plain path's answer, `!` a finding.
 */
export function formatAuditTable(result: RouteAuditResult): string {
  const flagged = new Set(result.findings.map((f) => `${f.route} ${f.variant} ${f.persona}`));
  const table = [['route', ...result.personas]];
  const placeholders = new Set<string>();
  for (const row of result.rows) {
    if (
      row.variant !== 'plain' &&
      row.differs.length === 0 &&
      !result.findings.some((f) => f.route === row.route && f.variant === row.variant)
    )
      continue;
    if (row.placeholders.length > 0) placeholders.add(`${row.route} (${row.placeholders.join(', ')})`);
    const label = row.variant === 'plain' ? `${row.path}${row.placeholders.length > 0 ? ' †' : ''}` : `  ↳ ${row.variant}`;
    const cells = result.personas.map((persona) => {
      const mark = flagged.has(`${row.route} ${row.variant} ${persona}`) ? ' !' : row.differs.includes(persona) ? ' *' : '';
      return row.variant !== 'plain' && !mark ? '=' : `${showAnswer(row.answers[persona])}${mark}`;
    });
    table.push([label, ...cells]);
  }
  const widths = table[0]?.map((_, column) => Math.max(...table.map((line) => line[column]?.length ?? 0))) ?? [];
  const lines = table.map((line) =>
    line
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  lines.push(
    '',
    `Variants sent: ${result.variants.filter((v) => v !== 'plain').join(', ') || 'none'}; under a route, those answered differently:`,
    '* differs from the plain path, = as the plain path, ! a finding.',
  );
  if (placeholders.size > 0)
    lines.push(`† a dynamic segment got the placeholder "x" (pass params for a real value): ${[...placeholders].join('; ')}`);
  lines.push(result.findings.length === 0 ? 'No findings.' : `${result.findings.length} finding(s):`);
  for (const finding of result.findings) lines.push(`  ✗ ${finding.kind}: ${finding.message}`);
  return lines.join('\n');
}

const CLI_USAGE = `Usage: --url <base URL> [--dir .next] [--public <pattern,…>] [--persona <name>[=<cookie header>]]…
       [--param <name>=<value>]… [--sign-in <path>] [--sign-up <path>] [--concurrency <n>]
A persona without a cookie is signed out; without --persona, one signed-out persona. Exit code: 0 no findings, 1 findings, 2 usage.`;
const CLI_FLAGS = ['url', 'dir', 'public', 'persona', 'param', 'sign-in', 'sign-up', 'concurrency'];

/** Splits `name=value` at its first `=`. */
const pair = (text: string): [string, string | undefined] => {
  const at = text.indexOf('=');
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
};

/**
 * The audit from the command line: reads `--dir` (default `.next`), audits `--url`, prints the
 * table and resolves with the exit code (0 no findings, 1 findings, 2 usage).
 */
export async function runRouteAuditCli(argv: readonly string[], options: RouteAuditCliOptions): Promise<number> {
  const { readFile, log = console.log } = options;
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]?.replace(/^--/, '') ?? '';
    const value = argv[i + 1];
    if (!argv[i]?.startsWith('--') || !CLI_FLAGS.includes(flag) || value === undefined) {
      log(`Unknown or incomplete option ${JSON.stringify(argv[i])}.\n${CLI_USAGE}`);
      return 2;
    }
    values.set(flag, [...(values.get(flag) ?? []), value]);
  }
  const last = (flag: string) => values.get(flag)?.at(-1);
  const all = (flag: string) => values.get(flag) ?? [];
  const baseUrl = last('url');
  if (!baseUrl) {
    log(CLI_USAGE);
    return 2;
  }
  const personas = all('persona').map((spec) => {
    const [name, cookie] = pair(spec);
    return cookie === undefined ? { name } : { name, cookie };
  });
  const result = await auditRoutes({
    ...(await readNextRoutes({ readFile, dir: last('dir') })),
    baseUrl,
    personas: personas.length > 0 ? personas : [{ name: 'signed-out' }],
    publicRoutes: all('public').flatMap((list) => list.split(',').filter(Boolean)),
    params: Object.fromEntries(all('param').map((spec) => pair(spec).map((part) => part ?? ''))),
    signInUrl: last('sign-in'),
    signUpUrl: last('sign-up'),
    concurrency: Number(last('concurrency') ?? 4),
  });
  log(formatAuditTable(result));
  return result.findings.length > 0 ? 1 : 0;
}
