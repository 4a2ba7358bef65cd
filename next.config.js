import { createRequire } from 'node:module';
import createMDX from '@next/mdx';
import { pageCacheBytes, pageCacheRedisUrl } from './page-cache/settings.mjs';
import { actionBodyLimitMb, baseHeaders, contentSecurityPolicy, hsts, strictRoutes } from './security/headers.mjs';

// Turbopack needs remark plugins by name, not as imported functions.
const withMDX = createMDX({
  options: {
    remarkPlugins: ['remark-frontmatter', ['remark-mdx-frontmatter', { name: 'frontmatter' }]],
  },
});

// proxy.ts gives the strict routes their per-request policy; everything else gets this one.
const notStrict = `/((?!(?:${strictRoutes.map((r) => r.slice(1)).join('|')})(?:/|$)).*)`;

/** @type {import('next').NextConfig} */
const nextConfig = {
  pageExtensions: ['ts', 'tsx'],
  poweredByHeader: false,
  // Next.js hashes every page's whole HTML on every request to make an ETag,
  // which cost the step pages a quarter of their throughput (bench/). Each
  // step is its own URL, so a saved 304 was rare: a reload without JavaScript.
  generateEtags: false,
  reactStrictMode: true,
  // Rendered pages are kept in memory, least recently used dropped first,
  // never written to disk: every link is a page, and links can be made up.
  // With REDIS_URL (or PAGE_CACHE_REDIS_URL), every instance shares them
  // through Redis. Both are read when the server starts.
  cacheMaxMemorySize: pageCacheBytes(),
  cacheHandler: pageCacheRedisUrl() ? createRequire(import.meta.url).resolve('./page-cache/shared.mjs') : undefined,
  // Read once, at build time, for the static headers and proxy.ts alike.
  env: { EMBED_ORIGINS: process.env.EMBED_ORIGINS ?? '' },
  // Room for a pasted log beyond the 200 KiB the explainer reads; the rest is ignored.
  experimental: {
    serverActions: { bodySizeLimit: `${actionBodyLimitMb}mb` },
    // proxy.ts runs for the wizard's pages, and Next.js holds a body sent
    // through it in memory before answering: no more than an action may send.
    proxyClientMaxBodySize: `${actionBodyLimitMb}mb`,
    isrFlushToDisk: false,
    // Step pages never change for a given URL, so a prefetched next step can
    // be shown from the router's cache when the answer is clicked.
    staleTimes: { dynamic: 300, static: 300 },
  },
  async headers() {
    return [
      { source: notStrict, headers: [...baseHeaders(), { key: 'Content-Security-Policy', value: contentSecurityPolicy() }] },
      { source: '/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: [hsts] },
      // The team's figures: never in a search engine (the page is rendered per request, so it is never cached either).
      { source: '/insights/:path*', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
    ];
  },
};

export default withMDX(nextConfig);
