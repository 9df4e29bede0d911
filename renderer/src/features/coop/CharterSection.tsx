import { useTranslation } from 'react-i18next';
import type { CharterView } from '../../../../shared/model/coop.ts';
import { charterWords } from './charter-words.ts';

/** The charter as sentences: each class's share, then each decision type's rules. */
export const CharterSection = ({ charter }: { charter: CharterView }) => {
  const { t, i18n } = useTranslation();
  const words = charterWords(charter, t, i18n.language);
  return (
    <div className="coop-charter" data-testid="coop-charter">
      <h4>{t('coop.charter.weightsHeading')}</h4>
      <ul className="plain-list">
        {words.classes.map((sentence, index) => (
          <li key={charter.classes[index]?.id ?? index} data-testid="charter-class">
            {sentence}
          </li>
        ))}
      </ul>
      {words.decisionTypes.map((decision) => (
        <div key={decision.id} className="charter-decision" data-testid="charter-decision" data-decision-type={decision.id}>
          <h4>{decision.name}</h4>
          <ul className="plain-list">
            {decision.sentences.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </div>
      ))}
      <p>{words.withoutVotes}</p>
    </div>
  );
};
