import { describeRuntimeRole } from '@bazaar/platform-service/testing';
import { supportService } from '../support.service';

describeRuntimeRole(supportService);
