import type { TSESTree } from '@typescript-eslint/utils';

/** Every module specifier a file names: imports and re-exports (type-only ones too), dynamic imports, `import('x')` types. */
export const importSourceVisitors = (onSource: (specifier: string, node: TSESTree.Node) => void): Record<string, (node: never) => void> => {
  const literal = (node: TSESTree.Node | null | undefined, at: TSESTree.Node): void => {
    if (node?.type === 'Literal' && typeof node.value === 'string') {
      onSource(node.value, at);
    }
  };
  return {
    ImportDeclaration: (node: TSESTree.ImportDeclaration) => {
      literal(node.source, node);
    },
    ExportNamedDeclaration: (node: TSESTree.ExportNamedDeclaration) => {
      literal(node.source, node);
    },
    ExportAllDeclaration: (node: TSESTree.ExportAllDeclaration) => {
      literal(node.source, node);
    },
    ImportExpression: (node: TSESTree.ImportExpression) => {
      literal(node.source, node);
    },
    TSImportType: (node: TSESTree.TSImportType) => {
      literal(node.source, node);
    },
  };
};
