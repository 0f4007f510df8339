/** The score histogram an editor draws under its threshold slider (POST /v1/scores). */
export const scores = {
  draftAndStored: 'give the draft (`draft`) or a stored policy (`version`, `businessUnit`), not both',
  draftAndStoredHelp: 'send the draft alone to see the histogram of the text being edited',
  noScore: (p: { policy: string }) =>
    `${p.policy} gives customers no score: it has no dimensions, so there is no histogram of scores`,
  noScoreHelp:
    'score histograms are for scored policies (thresholds, quota ranked by score); criteria and matrix tiers read facts',
};
