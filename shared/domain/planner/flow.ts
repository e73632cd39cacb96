// A small max-flow engine (Dinic) that keeps its flow between calls: the planner enables one day at a
// time and only augments, so each question « how many more candidates if we add this day? » is cheap.

export class FlowNetwork {
  private readonly head: number[] = [];
  private readonly toList: number[] = [];
  private readonly nextList: number[] = [];
  private readonly capList: number[] = [];
  private to = new Int32Array(0);
  private next = new Int32Array(0);
  private headArr = new Int32Array(0);
  /** Capacities and flows by edge; edge e's reverse is e ^ 1. */
  cap = new Int32Array(0);
  flow = new Int32Array(0);
  private level = new Int32Array(0);
  private iter = new Int32Array(0);
  private queue = new Int32Array(0);
  private path = new Int32Array(0);

  addNode(): number {
    this.head.push(-1);
    return this.head.length - 1;
  }

  /** Adds u → v; returns the forward edge's index. Call before `freeze`. */
  addEdge(u: number, v: number, capacity: number): number {
    const e = this.toList.length;
    this.toList.push(v, u);
    this.capList.push(capacity, 0);
    this.nextList.push(this.head[u]!, this.head[v]!);
    this.head[u] = e;
    this.head[v] = e + 1;
    return e;
  }

  /** Packs the graph into typed arrays; no edge can be added afterwards. */
  freeze(): void {
    this.to = Int32Array.from(this.toList);
    this.next = Int32Array.from(this.nextList);
    this.cap = Int32Array.from(this.capList);
    this.headArr = Int32Array.from(this.head);
    this.flow = new Int32Array(this.to.length);
    const n = this.head.length;
    this.level = new Int32Array(n);
    this.iter = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.path = new Int32Array(n);
  }

  target(e: number): number {
    return this.to[e]!;
  }

  source(e: number): number {
    return this.to[e ^ 1]!;
  }

  /** Edges leaving u (forward and reverse), by index. */
  *edgesOf(u: number): Generator<number> {
    for (let e = this.headArr[u]!; e !== -1; e = this.next[e]!) yield e;
  }

  /** Moves `amount` units of flow on e (negative to cancel), keeping the reverse edge in step. */
  push(e: number, amount: number): void {
    this.flow[e]! += amount;
    this.flow[e ^ 1]! -= amount;
  }

  snapshot(): Int32Array {
    return this.flow.slice();
  }

  restore(saved: Int32Array): void {
    this.flow.set(saved);
  }

  /** Augments the current flow to a maximum one; returns how much was added. */
  maxFlow(s: number, t: number): number {
    let added = 0;
    while (this.layer(s, t)) {
      this.iter.set(this.headArr);
      for (let pushed = this.augment(s, t); pushed > 0; pushed = this.augment(s, t)) added += pushed;
    }
    return added;
  }

  private residual(e: number): number {
    return this.cap[e]! - this.flow[e]!;
  }

  private layer(s: number, t: number): boolean {
    const { level, queue, to, next } = this;
    level.fill(-1);
    level[s] = 0;
    let tail = 0;
    queue[tail++] = s;
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      for (let e = this.headArr[u]!; e !== -1; e = next[e]!) {
        const v = to[e]!;
        if (level[v] === -1 && this.residual(e) > 0) {
          level[v] = level[u]! + 1;
          queue[tail++] = v;
        }
      }
    }
    return level[t] !== -1;
  }

  /** One augmenting path in the level graph, found without recursion (paths can be long). */
  private augment(s: number, t: number): number {
    const { level, iter, to, next, path } = this;
    let depth = 0;
    let u = s;
    for (;;) {
      if (u === t) {
        let bottleneck = Infinity;
        for (let i = 0; i < depth; i++) bottleneck = Math.min(bottleneck, this.residual(path[i]!));
        for (let i = 0; i < depth; i++) this.push(path[i]!, bottleneck);
        return bottleneck;
      }
      let e = iter[u]!;
      while (e !== -1 && !(this.residual(e) > 0 && level[to[e]!] === level[u]! + 1)) e = next[e]!;
      iter[u] = e;
      if (e !== -1) {
        path[depth++] = e;
        u = to[e]!;
        continue;
      }
      level[u] = -1; // a dead end for the rest of this phase
      if (depth === 0) return 0;
      u = this.source(path[--depth]!);
      iter[u] = next[iter[u]!]!;
    }
  }
}
