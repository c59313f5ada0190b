import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../access/access-rule';
import { problem, PROBLEM_CONTENT_TYPE } from '../http/problem-details';
import { KafkaHealth } from './kafka-health';

/**
 * Liveness says the process serves requests; readiness that it can serve its HTTP routes, which
 * need its database only. Kafka is reported apart (`/health/kafka`): a broker outage delays
 * events but must not take every replica out of service, nor stop a replica from starting.
 */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kafkaHealth: KafkaHealth,
  ) {}

  @Get('live')
  live() {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    const database = await this.pingDatabase();
    if (database === 'up') return reply.send({ status: 'up', checks: { database } });
    return reply
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .header('retry-after', '5')
      .send({ ...problem(HttpStatus.SERVICE_UNAVAILABLE, 'not_ready', 'The database is unavailable'), checks: { database } });
  }

  /** The broker, the consumer (phase, stalled partitions, restarts), dead letters and the outbox backlog; 503 when down. */
  @Get('kafka')
  async kafka(@Res() reply: FastifyReply) {
    const report = await this.kafkaHealth.report();
    return reply.status(report.status === 'down' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).send(report);
  }

  private async pingDatabase(): Promise<'up' | 'down'> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
