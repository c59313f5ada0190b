import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Allow, ApiProblem, type Caller, openApiSchema, VerifiedCaller } from '@bazaar/platform-service';
import { CommentOnCaseHandler, GetCaseHandler, ListCasesForOrderHandler, OpenCaseHandler, ReopenCaseHandler, ResolveCaseHandler } from '@bazaar/support-application';
import {
  caseResponse,
  casesResponse,
  commentRequest,
  listCasesQuery,
  openCaseRequest,
  openedCaseResponse,
  resolveRequest,
  toCaseResponse,
  toCaseSummaryResponse,
} from './cases.schemas';
// Types only: decorator metadata must not reference them at runtime.
import type { CaseResponse, CommentRequest, ListCasesQuery, OpenCaseRequest, ResolveRequest } from './cases.schemas';

const caseIdParameter = { schema: z.uuid() };

/** Support cases: an agent's case about one order, from opening to resolution (and back); every entry records who (the token's subject) and when. */
@ApiTags('cases')
@Allow('support')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly openCase: OpenCaseHandler,
    private readonly commentOnCase: CommentOnCaseHandler,
    private readonly resolveCase: ResolveCaseHandler,
    private readonly reopenCase: ReopenCaseHandler,
    private readonly getCase: GetCaseHandler,
    private readonly listCases: ListCasesForOrderHandler,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Open a case about an order Support knows' })
  @ApiBody({ schema: openApiSchema(openCaseRequest) })
  @ApiCreatedResponse({ schema: openApiSchema(openedCaseResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(422, ['case_order_unknown', 'case_text_invalid'])
  async open(@Body({ schema: openCaseRequest }) body: OpenCaseRequest, @VerifiedCaller() { subject: actor }: Caller): Promise<{ caseId: string }> {
    return { caseId: await this.openCase.execute({ ...body, actor }) };
  }

  @Get()
  @ApiOperation({ summary: "An order's cases, oldest first (an empty list when it has none)" })
  @ApiOkResponse({ schema: openApiSchema(casesResponse) })
  @ApiProblem(400, ['invalid_request'])
  async list(@Query({ schema: listCasesQuery }) query: ListCasesQuery): Promise<z.output<typeof casesResponse>> {
    const cases = await this.listCases.execute({ orderId: query.orderId });
    return { cases: cases.map(toCaseSummaryResponse) };
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'A case with everything that happened to it, who did it and when' })
  @ApiOkResponse({ schema: openApiSchema(caseResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['support_case_not_found'])
  async get(@Param('caseId', caseIdParameter) caseId: string): Promise<CaseResponse> {
    return toCaseResponse(await this.getCase.execute({ caseId }));
  }

  @Post(':caseId/comments')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Add a comment to an open case (a resolved case must be reopened first)' })
  @ApiBody({ schema: openApiSchema(commentRequest) })
  @ApiCreatedResponse({ description: 'The case with its new comment', schema: openApiSchema(caseResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(404, ['support_case_not_found'])
  @ApiProblem(409, ['support_case_resolved', 'concurrency_conflict'])
  @ApiProblem(422, ['case_text_invalid'])
  async comment(
    @Param('caseId', caseIdParameter) caseId: string,
    @Body({ schema: commentRequest }) body: CommentRequest,
    @VerifiedCaller() { subject: actor }: Caller,
  ): Promise<CaseResponse> {
    await this.commentOnCase.execute({ caseId, body: body.body, actor });
    return this.get(caseId);
  }

  @Post(':caseId/resolve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resolve an open case, saying how' })
  @ApiBody({ schema: openApiSchema(resolveRequest) })
  @ApiOkResponse({ description: 'The case, resolved', schema: openApiSchema(caseResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(404, ['support_case_not_found'])
  @ApiProblem(409, ['support_case_resolved', 'concurrency_conflict'])
  @ApiProblem(422, ['case_text_invalid'])
  async resolve(
    @Param('caseId', caseIdParameter) caseId: string,
    @Body({ schema: resolveRequest }) body: ResolveRequest,
    @VerifiedCaller() { subject: actor }: Caller,
  ): Promise<CaseResponse> {
    await this.resolveCase.execute({ caseId, resolution: body.resolution, actor });
    return this.get(caseId);
  }

  @Post(':caseId/reopen')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reopen a resolved case: it takes comments again and must be resolved again' })
  @ApiOkResponse({ description: 'The case, open again', schema: openApiSchema(caseResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['support_case_not_found'])
  @ApiProblem(409, ['support_case_open', 'concurrency_conflict'])
  async reopen(@Param('caseId', caseIdParameter) caseId: string, @VerifiedCaller() { subject: actor }: Caller): Promise<CaseResponse> {
    await this.reopenCase.execute({ caseId, actor });
    return this.get(caseId);
  }
}
