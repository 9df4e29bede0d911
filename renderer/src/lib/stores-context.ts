import { createContext, useContext } from 'react';

/**
 * Every store of the app, built by `app/create-app.ts`. Each feature adds its own stores here from its
 * `index.ts` (declaration merging), so a feature's components can read the stores without importing
 * `app/`, which imports every feature: that import cycle is what this inversion removes.
 */
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions, @typescript-eslint/no-empty-object-type -- only an interface can be merged into by the features
export interface AppStores {}

export const StoresContext = createContext<AppStores | null>(null);

export const useStores = (): AppStores => {
  const stores = useContext(StoresContext);
  if (!stores) {
    throw new Error('useStores outside StoresContext');
  }
  return stores;
};
