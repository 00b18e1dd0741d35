/**
 * Whether this is a production build. Written as the literal `process.env.NODE_ENV`, the one
 * expression bundlers replace (Next on both runtimes, Vite, webpack's DefinePlugin), so a
 * production bundle reads the constant and needs no `process` at run time. Where nothing replaced
 * it and there is no `process` (a browser loading the module as it is, an Edge worker without
 * Node's globals), reading it throws: that is not a production build anyone configured, so the
 * answer is false. Reading `globalThis.process?.env.NODE_ENV` instead would hide the expression
 * from bundlers and answer false in every production browser bundle.
 */
export function isProduction(): boolean {
  try {
    return process.env.NODE_ENV === 'production';
  } catch {
    return false;
  }
}
