'use client';
import { useEffect, useState } from 'react';
import { AuthFetchError, useClerkToken } from 'clerk-session-kit';

interface Me {
  userId: string;
  orgId: string | null;
}

/** Calls the app's own API with the session token (same origin: no allowedOrigins needed). */
export function MeCard() {
  const { isLoaded, isSignedIn, fetchWithAuth } = useClerkToken();
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!isSignedIn) return;
    const controller = new AbortController();
    fetchWithAuth('/api/me', { signal: controller.signal })
      .then((res) => res.json() as Promise<Me>)
      .then(setMe, (e: unknown) => {
        if (e instanceof AuthFetchError) setError(e.code);
      });
    return () => controller.abort();
  }, [isSignedIn, fetchWithAuth]);
  if (!isLoaded) return <p role="status">Loading…</p>;
  if (!isSignedIn) return <p>Signed out.</p>;
  if (error) return <p role="alert">Could not load your account: {error}</p>;
  if (!me) return <p role="status">Loading…</p>;
  return (
    <p>
      API says: {me.userId}
      {me.orgId ? ` in ${me.orgId}` : ''}
    </p>
  );
}
