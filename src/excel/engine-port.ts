/**
 * The engine functions the adapter calls, injectable so tests (and the workbench) can feed known issues
 * and patches. Defaults are looked up at call time, so the real engine is used once it lands.
 */
import * as engine from '../engine';

export interface EnginePort {
  check: typeof engine.check;
  fill: typeof engine.fill;
  issueMessage: typeof engine.issueMessage;
  buildTemplate: typeof engine.buildTemplate;
}

export const realEngine: EnginePort = {
  check: (grid, options) => engine.check(grid, options),
  fill: (grid, options) => engine.fill(grid, options),
  issueMessage: (issue, locale) => engine.issueMessage(issue, locale),
  buildTemplate: (options) => engine.buildTemplate(options),
};

export function engineWith(overrides: Partial<EnginePort> = {}): EnginePort {
  return { ...realEngine, ...overrides };
}
