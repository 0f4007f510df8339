import type { ScorecardPlan } from '../../../src/engine/scoring/scorecard.js';
import type { Policy } from '../../../src/policy/schema/policy.js';
import { continuousPoints, pointsOf, rangeText, scoreSteps } from './text.js';

/** The JSON Decision Model (JDM) document zen-engine's createDecision takes. */
export interface JdmGraph {
  nodes: JdmNode[];
  edges: { id: string; sourceId: string; targetId: string; type: 'edge' }[];
}

interface JdmNode {
  id: string;
  name: string;
  type: 'inputNode' | 'outputNode' | 'decisionTableNode' | 'expressionNode';
  position: { x: number; y: number };
  content: Record<string, unknown>;
}

/**
 * Seed 004's scorecard as a GoRules decision graph, laid out as a GoRules user would: fact
 * defaults, one first-hit decision table per banded metric, an expression node for the linear
 * metrics, and one for the weights, the rounding and the tier thresholds. Nodes run in a chain
 * with pass-through, so each sees the customer's facts and the points so far.
 */
export function scorecardGraph(policy: Policy, plan: ScorecardPlan): JdmGraph {
  const metrics = plan.dimensions.flatMap((d) => d.metrics);
  const chain: JdmNode[] = [node('request', 'inputNode', {})];
  const defaults = metrics
    .map((m) => ({ fact: m.fact, value: policy.facts?.[m.fact]?.default }))
    .filter((d) => typeof d.value === 'number');
  if (defaults.length > 0) {
    const steps = defaults.map((d): [string, string] => [d.fact, `${d.fact} ?? ${d.value}`]);
    chain.push(node('defaults', 'expressionNode', expressions(steps, true)));
  }
  for (const metric of metrics.filter((m) => m.fn.bands)) {
    chain.push(
      node(`bands ${metric.id}`, 'decisionTableNode', {
        hitPolicy: 'first',
        inputs: [{ id: 'value', name: metric.fact, field: metric.fact }],
        outputs: [{ id: 'points', name: 'points', field: pointsOf(metric.id) }],
        rules: metric.fn.bands!.map((band, i) => ({
          _id: `r${i}`,
          value: rangeText(band),
          points: String(band.points),
        })),
        passThrough: true,
        inputField: null,
        outputPath: null,
        executionMode: 'single',
      }),
    );
  }
  const continuous = metrics.flatMap((m): [string, string][] => {
    const points = continuousPoints(m.fn, m.fact);
    return points ? [[pointsOf(m.id), points]] : [];
  });
  if (metrics.some((m) => !m.fn.bands && !continuousPoints(m.fn, m.fact)))
    throw new Error('the ZEN peer reproduces bands, linear and lowerIsBetter scoring only');
  if (continuous.length > 0)
    chain.push(node('linear points', 'expressionNode', expressions(continuous, true)));
  chain.push(
    node(
      'score and tier',
      'expressionNode',
      expressions(
        scoreSteps(policy, plan, (n) => `$.${n}`),
        false,
      ),
    ),
  );
  chain.push(node('response', 'outputNode', {}));
  chain.forEach((n, i) => {
    n.position = { x: 300 * i, y: 100 };
  });
  return {
    nodes: chain,
    edges: chain
      .slice(1)
      .map((n, i) => ({ id: `e${i}`, sourceId: chain[i]!.id, targetId: n.id, type: 'edge' })),
  };
}

function node(name: string, type: JdmNode['type'], content: Record<string, unknown>): JdmNode {
  return { id: name.replace(/\W+/g, '-'), name, type, position: { x: 0, y: 0 }, content };
}

function expressions(steps: [string, string][], passThrough: boolean): Record<string, unknown> {
  return {
    expressions: steps.map(([key, value], i) => ({ id: `x${i}`, key, value })),
    passThrough,
    inputField: null,
    outputPath: null,
    executionMode: 'single',
  };
}
