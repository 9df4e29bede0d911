import { useTranslation } from 'react-i18next';

/** One option of the @ picker: a member, or @room. */
export type MentionOption = { userId: string; name: string; initials: string; room: boolean };

export type MentionPickerProps = {
  id: string;
  options: readonly MentionOption[];
  active: number;
  onChoose: (option: MentionOption) => void;
};

export const optionId = (listId: string, index: number): string => `${listId}-${index}`;

/**
 * The members offered while an @ is typed. Focus stays in the text area (arrows move the
 * active option, announced through aria-activedescendant); a click chooses too.
 */
export const MentionPicker = ({ id, options, active, onChoose }: MentionPickerProps) => {
  const { t } = useTranslation();
  return (
    <ul className="mention-picker" id={id} role="listbox" aria-label={t('mentions.listLabel')} data-testid="mention-picker">
      {options.map((option, index) => (
        <li
          key={option.userId}
          id={optionId(id, index)}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'mention-option active' : 'mention-option'}
          data-testid="mention-option"
          onMouseDown={(event) => {
            // Keeps the focus (and the caret) in the text area.
            event.preventDefault();
            onChoose(option);
          }}
        >
          <span className="mention-initials" aria-hidden="true">
            {option.initials}
          </span>
          <span className="mention-name">{option.name}</span>
          <span className="mention-id muted">{option.room ? t('mentions.room') : option.userId}</span>
        </li>
      ))}
    </ul>
  );
};
