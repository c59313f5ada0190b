import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Every HTTP route the app's controllers registered, as `METHOD /path/:param` (Kafka handlers are
 * not routes). Checked against Fastify's router too, so a route is listed only if it is served.
 */
export function registeredRoutes(app: NestFastifyApplication): string[] {
  const fastify = app.getHttpAdapter().getInstance();
  const routes = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const prefix = pathsOf(Reflect.getMetadata(PATH_METADATA, metatype));
      const prototype = (metatype as { prototype: Record<string, unknown> }).prototype;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        for (const base of prefix) {
          for (const path of pathsOf(Reflect.getMetadata(PATH_METADATA, handler))) {
            const url = `/${[base, path]
              .map((part) => part.replace(/^\/+|\/+$/g, ''))
              .filter(Boolean)
              .join('/')}`;
            const verb = RequestMethod[method];
            if (fastify.hasRoute({ method: verb as 'GET', url })) routes.add(`${verb} ${url}`);
          }
        }
      }
    }
  }
  return [...routes].sort();
}

function pathsOf(metadata: unknown): string[] {
  if (Array.isArray(metadata)) return metadata.map(String);
  return [typeof metadata === 'string' ? metadata : '/'];
}
