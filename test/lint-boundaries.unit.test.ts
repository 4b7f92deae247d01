// The lint boundaries are part of the design: a module reaches another only through its index.ts.
// ESLint's own API lints deliberate violations and legal imports as if they were server files.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let eslint: ESLint;

/** The messages (restricted imports, or a parse failure) for `code` placed at `file` (relative to the repository). */
async function restricted(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.message);
}

beforeAll(() => {
  // The project's own configuration, with only the import rule on and no type information (which
  // would build the whole TypeScript program and is not needed for imports).
  eslint = new ESLint({
    cwd: root,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  });
});

describe('lint: module boundaries on the server', () => {
  const inVolunteering = 'src/server/modules/volunteering/index.ts';

  it.each([
    ['a policy', "import { directoryReach } from '../directory/directory.policy';\nexport const x = directoryReach;\n"],
    ['a service', "import { listMembers } from '../directory/members.service';\nexport const x = listMembers;\n"],
    ['any other file', "import * as pool from '../lists/suggestion-pool';\nexport const x = pool;\n"],
    ['a deep path', "import * as pool from '../../modules/lists/suggestion-pool';\nexport const x = pool;\n"],
  ])('reports importing %s of another module from inside a module', async (_what, code) => {
    expect(await restricted(code, inVolunteering)).toEqual([expect.stringContaining('only through modules/<x>/index.ts')]);
  });

  it('reports importing a module’s insides from elsewhere on the server', async () => {
    const code = "import { directoryReach } from '../modules/directory/directory.policy';\nexport const x = directoryReach;\n";
    expect(await restricted(code, 'src/server/seed/index.ts')).toEqual([expect.stringContaining('only through modules/<x>/index.ts')]);
  });

  it.each([
    ['another module’s index', "import { setPassword } from '../auth';\nexport const x = setPassword;\n"],
    ['another module’s index.ts by name', "import { setPassword } from '../auth/index';\nexport const x = setPassword;\n"],
    ['a file of its own', "import { remindBehind } from './quota.service';\nexport const x = remindBehind;\n"],
    ['the platform', "import { auditActor } from '../../platform/guard';\nexport const x = auditActor;\n"],
    ['the module shape', "import { defineModule } from '../module';\nexport const x = defineModule;\n"],
  ])('lets a module import %s', async (_what, code) => {
    expect(await restricted(code, inVolunteering)).toEqual([]);
  });
});

describe('lint: module boundaries in the web app', () => {
  const page = 'src/web/modules/volunteering/pages/ActivitiesPage.tsx';
  const topLevel = 'src/web/modules/volunteering/routes.tsx';
  const nested = 'src/web/modules/volunteering/components/parts/Thing.tsx';
  const webMessage = 'only through its index.ts';

  it.each([
    ['a component of another module, from a page', "import { NeedCard } from '../../lists/components/NeedCard';\nexport const x = NeedCard;\n", page],
    ['the types of another module, from a page', "import type { Need } from '../../lists/types';\nexport type X = Need;\n", page],
    ['another module’s routes, from the module’s top folder', "import { listsRoutes } from '../lists/routes';\nexport const x = listsRoutes;\n", topLevel],
    ['another module’s file, from a nested folder', "import { NeedCard } from '../../../lists/components/NeedCard';\nexport const x = NeedCard;\n", nested],
  ])('reports importing %s', async (_what, code, file) => {
    expect(await restricted(code, file)).toEqual([expect.stringContaining(webMessage)]);
  });

  it('reports the app shell importing a module’s insides', async () => {
    const code = "import { listsRoutes } from '../modules/lists/routes';\nexport const x = listsRoutes;\n";
    expect(await restricted(code, 'src/web/app/router.tsx')).toEqual([expect.stringContaining(webMessage)]);
  });

  it.each([
    ['another module’s index', "import { listsModule } from '../../lists';\nexport const x = listsModule;\n", page],
    ['another module’s index.ts by name', "import { listsModule } from '../../lists/index';\nexport const x = listsModule;\n", page],
    ['a file of its own', "import { ActivityCard } from '../components/ActivityCard';\nexport const x = ActivityCard;\n", page],
    ['the kit and lib', "import { ListPage } from '../../../ui/ListPage';\nimport { useApi } from '../../../lib/useApi';\nexport const x = [ListPage, useApi];\n", page],
    ['the contracts', "import type { Member } from '../../../../contracts/directory';\nexport type X = Member;\n", page],
  ])('lets a web module import %s', async (_what, code, file) => {
    expect(await restricted(code, file)).toEqual([]);
  });

  it('lets the app shell import the module list and a module’s index', async () => {
    const code = "import { WEB_MODULES } from '../modules';\nimport { listsModule } from '../modules/lists';\nexport const x = [WEB_MODULES, listsModule];\n";
    expect(await restricted(code, 'src/web/app/router.tsx')).toEqual([]);
  });
});
