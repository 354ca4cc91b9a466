import type { OrgResourceKey } from '../org.policy.ts';
import { handlerUnitResource, platformResource } from './bodies.ts';
import { memberResource } from './members.ts';
import {
  participatingUnitResource,
  sectorResource,
  sessionResource,
  specialCommitteeResource,
  supervisionOfficeResource,
  termResource,
} from './simple.ts';
import type { OrgResource } from './types.ts';

export const orgResources: Record<OrgResourceKey, OrgResource> = {
  terms: termResource,
  sessions: sessionResource,
  sectors: sectorResource,
  'participating-units': participatingUnitResource,
  'special-committees': specialCommitteeResource,
  members: memberResource,
  'handler-units': handlerUnitResource,
  'supervision-offices': supervisionOfficeResource,
  platforms: platformResource,
};
