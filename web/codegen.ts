import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the backend's own schema files, so the panel and the API cannot drift apart silently.
const config: CodegenConfig = {
  schema: '../backend/src/main/resources/graphql/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
