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
  const [isPublic, isApi, isOrg] = [publicPatterns, apiPatterns, orgPatterns].map(compileRoutePatterns) as [Matcher, Matcher, Matcher];
  if (!d.ok) return { pathname, outcome: 'bad-request' as const, reason: `The path cannot be normalized (${d.reason}): the middleware answers 400.` };
  const publicAt = isPublic(d.path);
  const apiAt = isApi(d.path);
  const orgAt = isOrg(d.path);
  const needs = [
    d.organization ? `an active organization (organizationRoutes "${orgPatterns[orgAt]}")` : '',
    ...d.rules.map((r) => `rules[${r.index}] via "${r.pattern}"`),
  ].filter(Boolean);
  const outcome = d.public ? ('public' as const) : needs.length ? ('requirements' as const) : ('signed-in' as const);
  const shadowed = publicAt !== -1 && !d.public ? ` It also matches public "${publicPatterns[publicAt]}", but rules win over publicRoutes.` : '';
  const reason = d.public
    ? `Public: matches "${publicPatterns[publicAt]}".`
    : `${needs.length ? `Needs a signed-in user with ${needs.join(' and ')}.` : 'Needs a signed-in user: no public pattern matches (deny by default).'}${shadowed}`;
  return {
    pathname,
    path: d.path,
    locale: d.locale,
    kind: d.api ? ('api' as const) : ('page' as const),
    apiPattern: apiAt === -1 ? null : apiPatterns[apiAt]!,
    outcome,
    publicPattern: publicAt === -1 ? null : publicPatterns[publicAt]!,
    organizationPattern: d.organization ? orgPatterns[orgAt]! : null,
    rules: d.rules.map(({ index, pattern }) => ({ index, pattern })),
    reason,
  };
}

type Matcher = ReturnType<typeof compileRoutePatterns>;

export type RouteExplanation = ReturnType<typeof explainRoute>;
