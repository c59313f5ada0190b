import { ServerResponse } from 'node:http';

/** Answers an RFC 9457 problem, the way the services do, with a stable `code`. */
export function sendProblem(response: ServerResponse, status: number, code: string, title: string, detail?: string): void {
  const body = JSON.stringify({ type: `https://bazaar.example/problems/${code.replace(/_/g, '-')}`, title, status, code, ...(detail ? { detail } : {}) });
  response.writeHead(status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' }).end(body);
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}
