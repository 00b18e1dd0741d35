/**
 * explainRoute: which patterns of a route policy match a path and what a request there needs, in
 * words. A developer tool (exported from clerk-session-kit/middleware/testing), never for deciding:
 * it lives outside the middleware entry to keep that small.
 */
import { compileRoutePatterns } from './route-pattern';
import { compileRoutePolicy, policyLists, type RoutePolicyOptions } from './route-policy';

/** Pass the same options you give createSessionMiddleware. */
export function explainRoute(options: RoutePolicyOptions, pathname: string) {
  const d = compileRoutePolicy(options).decide(pathname);
  const { publicPatterns, apiPatterns, orgPatterns } = policyLists(options);
  const isPublic = compileRoutePatterns(publicPatterns, true);
  const isApi = compileRoutePatterns(apiPatterns);
  const isOrg = compileRoutePatterns(orgPatterns);
  if (!d.ok)
    return {
      pathname,
      outcome: 'bad-request' as const,
      reason: `The path cannot be read one way only (${d.reason}): the middleware answers 400.`,
    };
  const publicAt = isPublic(d.path);
  const apiAt = isApi(d.path.toLowerCase());
  const orgAt = isOrg(d.path.toLowerCase());
  const needs = [
    d.organization ? `an active organization (organizationRoutes "${orgPatterns[orgAt]}")` : '',
    ...d.rules.map((r) => `rules[${r.index}] via "${r.pattern}"`),
  ].filter(Boolean);
  const outcome = d.public ? ('public' as const) : needs.length ? ('requirements' as const) : ('signed-in' as const);
  const shadowed =
    publicAt === -1 || d.public
      ? ''
      : needs.length
        ? ` It also matches public "${publicPatterns[publicAt]}", but rules win over publicRoutes.`
        : ` It matches public "${publicPatterns[publicAt]}", but Next may also route it as another path that is not public (a wrapper, or a first segment that is not a listed locale).`;
  const reason = d.public
    ? `Public: matches "${publicPatterns[publicAt]}".`
    : `${needs.length ? `Needs a signed-in user with ${needs.join(' and ')}.` : publicAt === -1 ? 'Needs a signed-in user: no public pattern matches (deny by default).' : 'Needs a signed-in user.'}${shadowed}`;
  return {
    pathname,
    path: d.path,
    locale: d.locale,
    kind: d.api ? ('api' as const) : ('page' as const),
    apiPattern: apiPatterns[apiAt] ?? null,
    outcome,
    publicPattern: publicPatterns[publicAt] ?? null,
    organizationPattern: d.organization ? (orgPatterns[orgAt] ?? null) : null,
    rules: d.rules.map(({ index, pattern }) => ({ index, pattern })),
    reason,
  };
}

export type RouteExplanation = ReturnType<typeof explainRoute>;
