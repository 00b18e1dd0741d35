import { defineConfig } from 'vite';

// No React plugin needed: Vite's own transform handles TSX with React's automatic runtime.
// Storybook (@storybook/react-vite) reads this file too.
export default defineConfig({ oxc: { jsx: { runtime: 'automatic' } } });
