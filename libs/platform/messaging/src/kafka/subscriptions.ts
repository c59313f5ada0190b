import 'reflect-metadata';
import { Type } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { topicOf } from '@bazaar/published-language';

/** The wire types a consumer's methods subscribe to, read from their `@EventPattern`s. */
export function subscribedWireTypes(consumer: Type): string[] {
  const prototype = consumer.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => (Reflect.getMetadata(PATTERN_METADATA, prototype[name] as object) as string[] | undefined) ?? []);
}

/**
 * The topics a service must consume, each once: those the published-language catalog says its
 * consumers' subscriptions travel on. The subscriptions are the one list; the topics follow from it.
 */
export function consumedTopics(...consumers: Type[]): string[] {
  return [...new Set(consumers.flatMap(subscribedWireTypes).map(topicOf))];
}
