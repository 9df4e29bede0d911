import type { InputHTMLAttributes } from 'react';
import { useId } from 'react';
import { FieldFrame } from './FieldFrame.tsx';

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'children'> & {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password';
  /** A line under the input that it is described by. */
  hint?: string;
};

/** A labelled text input (the label wraps it, so a click on the label focuses it). */
export const TextField = ({ label, testId, value, onChange, type = 'text', hint, ...input }: TextFieldProps) => {
  const hintId = useId();
  return (
    <FieldFrame label={label} hint={hint} hintId={hintId}>
      <input
        {...input}
        data-testid={testId}
        type={type}
        aria-describedby={hint === undefined ? undefined : hintId}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </FieldFrame>
  );
};
