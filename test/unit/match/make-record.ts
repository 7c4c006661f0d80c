// Test helper: a MatchRecord with every field empty, overridden by the given ones.
import type { MatchRecord } from '../../../src/match/types.js';

export function makeRecord(id: number, fields: Partial<MatchRecord> = {}): MatchRecord {
  return {
    id,
    source: 'test',
    customerId: null,
    type: null,
    name: null,
    nameCore: null,
    nameKey: null,
    branch: null,
    parentName: null,
    firstName: null,
    lastName: null,
    uscc: null,
    usccValid: false,
    idNumber: null,
    birthDate: null,
    phones: [],
    emails: [],
    regionCode: null,
    city: null,
    postalCode: null,
    address: null,
    contactName: null,
    website: null,
    updatedAt: null,
    ...fields,
  };
}
