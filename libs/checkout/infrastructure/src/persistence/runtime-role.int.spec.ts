import { describeRuntimeRole } from '@bazaar/platform-service/testing';
import { checkoutService } from '../checkout.service';

describeRuntimeRole(checkoutService);
