/**
 * Formulas without a stored result. Files written by scripts (openpyxl, many exporters) carry formula text
 * but no cached value; Excel computes them on open, a file reader sees empty cells. The form needs only
 * sums: SUM over ranges and cells, + and −, numbers, cell references (and * and / for shares). Those are
 * computed here, on the grid, whatever reader made it; the cell keeps its formula text. Anything else is
 * left empty and listed, so the check can say the workbook must be recalculated.
 */
import Decimal from 'decimal.js';
import { cellKey, parseA1, type CellRef } from './address';
import type { Cell, Grid } from './types';

export interface FormulaOutcome {
  grid: Grid;
  /** Cells whose result was computed here. */
  computed: CellRef[];
  /** Cells whose formula is beyond this evaluator (left empty). */
  uncomputed: CellRef[];
}

class Unsupported extends Error {}

type Token = { kind: 'num'; value: Decimal } | { kind: 'ref'; ref: CellRef } | { kind: 'range'; from: CellRef; to: CellRef } | { kind: 'op'; op: string };

// Anchored on the rest of the text rather than sticky (/y): the legacy ES5 build runs where /y does not exist.
const TOKEN_RE = /^\s*(?:(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(SUM\s*\()|([-+*/(),]))/i;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const body = text.replace(/^=/, '').trim();
  let pos = 0;
  while (pos < body.length) {
    const m = TOKEN_RE.exec(body.slice(pos));
    if (!m) throw new Unsupported(body);
    pos += m[0].length;
    if (m[1] && m[2]) out.push({ kind: 'range', from: parseA1(m[1]), to: parseA1(m[2]) });
    else if (m[1]) out.push({ kind: 'ref', ref: parseA1(m[1]) });
    else if (m[3]) out.push({ kind: 'num', value: new Decimal(m[3]) });
    else if (m[4]) out.push({ kind: 'op', op: 'SUM(' });
    else if (m[5]) out.push({ kind: 'op', op: m[5] });
  }
  return out;
}

/** Recursive descent over + − * / ( ) SUM( … ). */
class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly valueOf: (ref: CellRef) => Decimal,
  ) {}

  parse(): Decimal {
    const v = this.expr();
    if (this.i !== this.tokens.length) throw new Unsupported('trailing');
    return v;
  }

  private peekOp(): string | null {
    const t = this.tokens[this.i];
    return t && t.kind === 'op' ? t.op : null;
  }

  private expr(): Decimal {
    let v = this.term();
    for (let op = this.peekOp(); op === '+' || op === '-'; op = this.peekOp()) {
      this.i++;
      const r = this.term();
      v = op === '+' ? v.plus(r) : v.minus(r);
    }
    return v;
  }

  private term(): Decimal {
    let v = this.unary();
    for (let op = this.peekOp(); op === '*' || op === '/'; op = this.peekOp()) {
      this.i++;
      const r = this.unary();
      if (op === '/' && r.isZero()) throw new Unsupported('#DIV/0!');
      v = op === '*' ? v.mul(r) : v.div(r);
    }
    return v;
  }

  private unary(): Decimal {
    const op = this.peekOp();
    if (op === '-' || op === '+') {
      this.i++;
      const v = this.unary();
      return op === '-' ? v.neg() : v;
    }
    return this.primary();
  }

  private primary(): Decimal {
    const t = this.tokens[this.i++];
    if (!t) throw new Unsupported('end');
    if (t.kind === 'num') return t.value;
    if (t.kind === 'ref') return this.valueOf(t.ref);
    if (t.kind === 'range') throw new Unsupported('a range outside SUM');
    if (t.op === '(') {
      const v = this.expr();
      if (this.tokens[this.i++]?.kind !== 'op') throw new Unsupported(')');
      return v;
    }
    if (t.op === 'SUM(') {
      let total = new Decimal(0);
      for (;;) {
        const a = this.tokens[this.i];
        if (a && a.kind === 'range') {
          this.i++;
          for (let row = Math.min(a.from.row, a.to.row); row <= Math.max(a.from.row, a.to.row); row++)
            for (let col = Math.min(a.from.col, a.to.col); col <= Math.max(a.from.col, a.to.col); col++) total = total.plus(this.valueOf({ row, col }));
        } else total = total.plus(this.expr());
        const sep = this.tokens[this.i++];
        if (sep?.kind === 'op' && sep.op === ',') continue;
        if (sep?.kind === 'op' && sep.op === ')') return total;
        throw new Unsupported('SUM');
      }
    }
    throw new Unsupported(t.op);
  }
}

/** A number as a cell would hold it; text that is a number counts, as SUM in Excel does not (it skips text). */
function numberIn(cell: Cell | undefined): Decimal {
  const v = cell?.value;
  if (typeof v === 'number' && Number.isFinite(v)) return new Decimal(String(v));
  return new Decimal(0);
}

/** The grid with every formula that lacks a result computed where it can be; the input grid is not changed. */
export function computeMissingResults(grid: Grid): FormulaOutcome {
  // One pass without copying the entries: a large sheet has a million cells and few formulas.
  const pending: [string, Cell][] = [];
  for (const entry of grid.cells) if (entry[1].formula && (entry[1].value === null || entry[1].value === undefined)) pending.push(entry);
  if (pending.length === 0) return { grid, computed: [], uncomputed: [] };
  const cells = new Map(grid.cells);
  const out: Grid = { ...grid, cells };
  const computed: CellRef[] = [];
  const uncomputed: CellRef[] = [];
  const state = new Map<string, 'busy' | 'done' | 'failed'>();
  const isPending = new Set(pending.map(([k]) => k));

  const evaluate = (key: string): Decimal => {
    const cell = cells.get(key);
    if (!isPending.has(key)) return numberIn(cell);
    const s = state.get(key);
    if (s === 'done') return numberIn(cells.get(key));
    if (s === 'failed' || s === 'busy') throw new Unsupported('depends on an uncomputed formula'); // busy: a circular reference
    state.set(key, 'busy');
    try {
      const value = new Parser(tokenize(cell!.formula!), (ref) => evaluate(cellKey(ref))).parse();
      cells.set(key, { ...cell!, value: value.toNumber() });
      state.set(key, 'done');
      return value;
    } catch (e) {
      state.set(key, 'failed');
      throw e;
    }
  };

  for (const [key] of pending) {
    const [row, col] = key.split(',').map(Number);
    try {
      evaluate(key);
      computed.push({ row, col });
    } catch (e) {
      if (!(e instanceof Unsupported) && !(e instanceof Error)) throw e;
      uncomputed.push({ row, col });
    }
  }
  return { grid: out, computed, uncomputed };
}
