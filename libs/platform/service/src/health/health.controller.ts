import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { problem, PROBLEM_CONTENT_TYPE } from '../http/problem-details';
import { KAFKA } from '../tokens';

/** Liveness says the process serves requests; readiness that its database and Kafka answer. */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  #kafkaCheckedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  @Get('live')
  live() {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    const [database, kafka] = await Promise.all([this.check(() => this.pingDatabase()), this.check(() => this.pingKafka())]);
    const checks = { database, kafka };
    if (database === 'up' && kafka === 'up') return reply.send({ status: 'up', checks });
    return reply
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({ ...problem(HttpStatus.SERVICE_UNAVAILABLE, 'not_ready', 'A dependency is unavailable'), checks });
  }

  private async check(probe: () => Promise<void>): Promise<'up' | 'down'> {
    try {
      await probe();
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async pingDatabase(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /** Asks the cluster at most every few seconds: probes are frequent, brokers are shared. */
  private async pingKafka(): Promise<void> {
    if (Date.now() - this.#kafkaCheckedAt < 5_000) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.describeCluster();
      this.#kafkaCheckedAt = Date.now();
    } finally {
      await admin.disconnect();
    }
  }
}
