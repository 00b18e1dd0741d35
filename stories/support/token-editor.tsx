/** Story-only: a live editor for the kit's CSS tokens (the Theming guide). Styled in .storybook/preview.css. */
import { useId, useMemo, useState, type CSSProperties, type ReactNode } from 'react';

export const TOKENS = {
  light: {
    '--csk-radius': '0.5rem',
    '--csk-background': 'oklch(1 0 0)',
    '--csk-foreground': 'oklch(0.21 0.006 285.9)',
    '--csk-card': 'oklch(1 0 0)',
    '--csk-muted': 'oklch(0.967 0.001 286.4)',
    '--csk-muted-foreground': 'oklch(0.49 0.016 285.9)',
    '--csk-primary': 'oklch(0.21 0.006 285.9)',
    '--csk-primary-foreground': 'oklch(0.985 0 0)',
    '--csk-destructive': 'oklch(0.52 0.22 27.3)',
    '--csk-border': 'oklch(0.92 0.004 286.3)',
    '--csk-ring': 'oklch(0.55 0.2 264)',
  },
  dark: {
    '--csk-radius': '0.5rem',
    '--csk-background': 'oklch(0.21 0.006 285.9)',
    '--csk-foreground': 'oklch(0.985 0 0)',
    '--csk-card': 'oklch(0.24 0.006 285.9)',
    '--csk-muted': 'oklch(0.274 0.006 286)',
    '--csk-muted-foreground': 'oklch(0.74 0.013 286)',
    '--csk-primary': 'oklch(0.92 0.004 286.3)',
    '--csk-primary-foreground': 'oklch(0.21 0.006 285.9)',
    '--csk-destructive': 'oklch(0.72 0.18 22)',
    '--csk-border': 'oklch(1 0 0 / 14%)',
    '--csk-ring': 'oklch(0.7 0.15 264)',
  },
} as const;
type Scheme = keyof typeof TOKENS;
type Token = keyof (typeof TOKENS)['light'];

/** The CSS a reader copies: only the tokens they changed, under the selector of their scheme. */
export function tokensCss(changed: Record<Scheme, Partial<Record<Token, string>>>): string {
  const block = (selector: string, values: Partial<Record<Token, string>>) => {
    const lines = Object.entries(values).map(([k, v]) => `  ${k}: ${v};`);
    return lines.length ? `${selector} {\n${lines.join('\n')}\n}` : '';
  };
  return (
    [block(':root, .light', changed.light), block('.dark', changed.dark)].filter(Boolean).join('\n\n') ||
    '/* Change a token to see its CSS here. */'
  );
}

export function TokenEditor({ children }: { children: ReactNode }) {
  const id = useId();
  const [scheme, setScheme] = useState<Scheme>('light');
  const [changed, setChanged] = useState<Record<Scheme, Partial<Record<Token, string>>>>({ light: {}, dark: {} });
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const values = { ...TOKENS[scheme], ...changed[scheme] };
  const css = useMemo(() => tokensCss(changed), [changed]);
  const set = (token: Token, value: string) => {
    setCopied('idle');
    setChanged((c) => {
      const next = { ...c[scheme] };
      if (value === TOKENS[scheme][token]) delete next[token];
      else next[token] = value;
      return { ...c, [scheme]: next };
    });
  };
  const copy = () =>
    navigator.clipboard.writeText(css).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  return (
    <div className="token-editor">
      <fieldset className="token-editor__tokens">
        <legend>Tokens ({scheme})</legend>
        <div role="radiogroup" aria-label="Colour scheme" className="token-editor__schemes">
          {(['light', 'dark'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name={`${id}-scheme`} checked={scheme === s} onChange={() => setScheme(s)} />{' '}
              {s === 'light' ? 'Light' : 'Dark'}
            </label>
          ))}
        </div>
        {(Object.keys(TOKENS.light) as Token[]).map((token) => (
          <label key={token} className="token-editor__row">
            <span
              className="token-editor__swatch"
              style={{ background: token === '--csk-radius' ? 'transparent' : values[token] }}
              aria-hidden
            />
            <code>{token}</code>
            <input value={values[token]} onChange={(e) => set(token, e.target.value)} spellCheck={false} />
          </label>
        ))}
      </fieldset>
      <div className="token-editor__preview">
        <div className={`${scheme} demo-page`} style={values as CSSProperties}>
          {children}
        </div>
        <div className="token-editor__css">
          <pre aria-label="Your CSS">{css}</pre>
          <button type="button" className="demo-button" onClick={() => void copy()}>
            Copy CSS
          </button>
          <span role="status">
            {copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'Could not copy: select the text instead.' : ''}
          </span>
        </div>
      </div>
    </div>
  );
}
