import { defineConfig } from 'vitest/config';

// globals: true lets Testing Library unmount each test's render after it (its cleanup hooks into
// the global afterEach). The Playwright specs in visual/ are not Vitest's.
export default defineConfig({ test: { environment: 'jsdom', globals: true, include: ['src/**/*.test.tsx'] } });
