/**
 * SessionManager built from `useSessionManager()` alone: plain elements, no parts, every
 * behaviour from the hook's prop getters (ARIA, `data-*` state, handlers, the dialog's focus and
 * Escape, focus back on the opener). Only the public entry is imported.
 */
import type { CSSProperties } from 'react';
import { useSessionManager } from '../src';

const box: CSSProperties = { display: 'grid', gap: 12, maxWidth: 480, fontFamily: 'system-ui, sans-serif', fontSize: 14 };
const actions: CSSProperties = { display: 'flex', gap: 8, flexWrap: 'wrap' };

export function SessionManagerHookOnly() {
  const api = useSessionManager();
  const { t } = api;
  return (
    <section {...api.getRootProps()} style={box}>
      <h2 {...api.getTitleProps()} style={{ margin: 0, fontSize: 16 }}>
        {t.sessionManagerTitle}
      </h2>
      {api.status === 'loading' ? (
        <p aria-busy="true">{t.loading}</p>
      ) : api.status === 'error' ? (
        <p role="alert">
          {t.clerkFailed} <button {...api.getRetryProps('load')}>{t.retry}</button>
        </p>
      ) : api.status === 'signed-out' ? (
        <p>{t.signedOutMessage}</p>
      ) : (
        <>
          <p style={{ margin: 0 }}>
            <strong>{api.user.fullName}</strong> {api.user.primaryEmailAddress?.emailAddress}
          </p>
          <p style={{ margin: 0 }}>
            {t.sessionId}: <code>{api.session.id}</code>{' '}
            <button {...api.getCopyIdProps()}>
              {api.copied === 'copied' ? t.copied : api.copied === 'failed' ? t.copyFailed : t.copySessionId}
            </button>
          </p>
          {api.failure?.action === 'sign-out' ? (
            <p role="alert" style={{ margin: 0 }}>
              {api.failure.text} <button {...api.getRetryProps('sign-out')}>{t.retry}</button>
            </p>
          ) : null}
          <div style={actions}>
            <button {...api.getSignOutProps()}>{api.pending === 'sign-out' ? t.signingOut : t.signOut}</button>
            <button {...api.getSignOutEverywhereProps()}>{t.signOutEverywhere}</button>
          </div>
          <dialog {...api.getConfirmDialogProps()}>
            <h2 {...api.getConfirmTitleProps()} style={{ margin: 0, fontSize: 16 }}>
              {t.signOutEverywhereTitle}
            </h2>
            <p>{t.signOutEverywhereDescription({ count: api.otherDevices })}</p>
            {api.failure?.action === 'sign-out-everywhere' ? <p role="alert">{api.failure.text}</p> : null}
            <div style={{ ...actions, justifyContent: 'flex-end' }}>
              <button {...api.getCancelProps()}>{t.cancel}</button>
              <button {...api.getConfirmProps()}>{t.signOutEverywhereConfirm}</button>
            </div>
          </dialog>
        </>
      )}
      <p role="status" aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {api.announcement}
      </p>
    </section>
  );
}
