import { joinPointer } from '../../diagnostics/pointer.js';
import { msg, type Text } from '../../i18n/text.js';
import type { LintContext } from './context.js';

type Label = { 'zh-CN'?: string; en?: string } | undefined;

interface Labelled {
  pointer: string;
  label: Label;
  what: Text;
  /** Whether a missing label (not just a missing language) is worth a warning. */
  expected: boolean;
  /** The field that names a list entry (id, role, action): where "has no label" points. */
  anchor?: string;
}

/** Business units read tiers in Chinese and English: every shown name carries both. */
export function labels(context: LintContext): void {
  for (const item of labelled(context.policy)) {
    const at = joinPointer(item.pointer, 'label');
    if (!item.label) {
      if (item.expected) {
        const at = item.anchor ? joinPointer(item.pointer, item.anchor) : item.pointer;
        context.report('TW0501', msg('lint.noLabel', { what: item.what }), at, {
          part: item.anchor ? 'value' : 'key',
          help: msg('lint.noLabelHelp'),
        });
      }
      continue;
    }
    for (const language of ['zh-CN', 'en'] as const) {
      if (!item.label[language]) {
        context.report('TW0501', msg('lint.labelMissing', { what: item.what, language }), at, {
          help: msg('lint.labelMissingHelp', { language }),
        });
      }
    }
  }
}

function* labelled(policy: LintContext['policy']): Generator<Labelled> {
  const metadataLabels = policy.metadata.labels;
  yield { pointer: '/metadata/labels', label: metadataLabels, what: msg('lint.thePolicy'), expected: true };
  for (const [id, fact] of Object.entries(policy.facts ?? {})) {
    yield {
      pointer: joinPointer('/facts', id),
      label: fact.label,
      what: msg('lint.fact', { id }),
      expected: false,
    };
  }
  for (const [id, dimension] of Object.entries(policy.dimensions ?? {})) {
    yield {
      pointer: joinPointer('/dimensions', id),
      label: dimension.label,
      what: msg('lint.dimensionNamed', { id }),
      expected: true,
    };
    for (const [metricId, metric] of Object.entries(dimension.metrics)) {
      yield {
        pointer: joinPointer('/dimensions', id, 'metrics', metricId),
        label: metric.label,
        what: msg('lint.metricNamed', { id: metricId }),
        expected: false,
      };
    }
  }
  for (const [i, level] of (policy.tiers?.levels ?? []).entries()) {
    const base = `/tiers/levels/${i}`;
    yield {
      pointer: base,
      label: level.label,
      what: msg('lint.tier', { id: level.id }),
      expected: true,
      anchor: 'id',
    };
    const e = level.entitlements;
    for (const [k, member] of (e?.team ?? []).entries()) {
      yield {
        pointer: `${base}/entitlements/team/${k}`,
        label: member.label,
        what: msg('lint.teamRole', { id: member.role }),
        expected: true,
        anchor: 'role',
      };
    }
    for (const [k, benefit] of (e?.benefits ?? []).entries()) {
      yield {
        pointer: `${base}/entitlements/benefits/${k}`,
        label: benefit.label,
        what: msg('lint.benefit', { id: benefit.id }),
        expected: true,
        anchor: 'id',
      };
    }
    for (const [k, cadence] of (e?.cadence ?? []).entries()) {
      yield {
        pointer: `${base}/entitlements/cadence/${k}`,
        label: cadence.label,
        what: msg('lint.cadence', { id: cadence.action }),
        expected: false,
      };
    }
  }
  for (const [id, classifier] of Object.entries(policy.classifiers ?? {})) {
    const base = joinPointer('/classifiers', id);
    yield { pointer: base, label: classifier.label, what: msg('lint.classifier', { id }), expected: true };
    for (const [k, rule] of classifier.rules.entries()) {
      yield {
        pointer: `${base}/rules/${k}`,
        label: rule.label,
        what: msg('lint.class', { id: rule.id }),
        expected: true,
        anchor: 'id',
      };
    }
    if (classifier.otherwise) {
      yield {
        pointer: `${base}/otherwise`,
        label: classifier.otherwise.label,
        what: msg('lint.class', { id: classifier.otherwise.id }),
        expected: true,
        anchor: 'id',
      };
    }
  }
  for (const [k, trigger] of (policy.rerating?.triggers ?? []).entries()) {
    yield {
      pointer: `/rerating/triggers/${k}`,
      label: trigger.label,
      what: msg('lint.trigger', { id: trigger.id }),
      expected: true,
      anchor: 'id',
    };
  }
}
