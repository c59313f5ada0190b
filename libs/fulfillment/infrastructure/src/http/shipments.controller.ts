import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ListShipmentsForOrderHandler } from '@bazaar/fulfillment-application';
import { openApiSchema } from '@bazaar/platform-service';
import { listShipmentsQuery, shipmentsResponse } from './shipments.schemas';
// Types only: decorator metadata must not reference them at runtime.
import type { ListShipmentsQuery, ShipmentsResponse } from './shipments.schemas';

@ApiTags('shipments')
@Controller('shipments')
export class ShipmentsController {
  constructor(private readonly listShipments: ListShipmentsForOrderHandler) {}

  @Get()
  @ApiOperation({ summary: 'The shipments for an order (an empty list when it has none yet)' })
  @ApiQuery({ name: 'orderId', required: true, schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ schema: openApiSchema(shipmentsResponse) })
  @ApiBadRequestResponse({ description: '`invalid_request` problem: orderId is missing or not a UUID' })
  async forOrder(@Query({ schema: listShipmentsQuery }) query: ListShipmentsQuery): Promise<ShipmentsResponse> {
    const shipments = await this.listShipments.execute({ orderId: query.orderId });
    return {
      shipments: shipments.map((shipment) => ({
        ...shipment,
        lines: shipment.lines.map(({ sku, quantity }) => ({ sku, quantity })),
        createdAt: shipment.createdAt.toISOString(),
      })),
    };
  }
}
