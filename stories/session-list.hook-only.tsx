/**
 * SessionList built from `useSessionList()` alone: plain elements, no parts, every behaviour from
 * the hook's prop getters (ids, ARIA, `data-*` state, handlers, the dialog's focus and Escape,
 * and the focus kept when a row leaves). Only the public entry is imported.
 */
import type { CSSProperties } from 'react';
import { useSessionList, type SessionListApi } from '../src';

const box: CSSProperties = { display: 'grid', gap: 12, maxWidth: 560, fontFamily: 'system-ui, sans-serif', fontSize: 14 };
const row: CSSProperties = { display: 'flex', alignItems: 'center', gap: 8, padding: '6px 0', borderTop: '1px solid #e5e5e5' };
const list: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };
const grow: CSSProperties = { flex: 1, minWidth: 0 };

type Device = SessionListApi['devices'][number];
/** "Safari 19 · iPhone": what the kit's rows show, written here from Clerk's activity. */
const deviceLabel = ({ latestActivity: a }: Device, t: SessionListApi['t']) =>
  `${a.browserName ? `${a.browserName} ${a.browserVersion?.split('.')[0] ?? ''}`.trim() : t.unknownBrowser} · ${a.deviceType || t.unknownDevice}`;

export function SessionListHookOnly() {
  const api = useSessionList();
  const { t, confirm, confirmDevice } = api;
  const all = confirm?.kind === 'all';
  const count = api.others.length;
  return (
    <section {...api.getRootProps()} style={box}>
      <h2 {...api.getTitleProps()} style={{ margin: 0, fontSize: 16 }}>
        {t.sessionListTitle}
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
          <section {...api.getSectionProps('accounts')}>
            <h3 {...api.getHeadingProps('accounts')} style={{ margin: '0 0 4px', fontSize: 14 }}>
              {t.accountsTitle}
            </h3>
            <ul style={list}>
              {api.accounts.map((s) => {
                const failure = api.failures.get(s.id);
                const name = s.user?.fullName || s.publicUserData?.identifier || s.id;
                return (
                  <li key={s.id} {...api.getRowProps(s)} style={row}>
                    <span style={grow}>
                      {name}
                      {s.id === api.currentSessionId ? ` (${t.current})` : ''}
                    </span>
                    {s.id === api.currentSessionId ? null : (
                      <button {...api.getSwitchProps(s)}>{api.pending.get(s.id) === 'switch' ? t.switching : t.switchAccount}</button>
                    )}
                    <button {...api.getSignOutProps(s)}>{api.pending.get(s.id) === 'sign-out' ? t.signingOut : t.signOut}</button>
                    {failure ? (
                      <span role="alert">
                        {failure.text} <button {...api.getRetryProps(s)}>{t.retry}</button>
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
          {api.devicesState ? (
            <section {...api.getSectionProps('devices')}>
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                <h3 {...api.getHeadingProps('devices')} style={{ margin: 0, fontSize: 14 }}>
                  {t.devicesTitle}
                </h3>
                {count > 1 ? <button {...api.getRevokeAllProps()}>{t.revokeAllOthers({ count })}</button> : null}
              </div>
              {api.devicesState.status === 'loading' ? (
                <p aria-busy="true">{t.devicesLoading}</p>
              ) : api.devicesState.status === 'error' ? (
                <p role="alert">
                  {t.devicesFailed} <button {...api.getRetryProps('devices')}>{t.retry}</button>
                </p>
              ) : (
                <ul style={list}>
                  {api.devices.map((d) => {
                    const failure = api.failures.get(d.id);
                    return (
                      <li key={d.id} {...api.getRowProps(d)} style={row}>
                        <span style={grow}>
                          {deviceLabel(d, t)}
                          {d.id === api.currentSessionId ? ` (${t.thisDevice})` : ''}
                        </span>
                        {d.id === api.currentSessionId ? null : (
                          <button {...api.getRevokeProps(d)}>{api.pending.has(d.id) ? t.revoking : t.revoke}</button>
                        )}
                        {failure ? (
                          <span role="alert">
                            {failure.text} <button {...api.getRetryProps(d)}>{t.retry}</button>
                          </span>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          ) : null}
        </>
      )}
      <dialog {...api.getConfirmDialogProps()}>
        <h2 {...api.getConfirmTitleProps()} style={{ margin: 0, fontSize: 16 }}>
          {all ? t.revokeAllTitle({ count }) : t.revokeTitle}
        </h2>
        <p>
          {all ? t.revokeAllDescription({ count }) : confirmDevice ? t.revokeDescription({ device: deviceLabel(confirmDevice, t) }) : null}
        </p>
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
          <button {...api.getCancelProps()}>{t.cancel}</button>
          <button {...api.getConfirmProps()}>{all ? t.revokeAllConfirm({ count }) : t.revokeConfirm}</button>
        </div>
      </dialog>
      <p role="status" aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {api.announcement}
      </p>
    </section>
  );
}
