import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The example is copied out of the repo before it is built: it is its own root.
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
