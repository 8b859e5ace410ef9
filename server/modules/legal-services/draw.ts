/**
 * The random draw of 双随机、一公开, deterministic from a recorded seed so that anyone can re-run it:
 *
 * PRNG "SM3-CTR": block k (k = 0, 1, 2, …) = SM3(UTF-8 of `${seed}:${k}`), read as eight big-endian unsigned 32-bit
 * integers in turn. A uniform integer in [0, n) rejects values ≥ ⌊2³²/n⌋·n and takes the rest modulo n (no modulo bias).
 * Targets: the eligible candidates sorted by code, then a partial Fisher–Yates shuffle (for i = 0 … m−1 swap i with
 * i + U(n − i)); the first m are drawn. Inspectors: for each drawn target in draw order, the active inspectors sorted by
 * code minus those who must recuse from that target, partially shuffled the same way with the same stream; the first
 * k are drawn. The stream continues across targets (it is never reset).
 */
import { sm3 } from '../../platform/crypto';

export const DRAW_ALGORITHM = 'SM3-CTR v1：第 k 块 = SM3(种子:k)，逐个取大端 32 位无符号整数；[0,n) 内取数拒绝 ≥⌊2³²/n⌋·n 的值后取模；检查对象按编码排序后部分 Fisher–Yates 洗牌取前 m 个；再按抽中顺序为每个对象从未回避的执法人员（按编号排序）中同样抽取 k 名。';

export class Sm3Stream {
  private block = 0;
  private words: number[] = [];
  constructor(private readonly seed: string) {}

  nextUint32(): number {
    if (this.words.length === 0) {
      const hex = sm3(`${this.seed}:${this.block++}`);
      for (let i = 0; i < 64; i += 8) this.words.push(Number.parseInt(hex.slice(i, i + 8), 16));
    }
    return this.words.shift()!;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`below(${n})`);
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }
}

/** The first `m` items of a partial Fisher–Yates shuffle of `items` (not mutated). */
export function drawFrom<T>(stream: Sm3Stream, items: readonly T[], m: number): T[] {
  const a = [...items];
  const take = Math.min(m, a.length);
  for (let i = 0; i < take; i++) {
    const j = i + stream.below(a.length - i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, take);
}

export interface DrawTarget {
  id: string;
  code: string;
  name: string;
}
export interface DrawInspector {
  id: string;
  code: string;
  name: string;
  conflictCodes: string[];
}
export interface SelectionItem {
  targetId: string;
  targetCode: string;
  targetName: string;
  inspectors: { id: string; code: string; name: string }[];
}

/** The whole draw from the candidate snapshot and the seed (candidates and pool in any order: they are sorted here). */
export function runDraw(seed: string, candidates: readonly DrawTarget[], pool: readonly DrawInspector[], targetCount: number, perTarget: number): SelectionItem[] {
  const stream = new Sm3Stream(seed);
  const targets = drawFrom(stream, [...candidates].sort((a, b) => a.code.localeCompare(b.code)), targetCount);
  const sortedPool = [...pool].sort((a, b) => a.code.localeCompare(b.code));
  return targets.map((t) => {
    const eligible = sortedPool.filter((p) => !p.conflictCodes.includes(t.code));
    return { targetId: t.id, targetCode: t.code, targetName: t.name, inspectors: drawFrom(stream, eligible, perTarget).map((p) => ({ id: p.id, code: p.code, name: p.name })) };
  });
}

/** The hash of what is published: seed, selection and findings, canonical JSON. */
export function publishedHashOf(d: { drawNo: string; seed: string; selection: string; findings: string }): string {
  const findings = Object.entries(JSON.parse(d.findings) as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return sm3(JSON.stringify([d.drawNo, d.seed, JSON.parse(d.selection), findings]));
}
