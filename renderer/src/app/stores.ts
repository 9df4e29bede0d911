import { createContext, useContext } from 'react';
import type { AppStores } from './create-app.ts';

export const StoresContext = createContext<AppStores | null>(null);

export const useStores = (): AppStores => {
  const stores = useContext(StoresContext);
  if (!stores) {
    throw new Error('useStores outside StoresContext');
  }
  return stores;
};
