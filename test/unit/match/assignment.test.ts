import { describe, expect, it } from 'vitest';
import { planAssignment, type AssignmentInput } from '../../../src/match/assignment.js';

function input(current: [number, number | null][], clusters: number[][], never: [number, number][] = []): AssignmentInput {
  const members = new Map<number, number[]>();
  for (const [r, c] of current) if (c != null) members.set(c, [...(members.get(c) ?? []), r]);
  const rules = new Set(never.flatMap(([a, b]) => [`${a}:${b}`, `${b}:${a}`]));
  return { current: new Map(current), clusters, members, cannotLink: (a, b) => rules.has(`${a}:${b}`) };
}

describe('planAssignment', () => {
  it('makes one new customer per cluster of new records, and one per unclustered new record', () => {
    const plan = planAssignment(input([[1, null], [2, null], [3, null]], [[1, 2]]));
    expect(plan.newCustomers).toEqual([[1, 2], [3]]);
    expect(plan.merges).toEqual([]);
  });

  it('lists new customers in the order of their first record, so ids follow the order records arrived in', () => {
    const plan = planAssignment(input([[1, null], [2, null], [3, null], [4, null], [5, null]], [[4, 5], [2, 3]]));
    expect(plan.newCustomers).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('lets a new record join the existing customer (stable id)', () => {
    const plan = planAssignment(input([[1, 10], [2, null]], [[1, 2]]));
    expect(plan.merges).toEqual([{ survivor: 10, absorbed: [], joining: [2] }]);
    expect(plan.newCustomers).toEqual([]);
  });

  it('merges customers into the one with most records, ties to the oldest id', () => {
    expect(planAssignment(input([[1, 20], [2, 20], [3, 10]], [[1, 3]])).merges).toEqual([{ survivor: 20, absorbed: [10], joining: [] }]);
    expect(planAssignment(input([[1, 20], [3, 10]], [[1, 3]])).merges).toEqual([{ survivor: 10, absorbed: [20], joining: [] }]);
  });

  it('follows a customer absorbed by an earlier cluster of the same run', () => {
    const plan = planAssignment(input([[1, 10], [2, 20], [3, 30], [4, 20]], [[1, 2], [4, 3]]));
    // 20 has two records, so it survives the first merge and then takes in 30.
    expect(plan.merges).toEqual([{ survivor: 20, absorbed: [10], joining: [] }, { survivor: 20, absorbed: [30], joining: [] }]);
  });

  it('never merges records with a never-merge rule, and says why', () => {
    const plan = planAssignment(input([[1, 10], [2, 20], [3, null]], [[1, 2, 3]], [[1, 2], [2, 3]]));
    expect(plan.merges).toEqual([{ survivor: 10, absorbed: [], joining: [3] }]);
    expect(plan.blocked.map((b) => b.records)).toEqual([[1, 2]]);
  });

  it('keeps a blocked new record as its own customer', () => {
    const plan = planAssignment(input([[1, 10], [3, null]], [[1, 3]], [[1, 3]]));
    expect(plan.merges).toEqual([]);
    expect(plan.newCustomers).toEqual([[3]]);
    expect(plan.blocked).toHaveLength(1);
  });
});
