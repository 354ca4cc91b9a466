import type { OrgKey } from '../keys.ts';
import type { ResourceDef } from '../types.ts';
import {
  participatingUnitsResource,
  sectorsResource,
  specialCommitteesResource,
  supervisionOfficesResource,
} from './bodies.tsx';
import { membersResource } from './members.tsx';
import { sessionsResource, termsResource } from './terms.tsx';
import { handlerUnitsResource, platformsResource } from './units.tsx';

/** The nine directory lists, each described once; the generic page does the rest. */
export const resources: Record<OrgKey, ResourceDef> = {
  terms: termsResource,
  sessions: sessionsResource,
  sectors: sectorsResource,
  'participating-units': participatingUnitsResource,
  'special-committees': specialCommitteesResource,
  members: membersResource,
  'handler-units': handlerUnitsResource,
  'supervision-offices': supervisionOfficesResource,
  platforms: platformsResource,
};
