import { layersRule } from './layers-rule.ts';
import { createNoCycleRule } from './no-cycle-rule.ts';

/** Rembuk's own lint rules: the layer allow-list and the cycle check that counts type-only imports. */
export const rembukPlugin = {
  meta: { name: 'rembuk' },
  rules: { layers: layersRule, 'no-cycle': createNoCycleRule() },
};
