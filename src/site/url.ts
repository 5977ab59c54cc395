/**
 * Links inside the site, under the base path it is deployed at (`base` in astro.config.mjs, e.g. a
 * docs site that serves Fastpath under /learn/). Absolute paths would break there.
 */

/** `path` (written from the site root, e.g. `/lessons/01-n-plus-one/`) under the base path. */
export function siteUrl(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${path.replace(/^\//, '')}`;
}
