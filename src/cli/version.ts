// xent's version, from package.json: the build defines XENT_VERSION (scripts/build.mjs); the
// sources run by the tests have none.
declare const XENT_VERSION: string | undefined;
export const VERSION = typeof XENT_VERSION === 'string' ? XENT_VERSION : '0.0.0-dev';
