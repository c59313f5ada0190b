import { Controller, Delete, HttpCode, HttpStatus, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { EraseBuyerPersonalDataHandler } from '@bazaar/checkout-application';
import { Allow, ApiProblem } from '@bazaar/platform-service';

/** An administrator's side of buyers' personal data: erasure on request (crypto-shredding, docs/data-protection.md). */
@ApiTags('buyers')
@Allow('admin')
@Controller('buyers')
export class BuyerPersonalDataController {
  constructor(private readonly erase: EraseBuyerPersonalDataHandler) {}

  @Delete(':buyerId/personal-data')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Erase a buyer’s personal data: the name and address of every order of theirs, in every context (idempotent)',
  })
  @ApiNoContentResponse({ description: 'Erased (or there was nothing left to erase); the erasure is published to the other contexts' })
  @ApiParam({ name: 'buyerId', schema: { type: 'string', minLength: 1, maxLength: 100 } })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(409, ['buyer_has_orders_in_progress'])
  async remove(@Param('buyerId', { schema: z.string().trim().min(1).max(100) }) buyerId: string): Promise<void> {
    await this.erase.execute({ buyerId });
  }
}
