import type { Config } from 'tailwindcss';

/**
 * Every utility the kit ships is prefixed `csk:` (Tailwind 4 prefix syntax, e.g. `csk:flex`),
 * so the compiled stylesheet can never collide with the host app's own Tailwind classes.
 * Colours come from CSS variables (`--csk-*`) declared in src/styles.css.
 */
export default {
  prefix: 'csk',
  content: ['./src/**/*.{ts,tsx}'],
  darkMode: 'class',
} satisfies Config;
