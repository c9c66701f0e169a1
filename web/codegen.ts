import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

const SCHEMA_DIR = '../backend/src/main/resources/graphql';

/**
 * The backend's .graphqls files, plus the `XConnection` and `XEdge` types that Spring for GraphQL synthesises at
 * start-up for every `XConnection` the files mention but do not declare (ConnectionTypeDefinitionConfigurer). Without
 * them codegen fails with "Unknown type: HackathonConnection". The shapes below are the ones Spring generates.
 */
export function backendSchema(dir = SCHEMA_DIR): string {
  const sdl = readdirSync(dir)
    .filter((name) => name.endsWith('.graphqls'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
  const declared = new Set([...sdl.matchAll(/\b(?:type|interface|union|enum|input|scalar)\s+(\w+)/g)].map((m) => m[1]));
  const referenced = new Set([...sdl.matchAll(/\b(\w+)Connection\b/g)].map((m) => m[1]));
  const synthesized = [...referenced]
    .filter((node) => !declared.has(`${node}Connection`) && declared.has(node))
    .sort()
    .map(
      (node) =>
        `type ${node}Connection { edges: [${node}Edge!]! pageInfo: PageInfo! }\n` +
        `type ${node}Edge { node: ${node}! cursor: String! }\n`,
    );
  return [sdl, ...synthesized].join('\n');
}

/** Folders whose operations (.graphql files) get their own generated `gql/` beside them. */
const OPERATION_FOLDERS = [
  'src/auth',
  'src/shell',
  'src/screens/public',
  'src/screens/proposer',
  'src/screens/organizer',
  'src/screens/judge',
  'src/screens/team',
  'src/screens/notifications',
  'src/screens/projects',
  'src/screens/followup',
  'src/screens/shared',
];

/**
 * Fragments in src/screens/shared that a folder's operations spread: that folder's module is generated with them too,
 * since an operation's document must carry the fragments it spreads (codegen fails on an unknown fragment). The shared
 * folder's own module gives the components there the fragments' types.
 */
const SHARED_FRAGMENTS: Record<string, string[]> = {
  'src/screens/organizer': ['src/screens/shared/ranking.graphql'],
  'src/screens/public': ['src/screens/shared/ranking.graphql'],
};

const clientPreset = {
  preset: 'client' as const,
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    scalars: { DateTime: 'string', Date: 'string' },
  },
  presetConfig: { fragmentMasking: false },
};

// Types come from the backend's own schema files, so the panel and the API cannot drift apart silently. Operations
// live in .graphql files beside the screens. Each folder gets its own generated module of `XDocument` constants:
// with one module for all documents, the bundler would put every screen's documents into the chunk the judge's
// phone downloads first. Each module holds the schema
// types its operations use (TypeScript only: no runtime cost).
const config: CodegenConfig = {
  schema: backendSchema(),
  ignoreNoDocuments: true,
  generates: {
    ...Object.fromEntries(
      OPERATION_FOLDERS.map((folder) => [
        `./${folder}/gql/`,
        { ...clientPreset, documents: [`${folder}/*.graphql`, ...(SHARED_FRAGMENTS[folder] ?? [])] },
      ]),
    ),
  },
};

export default config;
