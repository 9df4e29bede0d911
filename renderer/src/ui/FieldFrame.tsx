import type { ReactNode } from 'react';

/**
 * The frame every labelled input shares: the label wraps the control (a click on the label
 * focuses it) and an optional hint under it, which the control names in aria-describedby.
 */
export const FieldFrame = ({ label, hint, hintId, children }: { label: string; hint: string | undefined; hintId: string; children: ReactNode }) => (
  <label className="field">
    <span>{label}</span>
    {children}
    {hint !== undefined && (
      <small id={hintId} className="muted">
        {hint}
      </small>
    )}
  </label>
);
