/**
 * A small Frontend API for the real clerk-js, answered by MSW from in-memory fixtures: the same
 * users, sessions, devices and memberships the mock gets (see world.ts). Snake_case JSON in the
 * shapes clerk-js 6.40 parses. clerk-js sends every non-GET as POST with `?_method=`.
 */
import { http, HttpResponse } from 'msw';
import { DAY, NOW, WORLD, type World } from './world';

export const FAPI = 'https://clerk.example.com/v1';
export const LIVE_KEY = `pk_live_${btoa('clerk.example.com$')}`;

const b64 = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'RS256', typ: 'JWT', kid: 'ins_test' })}.${b64(claims)}.c2ln`;

export interface FapiState {
  world: World;
  /** Session statuses and active organizations, by session id (this browser's and devices). */
  status: Map<string, string>;
  org: Map<string, string | null>;
  /** The tasks of pending sessions, by session id; a touch with an organization resolves 'choose-organization'. */
  tasks: Map<string, { key: string }[]>;
  /** Personal accounts off (environment `organization_settings.force_organization_selection`). */
  forceOrganizationSelection: boolean;
  onClient: Set<string>;
  /** 'reverification': the session's last verification is too old for the actions Clerk guards (revoke). */
  failing: Set<'sessions' | 'revoke' | 'reverification' | 'environment' | 'client'>;
  requests: string[];
}

export function createFapiState(world: World = WORLD): FapiState {
  return {
    world,
    status: new Map([
      ...world.sessions.map((s) => [s.id, 'active'] as const),
      ...world.users.flatMap((u) => u.devices.map((d) => [d.id, 'active'] as const)),
    ]),
    org: new Map(world.sessions.map((s) => [s.id, s.orgId])),
    tasks: new Map(),
    forceOrganizationSelection: false,
    onClient: new Set(world.sessions.map((s) => s.id)),
    failing: new Set(),
    requests: [],
  };
}

const error = (status: number, code: string, long: string, message = long, meta: Record<string, unknown> = {}) =>
  HttpResponse.json({ errors: [{ code, message, long_message: long, meta }] }, { status });

export function fapiHandlers(fs: FapiState) {
  const userOf = (id: string) => fs.world.users.find((u) => u.id === id)!;
  const sessionOwner = (sid: string) =>
    fs.world.sessions.find((s) => s.id === sid)?.userId ?? fs.world.users.find((u) => u.devices.some((d) => d.id === sid))?.id;
  const orgJSON = (o: World['users'][number]['memberships'][number]['org']) => ({
    object: 'organization',
    id: o.id,
    name: o.name,
    slug: o.slug,
    image_url: '',
    has_image: false,
    members_count: 1,
    pending_invitations_count: 0,
    public_metadata: {},
    admin_delete_enabled: true,
    max_allowed_memberships: 0,
    created_at: NOW - 90 * DAY,
    updated_at: NOW - 90 * DAY,
  });
  const publicUserData = (u: World['users'][number]) => ({
    user_id: u.id,
    first_name: u.firstName,
    last_name: u.lastName,
    image_url: '',
    has_image: false,
    identifier: u.email,
  });
  const membershipJSON = (u: World['users'][number], m: World['users'][number]['memberships'][number]) => ({
    object: 'organization_membership',
    id: `orgmem_${m.org.id}_${u.id}`,
    organization: orgJSON(m.org),
    role: m.role,
    role_name: m.role,
    permissions: m.permissions,
    public_metadata: {},
    public_user_data: publicUserData(u),
    created_at: NOW - 60 * DAY,
    updated_at: NOW - 60 * DAY,
  });
  const userJSON = (u: World['users'][number]) => ({
    object: 'user',
    id: u.id,
    first_name: u.firstName,
    last_name: u.lastName,
    username: null,
    image_url: '',
    has_image: false,
    email_addresses: [
      {
        object: 'email_address',
        id: `idn_${u.id}`,
        email_address: u.email,
        verification: { status: 'verified' },
        linked_to: [],
      },
    ],
    primary_email_address_id: `idn_${u.id}`,
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    passkeys: [],
    enterprise_accounts: [],
    organization_memberships: u.memberships.map((m) => membershipJSON(u, m)),
    public_metadata: {},
    unsafe_metadata: {},
    created_at: NOW - 365 * DAY,
    updated_at: NOW - 365 * DAY,
  });
  const claims = (sid: string, orgId: string | null) => {
    const u = userOf(sessionOwner(sid)!);
    const m = u.memberships.find((x) => x.org.id === orgId);
    return {
      v: 2,
      sub: u.id,
      sid,
      iat: Math.floor(NOW / 1000),
      exp: Math.floor(NOW / 1000) + 60,
      fva: [0, -1],
      ...(fs.status.get(sid) === 'pending' && { sts: 'pending' }),
      ...(m && { o: { id: m.org.id, rol: m.role.replace(/^org:/, ''), slg: m.org.slug } }),
    };
  };
  const sessionJSON = (sid: string) => {
    const s = fs.world.sessions.find((x) => x.id === sid)!;
    return {
      object: 'session',
      id: sid,
      status: fs.status.get(sid),
      user: userJSON(userOf(s.userId)),
      public_user_data: publicUserData(userOf(s.userId)),
      last_active_at: NOW - 60_000,
      expire_at: NOW + 7 * DAY,
      abandon_at: NOW + 30 * DAY,
      created_at: NOW - 2 * DAY,
      updated_at: NOW,
      actor: null,
      last_active_organization_id: fs.org.get(sid) ?? null,
      last_active_token: { object: 'token', jwt: jwt(claims(sid, fs.org.get(sid) ?? null)) },
      factor_verification_age: [0, -1],
      tasks: fs.tasks.get(sid)?.length ? fs.tasks.get(sid) : null,
    };
  };
  const clientJSON = () => {
    const sessions = fs.world.sessions.filter((s) => fs.onClient.has(s.id)).map((s) => sessionJSON(s.id));
    const active = sessions.find((s) => s.status === 'active' || s.status === 'pending');
    return {
      object: 'client',
      id: 'client_1',
      sessions,
      last_active_session_id: active?.id ?? null,
      sign_in: null,
      sign_up: null,
      created_at: NOW,
      updated_at: NOW,
    };
  };
  const deviceJSON = (d: World['users'][number]['devices'][number]) => ({
    object: 'session',
    id: d.id,
    status: fs.status.get(d.id),
    last_active_at: d.lastActiveAt,
    expire_at: NOW + 7 * DAY,
    abandon_at: NOW + 30 * DAY,
    actor: null,
    latest_activity: {
      object: 'session_activity',
      id: `sess_activity_${d.id}`,
      browser_name: d.activity.browserName,
      browser_version: d.activity.browserVersion,
      device_type: d.activity.deviceType,
      is_mobile: d.activity.isMobile,
      ip_address: d.activity.ipAddress,
      city: d.activity.city,
      country: d.activity.country,
    },
  });
  const page = (url: URL, items: unknown[]) => {
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      return error(422, 'form_param_value_invalid', `${limit} does not match one of the allowed values for parameter limit`, 'is invalid', {
        param_name: 'limit',
      });
    }
    return HttpResponse.json({
      response: { data: items.slice(offset, offset + limit), total_count: items.length },
      client: null,
    });
  };
  const currentUser = () => {
    const active = clientJSON().last_active_session_id;
    return active ? userOf(sessionOwner(active)!) : undefined;
  };

  return [
    http.all(`${FAPI}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const method = url.searchParams.get('_method') ?? request.method;
      const path = url.pathname.replace(/^\/v1/, '');
      const body = new URLSearchParams(method === 'GET' ? '' : await request.text());
      fs.requests.push(`${method} ${path}`);
      let m: RegExpMatchArray | null;
      if (path === '/environment') {
        if (fs.failing.has('environment')) return error(500, 'internal', 'down');
        return HttpResponse.json({
          object: 'environment',
          id: 'env_1',
          auth_config: { object: 'auth_config', single_session_mode: false },
          display_config: {
            object: 'display_config',
            instance_environment_type: 'production',
            application_name: 'Differential',
          },
          organization_settings: { enabled: true, force_organization_selection: fs.forceOrganizationSelection },
          maintenance_mode: false,
        });
      }
      if (path === '/client' && method === 'GET') {
        if (fs.failing.has('client')) return error(400, 'client_not_found', 'No client.');
        return HttpResponse.json({ response: clientJSON(), client: null });
      }
      if (path === '/client/sessions' && method === 'DELETE') {
        fs.onClient.clear();
        return HttpResponse.json({ response: clientJSON(), client: clientJSON() });
      }
      if ((m = path.match(/^\/client\/sessions\/([^/]+)\/touch$/))) {
        const orgId = body.get('active_organization_id') || null;
        const owner = userOf(sessionOwner(m[1]!)!);
        if (orgId && !owner.memberships.some((x) => x.org.id === orgId)) return error(404, 'resource_not_found', 'Organization not found.');
        fs.org.set(m[1]!, orgId);
        // Choosing an organization resolves that task; a session with no task left is active.
        const left = (fs.tasks.get(m[1]!) ?? []).filter((t) => !orgId || t.key !== 'choose-organization');
        fs.tasks.set(m[1]!, left);
        if (fs.status.get(m[1]!) === 'pending' && left.length === 0) fs.status.set(m[1]!, 'active');
        return HttpResponse.json({ response: sessionJSON(m[1]!), client: clientJSON() });
      }
      if ((m = path.match(/^\/client\/sessions\/([^/]+)\/tokens(?:\/([^/]+))?$/))) {
        const sid = m[1]!;
        const orgId = m[2]
          ? (fs.org.get(sid) ?? null)
          : body.has('organization_id')
            ? body.get('organization_id') || null
            : (fs.org.get(sid) ?? null);
        const extra = m[2] ? { tpl: m[2] } : {};
        return HttpResponse.json({ object: 'token', jwt: jwt({ ...claims(sid, orgId), ...extra }) });
      }
      if ((m = path.match(/^\/client\/sessions\/([^/]+)\/(remove|end)$/))) {
        fs.status.set(m[1]!, m[2] === 'remove' ? 'removed' : 'ended');
        const response = sessionJSON(m[1]!);
        fs.onClient.delete(m[1]!);
        return HttpResponse.json({ response, client: clientJSON() });
      }
      if (path === '/me/sessions/active') {
        if (fs.failing.has('sessions')) return error(500, 'internal_clerk_error', 'Something went wrong');
        const u = currentUser()!;
        return HttpResponse.json(u.devices.filter((d) => fs.status.get(d.id) === 'active').map(deviceJSON));
      }
      if ((m = path.match(/^\/me\/sessions\/([^/]+)\/revoke$/))) {
        if (fs.failing.has('revoke')) return error(403, 'forbidden', 'Forbidden');
        if (fs.failing.has('reverification')) {
          // The wording is the fixture's (not observable offline); the status and code are Clerk's.
          return error(
            403,
            'session_reverification_required',
            'You need to provide additional verification to perform this operation',
            'Additional verification required',
          );
        }
        const d = currentUser()!.devices.find((x) => x.id === m![1]);
        if (!d) return error(404, 'resource_not_found', 'Session not found.');
        fs.status.set(d.id, 'revoked');
        return HttpResponse.json({ response: deviceJSON(d), client: clientJSON() });
      }
      if (path === '/me' && method === 'GET') return HttpResponse.json({ response: userJSON(currentUser()!), client: clientJSON() });
      if (path === '/me/organization_memberships') {
        const u = currentUser()!;
        return page(
          url,
          u.memberships.map((x) => membershipJSON(u, x)),
        );
      }
      if ((m = path.match(/^\/organizations\/([^/]+)\/memberships$/))) {
        const orgId = m[1];
        return page(
          url,
          fs.world.users.flatMap((u) => u.memberships.filter((x) => x.org.id === orgId).map((x) => membershipJSON(u, x))),
        );
      }
      return error(404, 'resource_not_found', `No fixture for ${method} ${path}`);
    }),
  ];
}
