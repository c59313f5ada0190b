import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { GetInvoiceHandler, InvoiceDetails, ListInvoicesForOrderHandler } from '@bazaar/finance-application';
import { Allow, openApiSchema, PROBLEM_CONTENT_TYPE } from '@bazaar/platform-service';
import { invoiceResponse, invoicesResponse, listInvoicesQuery } from './invoices.schemas';
// Types only: decorator metadata must not reference them at runtime.
import type { InvoiceResponse, InvoicesResponse, ListInvoicesQuery } from './invoices.schemas';

const problem = { [PROBLEM_CONTENT_TYPE]: { schema: { type: 'object' } } };

@ApiTags('invoices')
@Allow('finance', 'support')
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly listInvoices: ListInvoicesForOrderHandler,
    private readonly getInvoice: GetInvoiceHandler,
  ) {}

  @Get()
  @ApiOperation({ summary: "An order's invoices: one once its shipment was dispatched, none before (an empty list) or if it was cancelled" })
  @ApiQuery({ name: 'orderId', required: true, schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ schema: openApiSchema(invoicesResponse) })
  @ApiResponse({ status: 400, description: '`invalid_request`: orderId is missing or not a UUID', content: problem })
  async forOrder(@Query({ schema: listInvoicesQuery }) query: ListInvoicesQuery): Promise<InvoicesResponse> {
    return { invoices: (await this.listInvoices.execute({ orderId: query.orderId })).map(toResponse) };
  }

  @Get(':invoiceId')
  @ApiOperation({ summary: 'One invoice: its number, buyer, lines and total (fixed once issued) and its payment state' })
  @ApiParam({ name: 'invoiceId', format: 'uuid' })
  @ApiOkResponse({ schema: openApiSchema(invoiceResponse) })
  @ApiResponse({ status: 400, description: '`invalid_request`: the invoice id is not a UUID', content: problem })
  @ApiResponse({ status: 404, description: '`invoice_not_found`: no invoice has this id', content: problem })
  async get(@Param('invoiceId', { schema: z.uuid() }) invoiceId: string): Promise<InvoiceResponse> {
    return toResponse(await this.getInvoice.execute({ invoiceId }));
  }
}

function toResponse(invoice: InvoiceDetails): InvoiceResponse {
  const { invoiceId, invoiceNumber, orderId, buyerId, lines, total, issuedAt, paymentState } = invoice;
  return {
    invoiceId,
    invoiceNumber,
    orderId,
    buyerId,
    lines: lines.map(({ sku, quantity, unitPrice, lineTotal }) => ({ sku, quantity, unitPrice: { ...unitPrice }, lineTotal: { ...lineTotal } })),
    total: { ...total },
    issuedAt: issuedAt.toISOString(),
    payment: { state: paymentState },
  };
}
