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
