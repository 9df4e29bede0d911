import type { ReactNode } from 'react';
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { AppStores } from '../lib/stores-context.ts';
import { StoresContext } from '../lib/stores-context.ts';
import { createI18n } from '../i18n/i18n.ts';

// Tells React that tests wrap updates in act(), so it flushes them synchronously.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export type Rendered = {
  container: HTMLElement;
  byTestId: (id: string) => HTMLElement;
  allByTestId: (id: string) => HTMLElement[];
  unmount: () => void;
};

/** Renders with the app's providers in Bahasa Indonesia unless told otherwise. */
export const render = (ui: ReactNode, stores: AppStores, language: 'id' | 'en' = 'id'): Rendered => {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | undefined;
  act(() => {
    root = createRoot(container);
    root.render(
      <I18nextProvider i18n={createI18n(language)}>
        <StoresContext value={stores}>{ui}</StoresContext>
      </I18nextProvider>,
    );
  });
  const allByTestId = (id: string): HTMLElement[] => Array.from(container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  return {
    container,
    allByTestId,
    byTestId: (id) => {
      const [first, ...rest] = allByTestId(id);
      if (!first || rest.length > 0) {
        throw new Error(`expected one [data-testid="${id}"], found ${rest.length + (first ? 1 : 0)}`);
      }
      return first;
    },
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
    },
  };
};

/** Sets an input's value the way typing does, so React's onChange sees it. */
export const type = (element: HTMLElement, value: string): void => {
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
};

export const click = async (element: HTMLElement): Promise<void> => {
  await act(async () => {
    element.click();
    await Promise.resolve();
  });
};
