import { describe, expect, it } from 'vitest';
import { createMockClerk, MockClerkConfigError, SESSION_STATUSES, type MockClerkState } from '../../src/testing';
import { users } from '../../src/testing/personas';

const ada = { ...users.ada };
const acme = { id: 'org_acme', name: 'Acme' };
const create = (state: MockClerkState) => () => createMockClerk({ state });

describe('given state a real Clerk could never be in', () => {
  it('should name the field and the fix for an active org without a membership', () => {
    const make = create({
      users: [{ ...ada, memberships: [] }],
      sessions: [{ id: 's1', userId: 'user_ada', activeOrganizationId: 'org_acme' }],
    });
    expect(make).toThrow(MockClerkConfigError);
    expect(make).toThrow(
      /state\.sessions\[0\]\.activeOrganizationId is "org_acme", but user "user_ada" has no membership in it\. Add a membership/,
    );
  });

  it('should reject duplicate user, session, membership and device ids', () => {
    expect(create({ users: [ada, ada] })).toThrow(/state\.users\[1\]\.id duplicates the id "user_ada"/);
    expect(
      create({
        users: [ada],
        sessions: [
          { id: 's1', userId: 'user_ada' },
          { id: 's1', userId: 'user_ada' },
        ],
      }),
    ).toThrow(/state\.sessions\[1\]\.id duplicates/);
    expect(
      create({
        users: [
          {
            ...ada,
            memberships: [
              { organization: acme, role: 'member' },
              { organization: acme, role: 'admin' },
            ],
          },
        ],
      }),
    ).toThrow(/memberships\[\]\.organization\[1\]\.id duplicates the id "org_acme"/);
    expect(
      create({
        users: [
          {
            ...ada,
            devices: [
              { id: 'd', lastActiveAt: 0 },
              { id: 'd', lastActiveAt: 0 },
            ],
          },
        ],
      }),
    ).toThrow(/devices\[1\]\.id duplicates/);
  });

  it('should reject an active session that is not in the client', () => {
    expect(create({ users: [ada], sessions: [], activeSessionId: 'sess_gone' })).toThrow(
      /state\.activeSessionId is "sess_gone", which is not a session of this browser's client\. Add a session/,
    );
  });

  it('should reject an expired session as the active one', () => {
    expect(create({ users: [ada], sessions: [{ id: 's1', userId: 'user_ada', status: 'expired' }], activeSessionId: 's1' })).toThrow(
      /points at the expired session "s1"/,
    );
  });

  it('should reject a session of an unknown user', () => {
    expect(create({ users: [], sessions: [{ id: 's1', userId: 'user_ghost' }] })).toThrow(
      /state\.sessions\[0\]\.userId is "user_ghost", which is not in state\.users/,
    );
  });

  it('should reject permissions outside an organization', () => {
    const user = { ...ada, permissions: ['org:invoices:read'] };
    expect(create({ users: [user] as never })).toThrow(
      /state\.users\[0\]\.permissions is set on a user, outside any organization\. .*move them to state\.users\[0\]\.memberships/,
    );
    expect(
      create({
        users: [{ ...ada, memberships: [{ organization: acme, role: 'member', permissions: ['invoices.read'] }] }],
      }),
    ).toThrow(/permissions\[0\] is "invoices\.read", not an organization permission\. Write permissions as 'org:<feature>:<action>'/);
  });

  it('should reject a membership without a role', () => {
    expect(create({ users: [{ ...ada, memberships: [{ organization: acme, role: '' }] }] })).toThrow(/memberships\[0\]\.role is missing/);
  });

  it('should reject malformed dates, naming the field', () => {
    expect(create({ users: [ada], sessions: [{ id: 's1', userId: 'user_ada', lastActiveAt: 'yesterday' }] })).toThrow(
      /state\.sessions\[0\]\.lastActiveAt is not a valid date \("yesterday"\)\. Use a Date, an ISO 8601 string/,
    );
    expect(create({ users: [{ ...ada, devices: [{ id: 'd', lastActiveAt: 'soon' }] }] })).toThrow(
      /devices\[0\]\.lastActiveAt is not a valid date/,
    );
    expect(() => createMockClerk({ now: 'not a date' })).toThrow(/now is not a valid date/);
  });

  it('should reject an unknown action in failures', () => {
    expect(() => createMockClerk({ failures: { fly: 'always' } as never })).toThrow(
      /failures has an unknown action "fly"\. Known actions: load, setActive/,
    );
  });

  it("should accept every Clerk session status and reject anything else, listing Clerk's statuses", () => {
    for (const status of SESSION_STATUSES)
      expect(create({ users: [{ ...ada, devices: [{ id: 'd', lastActiveAt: 0, status }] }] })).not.toThrow();
    expect(create({ users: [ada], sessions: [{ id: 's1', userId: 'user_ada', status: 'gone' as never }] })).toThrow(
      /state\.sessions\[0\]\.status is "gone"\. Use one of Clerk's session statuses: 'active', 'pending', 'expired', 'abandoned', 'ended', 'removed', 'replaced', 'revoked'/,
    );
    expect(create({ users: [ada], sessions: [{ id: 's1', userId: 'user_ada', status: 'revoked' }], activeSessionId: 's1' })).toThrow(
      /points at the revoked session "s1"/,
    );
  });

  it('should give a pending session a task, as Clerk always does, and tasks to no other session', () => {
    const pending = (tasks?: { key: never }[], status: 'pending' | 'active' = 'pending') =>
      create({ users: [ada], sessions: [{ id: 's1', userId: 'user_ada', status, tasks }] });
    expect(
      createMockClerk({ state: { users: [ada], sessions: [{ id: 's1', userId: 'user_ada', status: 'pending' }] } }).session?.currentTask,
    ).toEqual({
      key: 'choose-organization',
    });
    expect(pending([])).toThrow(/state\.sessions\[0\]\.tasks is empty on a pending session/);
    expect(pending([{ key: 'reset-password' as never }], 'active')).toThrow(
      /state\.sessions\[0\]\.tasks is set on a session whose status is 'active'\. Only a pending session has tasks/,
    );
    expect(pending([{ key: 'select-organization' as never }])).toThrow(
      /state\.sessions\[0\]\.tasks\[0\]\.key is "select-organization"\. Use one of Clerk's task keys: 'choose-organization', 'reset-password', 'setup-mfa'/,
    );
  });
});
