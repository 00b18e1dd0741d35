import { ClerkFailed, ClerkLoaded, ClerkLoading, useOrganization, useUser } from '@clerk/react';

/** The app's header: who is signed in and in which organization, read from Clerk's own hooks. */
export function AppHeader() {
  return (
    <header className="app-header">
      <span className="app-logo">Ledger</span>
      <ClerkLoading>
        <p className="app-muted" aria-busy="true">
          Loading your account…
        </p>
      </ClerkLoading>
      <ClerkFailed>
        <p role="alert" className="app-alert">
          Your account could not load. Check your connection, then reload the page.
        </p>
      </ClerkFailed>
      <ClerkLoaded>
        <Account />
      </ClerkLoaded>
    </header>
  );
}

function Account() {
  const { user } = useUser();
  const { organization } = useOrganization();
  if (!user) {
    return (
      <p className="app-muted">
        Signed out. <a href="/sign-in">Sign in</a>
      </p>
    );
  }
  return (
    <>
      <span className="app-org">{organization ? organization.name : 'Personal account'}</span>
      <p className="app-who">
        <strong>{user.fullName ?? user.username}</strong>
        <span className="app-muted">{user.primaryEmailAddress?.emailAddress}</span>
      </p>
    </>
  );
}
