import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CountStockHandler, GetStockLevelHandler } from '@bazaar/fulfillment-application';
import { Allow, ApiProblem, type Caller, openApiSchema, VerifiedCaller } from '@bazaar/platform-service';
import { countStockRequest, skuParameter, stockLevelResponse } from './stock.schemas';
// Types only: decorator metadata must not reference them at runtime.
import type { CountStockRequest, StockLevelResponse } from './stock.schemas';

/** Stock levels, the warehouse's; every count is stamped with who made it. */
@ApiTags('stock')
@Allow('warehouse')
@Controller('stock')
export class StockController {
  constructor(
    private readonly countStock: CountStockHandler,
    private readonly stockLevel: GetStockLevelHandler,
  ) {}

  @Put(':sku')
  @ApiOperation({ summary: 'Set the counted stock of a SKU (stocking it if it was never stocked); answers its stock level' })
  @ApiParam({ name: 'sku', schema: { type: 'string', minLength: 1, maxLength: 64 } })
  @ApiBody({ schema: openApiSchema(countStockRequest) })
  @ApiOkResponse({ schema: openApiSchema(stockLevelResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(409, ['stock_below_reserved', 'concurrency_conflict'])
  async count(
    @Param('sku', { schema: skuParameter }) sku: string,
    @Body({ schema: countStockRequest }) body: CountStockRequest,
    @VerifiedCaller() caller: Caller,
  ): Promise<StockLevelResponse> {
    await this.countStock.execute({ sku, onHand: body.onHand, actor: caller.subject });
    return this.stockLevel.execute({ sku });
  }

  @Get(':sku')
  @ApiOperation({ summary: 'The stock level of a SKU; a SKU never stocked answers zeros (nothing available)' })
  @ApiParam({ name: 'sku', schema: { type: 'string', minLength: 1, maxLength: 64 } })
  @ApiOkResponse({ schema: openApiSchema(stockLevelResponse) })
  @ApiProblem(400, ['invalid_request'])
  get(@Param('sku', { schema: skuParameter }) sku: string): Promise<StockLevelResponse> {
    return this.stockLevel.execute({ sku });
  }
}
