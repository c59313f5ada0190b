import { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface HttpAnswer<TBody> {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: TBody;
  readonly headers: Headers;
}

/** A real HTTP request to a running app, its JSON answer parsed (an empty body as `{}`). */
export async function request<TBody>(app: NestFastifyApplication, path: string, init: RequestInit): Promise<HttpAnswer<TBody>> {
  const response = await fetch(`${await app.getUrl()}${path}`, init);
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: (text ? JSON.parse(text) : {}) as TBody, headers: response.headers };
}
