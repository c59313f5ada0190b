import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  DeliverShipmentHandler,
  DispatchShipmentHandler,
  GetShipmentHandler,
  ListShipmentsForOrderHandler,
  PackShipmentHandler,
  PickShipmentHandler,
} from '@bazaar/fulfillment-application';
import { Allow, ApiProblem, type Caller, openApiSchema, VerifiedCaller } from '@bazaar/platform-service';
import { dispatchRequest, listShipmentsQuery, shipmentIdParameter, shipmentResponse, shipmentsResponse, toShipmentResponse } from './shipments.schemas';
// Types only: decorator metadata must not reference them at runtime.
import type { DispatchRequest, ListShipmentsQuery, ShipmentResponse, ShipmentsResponse } from './shipments.schemas';

/** The codes a warehouse step answers when the shipment is not where the step needs it. */
const stepConflicts = ['shipment_step_skipped', 'shipment_step_already_done', 'shipment_cancelled', 'concurrency_conflict'];
/** Picking also waits for the order's confirmation. */
const pickConflicts = ['order_not_confirmed', ...stepConflicts];

/** The warehouse's view of its work packages, and the steps it records on them (each stamped with who recorded it). */
@ApiTags('shipments')
@Allow('warehouse')
@Controller('shipments')
export class ShipmentsController {
  constructor(
    private readonly listShipments: ListShipmentsForOrderHandler,
    private readonly getShipment: GetShipmentHandler,
    private readonly pickShipment: PickShipmentHandler,
    private readonly packShipment: PackShipmentHandler,
    private readonly dispatchShipment: DispatchShipmentHandler,
    private readonly deliverShipment: DeliverShipmentHandler,
  ) {}

  @Get()
  @Allow('warehouse', 'support')
  @ApiOperation({ summary: 'The shipments for an order, with status, carrier and tracking number (an empty list when it has none yet)' })
  @ApiQuery({ name: 'orderId', required: true, schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ schema: openApiSchema(shipmentsResponse) })
  @ApiProblem(400, ['invalid_request'])
  async forOrder(@Query({ schema: listShipmentsQuery }) query: ListShipmentsQuery): Promise<ShipmentsResponse> {
    const shipments = await this.listShipments.execute({ orderId: query.orderId });
    return { shipments: shipments.map(toShipmentResponse) };
  }

  @Get(':shipmentId')
  @Allow('warehouse', 'support')
  @ApiOperation({ summary: 'One shipment' })
  @ApiParam({ name: 'shipmentId', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ schema: openApiSchema(shipmentResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['shipment_not_found'])
  async one(@Param('shipmentId', { schema: shipmentIdParameter }) shipmentId: string): Promise<ShipmentResponse> {
    return toShipmentResponse(await this.getShipment.execute({ shipmentId }));
  }

  @Post(':shipmentId/pick')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Record that every line's units were picked (created → picked), once the shipment is released (its order confirmed)" })
  @ApiParam({ name: 'shipmentId', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ description: 'The shipment, picked', schema: openApiSchema(shipmentResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['shipment_not_found'])
  @ApiProblem(409, pickConflicts)
  async pick(@Param('shipmentId', { schema: shipmentIdParameter }) shipmentId: string, @VerifiedCaller() caller: Caller): Promise<ShipmentResponse> {
    await this.pickShipment.execute({ shipmentId, actor: caller.subject });
    return this.one(shipmentId);
  }

  @Post(':shipmentId/pack')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record that the parcel is packed (picked → packed)' })
  @ApiParam({ name: 'shipmentId', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ description: 'The shipment, packed', schema: openApiSchema(shipmentResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['shipment_not_found'])
  @ApiProblem(409, stepConflicts)
  async pack(@Param('shipmentId', { schema: shipmentIdParameter }) shipmentId: string, @VerifiedCaller() caller: Caller): Promise<ShipmentResponse> {
    await this.packShipment.execute({ shipmentId, actor: caller.subject });
    return this.one(shipmentId);
  }

  @Post(':shipmentId/dispatch')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Hand the parcel to a carrier (packed → dispatched): its reserved units leave on-hand stock; the order can no longer be cancelled',
  })
  @ApiParam({ name: 'shipmentId', schema: { type: 'string', format: 'uuid' } })
  @ApiBody({ schema: openApiSchema(dispatchRequest) })
  @ApiOkResponse({ description: 'The shipment, dispatched, with its carrier and tracking number', schema: openApiSchema(shipmentResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(404, ['shipment_not_found'])
  @ApiProblem(409, stepConflicts)
  async dispatch(
    @Param('shipmentId', { schema: shipmentIdParameter }) shipmentId: string,
    @Body({ schema: dispatchRequest }) body: DispatchRequest,
    @VerifiedCaller() caller: Caller,
  ): Promise<ShipmentResponse> {
    await this.dispatchShipment.execute({ shipmentId, carrier: body.carrier, trackingNumber: body.trackingNumber, actor: caller.subject });
    return this.one(shipmentId);
  }

  @Post(':shipmentId/deliver')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record that the carrier delivered the parcel (dispatched → delivered)' })
  @ApiParam({ name: 'shipmentId', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ description: 'The shipment, delivered', schema: openApiSchema(shipmentResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['shipment_not_found'])
  @ApiProblem(409, stepConflicts)
  async deliver(@Param('shipmentId', { schema: shipmentIdParameter }) shipmentId: string, @VerifiedCaller() caller: Caller): Promise<ShipmentResponse> {
    await this.deliverShipment.execute({ shipmentId, actor: caller.subject });
    return this.one(shipmentId);
  }
}
