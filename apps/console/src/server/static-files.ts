import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { ServerResponse } from 'node:http';
import { sendProblem } from './problem';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * Serves the built app. Files under `assets/` carry a content hash in their name, so they are cached
 * for good; every other path that is not a file gets index.html (the app routes in the browser).
 */
export async function serveStatic(root: string, pathname: string, response: ServerResponse): Promise<void> {
  // The file paths below are the configured root joined with a request path checked (just below) to stay inside it.
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  if (relative.split(sep).includes('..') || !file.startsWith(root)) return sendProblem(response, 400, 'bad_path', 'Bad path');
  if (await isFile(file)) return stream(file, response, relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (extname(relative) !== '') return sendProblem(response, 404, 'not_found', 'No such file');
  const index = join(root, 'index.html');
  if (!(await isFile(index))) return sendProblem(response, 503, 'console_not_built', 'The console app is not built', `no index.html in ${root}`);
  return stream(index, response, 'no-cache');
}

/** Whether `path` (inside the root: the request path is checked before) is a file. */
function isFile(path: string): Promise<boolean> {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- inside the root, checked by the caller
  const stats = stat(path);
  return stats.then(
    (s) => s.isFile(),
    () => false,
  );
}

function stream(file: string, response: ServerResponse, cacheControl: string): void {
  response.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
    // Everything the app loads comes from this server, which also proxies the services.
    ...(extname(file) === '.html' ? { 'content-security-policy': "default-src 'self'; frame-ancestors 'none'", 'referrer-policy': 'no-referrer' } : {}),
  });
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- a path serveStatic checked
  createReadStream(file).pipe(response);
}
