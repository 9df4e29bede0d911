import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassTallyView, ProposalView } from '../../../../shared/model/coop.ts';
import type { BarSegment } from './Bar.tsx';
import { Bar } from './Bar.tsx';
import { bpsPercent, pickName } from './format.ts';
import { answerText, classTallyWords, weightedWords } from './tally-words.ts';

const OPTION_TONES = 6;

const optionTone = (proposal: ProposalView, id: string): string =>
  `seg-opt-${String(
    Math.max(
      0,
      proposal.answers.findIndex((answer) => answer.id === id),
    ) % OPTION_TONES,
  )}`;

const supportSegments = (proposal: ProposalView, tally: ClassTallyView): BarSegment[] => {
  if (proposal.kind === 'options') {
    return Object.entries(tally.optionShares ?? {}).map(([id, share]) => ({ key: id, share: Number(share.percent) / 100, tone: optionTone(proposal, id) }));
  }
  const decided = tally.for + tally.against;
  return decided === 0
    ? []
    : [
        { key: 'for', share: tally.for / decided, tone: 'seg-for' },
        { key: 'against', share: tally.against / decided, tone: 'seg-against' },
      ];
};

const ClassRow = ({ proposal, tally }: { proposal: ProposalView; tally: ClassTallyView }) => {
  const { t, i18n } = useTranslation();
  const words = classTallyWords(tally, proposal, t, i18n.language);
  const reason = words.reason === null ? '' : `; ${words.reason}`;
  const turnoutLabel = t('coop.tally.turnoutBar', { name: words.name, text: words.turnout }) + reason;
  const supportLabel = t(proposal.kind === 'motion' ? 'coop.tally.supportBar' : 'coop.tally.choicesBar', { name: words.name, text: words.support }) + reason;
  return (
    <li
      className={tally.counts ? 'class-tally' : 'class-tally not-counted'}
      data-testid="class-tally"
      data-class-id={tally.id}
      data-counts={String(tally.counts)}
      title={words.summary}
    >
      <div className="class-tally-head">
        <span className="class-tally-name">{words.name}</span>
        <span className="muted small-text">{t('coop.tally.weight', { percent: bpsPercent(tally.weightBps, i18n.language) })}</span>
        {words.reason !== null && (
          <span className="tally-reason" data-testid="class-tally-reason">
            {words.reason}
          </span>
        )}
      </div>
      <div className="class-tally-bars">
        <span className="bar-caption" aria-hidden="true">
          {t('coop.tally.turnoutCaption')}
        </span>
        <Bar
          testId="turnout-bar"
          label={turnoutLabel}
          segments={tally.eligible === 0 ? [] : [{ key: 'ballots', share: tally.ballots / tally.eligible, tone: 'seg-turnout' }]}
          marker={tally.quorumBps / 10_000}
        />
        <span className="bar-caption" aria-hidden="true">
          {t(proposal.kind === 'motion' ? 'coop.tally.supportCaption' : 'coop.tally.choicesCaption')}
        </span>
        <Bar
          testId="support-bar"
          label={supportLabel}
          segments={supportSegments(proposal, tally)}
          marker={proposal.kind === 'motion' && proposal.decision.requireMajorityInEachClass ? 0.5 : undefined}
        />
      </div>
    </li>
  );
};

const Legend = ({ proposal }: { proposal: ProposalView }) => {
  const { t } = useTranslation();
  const items =
    proposal.kind === 'motion'
      ? [
          { key: 'for', tone: 'seg-for', text: t('coop.answer.setuju') },
          { key: 'against', tone: 'seg-against', text: t('coop.answer.tolak') },
        ]
      : proposal.answers.map((answer) => ({ key: answer.id, tone: optionTone(proposal, answer.id), text: answerText(proposal, answer.id, t) }));
  return (
    <ul className="chart-legend" aria-hidden="true">
      <li>
        <span className="swatch seg-turnout" />
        {t('coop.tally.legendTurnout')}
      </li>
      {items.map((item) => (
        <li key={item.key}>
          <span className={`swatch ${item.tone}`} />
          {item.text}
        </li>
      ))}
      <li>
        <span className="swatch-marker" />
        {t('coop.tally.legendMarker')}
      </li>
    </ul>
  );
};

/** Turnout and support per class, then the weighted total against the threshold: pictures first, numbers on hover. */
export const TallyChart = ({ proposal }: { proposal: ProposalView }) => {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const weighted = weightedWords(proposal, t, i18n.language);
  const { tally } = proposal;
  const weightedSegments: BarSegment[] =
    proposal.kind === 'options'
      ? (tally.optionShares ?? []).map((item) => ({ key: item.id, share: Number(item.share.percent) / 100, tone: optionTone(proposal, item.id) }))
      : tally.weightedSupport === null
        ? []
        : [
            { key: 'for', share: Number(tally.weightedSupport.percent) / 100, tone: 'seg-for' },
            { key: 'against', share: 1 - Number(tally.weightedSupport.percent) / 100, tone: 'seg-against' },
          ];
  return (
    <section className="coop-section tally-chart" aria-labelledby={headingId} data-testid="tally-chart">
      <h3 id={headingId}>{t(proposal.closed ? 'coop.tally.headingFinal' : 'coop.tally.headingRunning')}</h3>
      <Legend proposal={proposal} />
      <ul className="class-tally-list">
        {tally.classes.map((item) => (
          <ClassRow key={item.id} proposal={proposal} tally={item} />
        ))}
      </ul>
      <div className="weighted-support" data-testid="weighted-support" title={weighted}>
        <span className="class-tally-name">{t('coop.tally.weightedHeading', { decision: pickName(proposal.decision.name, i18n.language) })}</span>
        <Bar label={weighted} segments={weightedSegments} marker={proposal.kind === 'motion' ? Number(proposal.decision.threshold.percent) / 100 : undefined} />
      </div>
    </section>
  );
};
