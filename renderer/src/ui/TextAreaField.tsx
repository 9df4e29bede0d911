import type { TextareaHTMLAttributes } from 'react';
import { useId } from 'react';
import { FieldFrame } from './FieldFrame.tsx';

export type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'children'> & {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  /** A line under the text area that it is described by. */
  hint?: string;
};

/** A labelled multi-line text input, like TextField. */
export const TextAreaField = ({ label, testId, value, onChange, hint, ...textarea }: TextAreaFieldProps) => {
  const hintId = useId();
  return (
    <FieldFrame label={label} hint={hint} hintId={hintId}>
      <textarea
        {...textarea}
        data-testid={testId}
        aria-describedby={hint === undefined ? undefined : hintId}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </FieldFrame>
  );
};
