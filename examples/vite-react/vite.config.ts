import { defineConfig } from 'vite';

// No React plugin needed to build: Vite's own transform handles TSX with React's automatic runtime.
export default defineConfig({ oxc: { jsx: { runtime: 'automatic' } } });
