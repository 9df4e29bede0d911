import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../lib/stores-context.ts';
import { parseUserIds } from '../../lib/user-ids.ts';
import { DialogForm } from '../../ui/DialogForm.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useRequest } from '../../ui/use-request.ts';
import { bpsPercent } from './format.ts';
import type { DefaultClassId } from './weights.ts';
import { checkWeights, DEFAULT_CLASS_IDS, TOTAL_BPS } from './weights.ts';

export type CreateCoopDialogProps = { onClose: () => void };

const EVEN_SPLIT: Record<DefaultClassId, string> = { pendiri: '25', pekerja: '25', pengguna: '25', investor: '25' };

/**
 * Founds a co-op: its name, the weight of each default class (as in the Anggaran Dasar) and
 * the first members to invite. Nothing is sent unless the weights add up to exactly 100 %.
 */
export const CreateCoopDialog = ({ onClose }: CreateCoopDialogProps) => {
  const { t, i18n } = useTranslation();
  const { coop } = useStores();
  const [name, setName] = useState('');
  const [weights, setWeights] = useState<Record<DefaultClassId, string>>(EVEN_SPLIT);
  const [invite, setInvite] = useState('');
  const [invalidIds, setInvalidIds] = useState<string[]>([]);
  const [weightsRefused, setWeightsRefused] = useState(false);
  const request = useRequest(onClose);
  const check = checkWeights(weights);
  const sum = bpsPercent(check.sumBps, i18n.language);

  const submit = async (): Promise<void> => {
    const ids = parseUserIds(invite);
    setInvalidIds(ids.invalid);
    setWeightsRefused(!check.ok);
    if (!check.ok || ids.invalid.length > 0 || name.trim() === '') {
      request.setError(null);
      return;
    }
    await request.run(() => coop.create({ name: name.trim(), weights: check.weights, invite: ids.valid }));
  };

  return (
    <DialogForm
      title={t('coop.create.title')}
      onClose={onClose}
      onSubmit={submit}
      request={request}
      submitTestId="coop-create-submit"
      submitLabel={t('coop.create.submit')}
      busyLabel={t('coop.create.busy')}
    >
      <TextField label={t('coop.create.name')} testId="coop-name" required maxLength={255} autoFocus value={name} onChange={setName} />
      <fieldset className="weights-fieldset">
        <legend>{t('coop.create.weights')}</legend>
        <p className="muted small-text">{t('coop.create.weightsHint')}</p>
        <div className="weights-grid">
          {DEFAULT_CLASS_IDS.map((id) => (
            <TextField
              key={id}
              label={t('coop.create.weightLabel', { name: t(`coop.defaultClasses.${id}`) })}
              testId={`coop-weight-${id}`}
              inputMode="decimal"
              required
              aria-invalid={check.invalid.includes(id) ? true : undefined}
              value={weights[id]}
              onChange={(value) => {
                setWeights((current) => ({ ...current, [id]: value }));
              }}
            />
          ))}
        </div>
        <p className={check.sumBps === TOTAL_BPS ? 'muted' : 'error-text'} data-testid="coop-weight-sum" data-sum-bps={check.sumBps} aria-live="polite">
          {check.sumBps === TOTAL_BPS ? t('coop.create.sum', { sum }) : t('coop.create.sumWrong', { sum })}
        </p>
        {check.invalid.length > 0 && <p className="error-text">{t('coop.create.weightFormat')}</p>}
      </fieldset>
      {weightsRefused && !check.ok && (
        <p className="error-text" role="alert" data-testid="coop-weight-error">
          {t('coop.create.weightsRefused', { sum })}
        </p>
      )}
      <TextAreaField
        label={t('coop.create.invite')}
        testId="coop-invite"
        rows={3}
        spellCheck={false}
        autoCapitalize="none"
        placeholder={t('coop.create.invitePlaceholder')}
        hint={t('coop.create.inviteHint')}
        value={invite}
        onChange={setInvite}
      />
      {invalidIds.length > 0 && (
        <p className="error-text" role="alert">
          {t('coop.create.invalidIds', { ids: invalidIds.join(', ') })}
        </p>
      )}
    </DialogForm>
  );
};
