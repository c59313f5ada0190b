import { describeRuntimeRole } from '@bazaar/platform-service/testing';
import { fulfillmentService } from '../fulfillment.service';

describeRuntimeRole(fulfillmentService);
