import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoopView } from '../../../../shared/model/coop.ts';
import { useStores } from '../../lib/stores-context.ts';
import { DialogForm } from '../../ui/DialogForm.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useRequest } from '../../ui/use-request.ts';
import { thresholdWords } from './charter-words.ts';
import { closingTimeOk, DEFAULT_OPEN_MS, fromLocalInput, toLocalInput } from './closing-time.ts';
import { pickName } from './format.ts';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;

type Kind = 'motion' | 'options';

export type NewProposalDialogProps = { view: CoopView; onClose: () => void };

/** A new proposal: its text, the decision type it is put under, and how long it stays open. */
export const NewProposalDialog = ({ view, onClose }: NewProposalDialogProps) => {
  const { t, i18n } = useTranslation();
  const { coop } = useStores();
  const decisionId = useId();
  const kindId = useId();
  const closesId = useId();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [decisionType, setDecisionType] = useState(view.charter.decisionTypes[0]?.id ?? '');
  const [kind, setKind] = useState<Kind>('motion');
  const [options, setOptions] = useState<string[]>(['', '']);
  const [closesAt, setClosesAt] = useState(() => toLocalInput(Date.now() + DEFAULT_OPEN_MS));
  const [problem, setProblem] = useState<'title' | 'options' | null>(null);
  const request = useRequest(onClose);

  const submit = async (): Promise<void> => {
    const trimmedOptions = options.map((option) => option.trim());
    if (title.trim() === '') {
      setProblem('title');
      return;
    }
    if (kind === 'options' && (trimmedOptions.some((option) => option === '') || trimmedOptions.length < MIN_OPTIONS)) {
      setProblem('options');
      return;
    }
    setProblem(null);
    const closes = fromLocalInput(closesAt);
    if (closes === null || !closingTimeOk(closes, Date.now())) {
      request.setError('closing_time_invalid');
      return;
    }
    await request.run(() =>
      coop.propose(view.roomId, {
        title: title.trim(),
        body,
        decisionType,
        kind,
        options: kind === 'options' ? trimmedOptions : [],
        closesAt: closes,
      }),
    );
  };

  return (
    <DialogForm
      title={t('coop.propose.title')}
      onClose={onClose}
      onSubmit={submit}
      request={request}
      submitTestId="proposal-submit"
      submitLabel={t('coop.propose.submit')}
      busyLabel={t('coop.propose.busy')}
      wide
    >
      <TextField label={t('coop.propose.titleField')} testId="proposal-title" required maxLength={200} autoFocus value={title} onChange={setTitle} />
      {problem === 'title' && (
        <p className="error-text" role="alert">
          {t('coop.propose.titleMissing')}
        </p>
      )}
      <TextAreaField
        label={t('coop.propose.body')}
        testId="proposal-body"
        rows={6}
        maxLength={20_000}
        hint={t('coop.propose.bodyHint')}
        value={body}
        onChange={setBody}
      />
      <div className="field">
        <label htmlFor={decisionId}>{t('coop.propose.decision')}</label>
        <select
          id={decisionId}
          data-testid="proposal-decision"
          value={decisionType}
          onChange={(event) => {
            setDecisionType(event.target.value);
          }}
        >
          {view.charter.decisionTypes.map((decision) => (
            <option key={decision.id} value={decision.id}>
              {t('coop.propose.decisionOption', { name: pickName(decision.name, i18n.language), threshold: thresholdWords(decision.threshold, t) })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={kindId}>{t('coop.propose.kind')}</label>
        <select
          id={kindId}
          data-testid="proposal-kind"
          value={kind}
          onChange={(event) => {
            setKind(event.target.value === 'options' ? 'options' : 'motion');
          }}
        >
          <option value="motion">{t('coop.propose.kindMotion')}</option>
          <option value="options">{t('coop.propose.kindOptions')}</option>
        </select>
      </div>
      {kind === 'options' && (
        <fieldset className="options-fieldset">
          <legend>{t('coop.propose.options')}</legend>
          {options.map((option, index) => (
            // Options have no identity but their place in the list.
            <div key={index} className="option-row">
              <TextField
                label={t('coop.propose.option', { number: index + 1 })}
                testId="proposal-option"
                maxLength={200}
                value={option}
                onChange={(value) => {
                  setOptions((current) => current.map((item, at) => (at === index ? value : item)));
                }}
              />
              {options.length > MIN_OPTIONS && (
                <button
                  type="button"
                  className="small"
                  data-testid="proposal-option-remove"
                  aria-label={t('coop.propose.removeOption', { number: index + 1 })}
                  onClick={() => {
                    setOptions((current) => current.filter((_, at) => at !== index));
                  }}
                >
                  {t('coop.propose.remove')}
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="small"
            data-testid="proposal-option-add"
            disabled={options.length >= MAX_OPTIONS}
            onClick={() => {
              setOptions((current) => [...current, '']);
            }}
          >
            {t('coop.propose.addOption')}
          </button>
          {problem === 'options' && (
            <p className="error-text" role="alert">
              {t('coop.propose.optionsMissing')}
            </p>
          )}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={closesId}>{t('coop.propose.closesAt')}</label>
        <input
          id={closesId}
          type="datetime-local"
          data-testid="proposal-closes-at"
          required
          value={closesAt}
          onChange={(event) => {
            setClosesAt(event.target.value);
          }}
        />
        <small className="muted">{t('coop.propose.closesAtHint')}</small>
      </div>
    </DialogForm>
  );
};
