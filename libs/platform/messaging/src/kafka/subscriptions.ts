import 'reflect-metadata';
import { Type } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { tombstoneOf, topicOf } from '@bazaar/published-language';

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
  return [...new Set(consumers.flatMap(subscribedWireTypes).map(topicOfSubscription))];
}

const TOMBSTONE_SUFFIX = tombstoneOf('');

/** A contract's tombstones (`tombstoneOf(wireType)`) travel on the contract's own topic. */
function topicOfSubscription(wireType: string): string {
  return topicOf(wireType.endsWith(TOMBSTONE_SUFFIX) ? wireType.slice(0, -TOMBSTONE_SUFFIX.length) : wireType);
}
