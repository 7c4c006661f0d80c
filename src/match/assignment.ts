// From clusters to customers with stable ids. Pure: it plans the moves; the caller writes them.
// - A record that joins an existing customer takes that customer's id.
// - When a cluster spans several existing customers they merge into the one with most records (ties: the oldest,
//   i.e. lowest id); the others are retired, never renumbered or reused.
// - A cluster of records that have no customer yet becomes one new customer; so does every unclustered new record.
//   New customers are listed in the order of their first record, so ids follow the order records arrived in
//   (and a first run's golden pass reads the store nearly sequentially).
// - A merge that would put two records with a never-merge rule into one customer is not made (reported instead).

export interface AssignmentInput {
  /** Current customer of each record (null = none yet), for every record the run covers. */
  current: ReadonlyMap<number, number | null>;
  /** Record ids judged to be one customer (from clustering). */
  clusters: readonly (readonly number[])[];
  /** Records of each existing customer (needed to know customer sizes and their never-merge partners). */
  members: ReadonlyMap<number, readonly number[]>;
  /** True when the two records must never be in one customer. */
  cannotLink(a: number, b: number): boolean;
}

export interface MergePlan {
  /** Survivor customer and the customers merged into it (may be empty when only new records join). */
  survivor: number;
  absorbed: number[];
  /** New records (no customer before) that join the survivor. */
  joining: number[];
}

export interface AssignmentPlan {
  merges: MergePlan[];
  /** Groups of records without a customer that each become one new customer. */
  newCustomers: number[][];
  /** Clusters not merged (or merged only partly) because of a never-merge rule. */
  blocked: { records: number[]; reason: string }[];
}

export function planAssignment(input: AssignmentInput): AssignmentPlan {
  const plan: AssignmentPlan = { merges: [], newCustomers: [], blocked: [] };
  const clustered = new Set<number>();
  // A customer already absorbed by an earlier cluster in this run counts as its survivor from then on.
  const redirect = new Map<number, number>();
  const resolve = (c: number): number => {
    let r = c;
    while (redirect.has(r)) r = redirect.get(r)!;
    return r;
  };
  // Members as they stand during planning (a survivor's list grows as it absorbs).
  const live = new Map<number, number[]>();
  const membersOf = (c: number): number[] => {
    let m = live.get(c);
    if (!m) live.set(c, (m = [...(input.members.get(c) ?? [])]));
    return m;
  };

  for (const cluster of input.clusters) {
    for (const r of cluster) clustered.add(r);
    const customers = [...new Set(cluster.map((r) => input.current.get(r)).filter((c): c is number => c != null).map(resolve))];
    const fresh = cluster.filter((r) => input.current.get(r) == null);
    if (customers.length === 0) {
      plan.newCustomers.push([...fresh]);
      continue;
    }
    customers.sort((x, y) => membersOf(y).length - membersOf(x).length || x - y);
    const survivor = customers[0]!;
    const group = new Set(membersOf(survivor));
    const absorbed: number[] = [];
    for (const other of customers.slice(1)) {
      const theirs = membersOf(other);
      const conflict = findConflict(group, theirs, input.cannotLink);
      if (conflict) {
        plan.blocked.push({ records: [conflict[0], conflict[1]], reason: `records ${conflict[0]} and ${conflict[1]} must never be merged` });
        continue;
      }
      absorbed.push(other);
      redirect.set(other, survivor);
      membersOf(survivor).push(...theirs);
      live.delete(other);
      for (const r of theirs) group.add(r);
    }
    const joining: number[] = [];
    for (const r of fresh) {
      const conflict = findConflict(group, [r], input.cannotLink);
      if (conflict) {
        plan.blocked.push({ records: [conflict[0], conflict[1]], reason: `records ${conflict[0]} and ${conflict[1]} must never be merged` });
        plan.newCustomers.push([r]);
        continue;
      }
      joining.push(r);
      membersOf(survivor).push(r);
      group.add(r);
    }
    if (absorbed.length > 0 || joining.length > 0) plan.merges.push({ survivor, absorbed, joining });
  }

  for (const [record, customer] of input.current) {
    if (customer == null && !clustered.has(record)) plan.newCustomers.push([record]);
  }
  plan.newCustomers = byFirstRecord(plan.newCustomers);
  return plan;
}

function byFirstRecord(groups: number[][]): number[][] {
  const first = (g: number[]): number => g.reduce((m, r) => (r < m ? r : m), Infinity);
  return groups.map((g) => ({ g, key: first(g) })).sort((x, y) => x.key - y.key).map((x) => x.g);
}

function findConflict(group: ReadonlySet<number>, incoming: readonly number[], cannotLink: (a: number, b: number) => boolean): [number, number] | null {
  for (const r of incoming) for (const g of group) if (cannotLink(g, r)) return [g, r];
  return null;
}
