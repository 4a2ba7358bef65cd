import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Builds the smallest App Router page, with this project's Next.js and
 * React, in a temporary folder: the framework's own floor of JavaScript,
 * against which our pages are measured. The same page also sits behind an
 * optional catch-all route, rendered on first visit and cached like our deep
 * steps, so the benchmark can show what Next.js itself costs per request for
 * such a route and path, apart from anything our pages contain.
 */
export async function buildBareNext(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bare-next-'));
  await mkdir(join(dir, 'app'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'bare-next', private: true, type: 'module' }));
  await writeFile(
    join(dir, 'app/layout.tsx'),
    'export default function Layout({ children }: { children: React.ReactNode }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
  );
  const page = 'export default function Page() {\n  return <h1>Hello</h1>;\n}\n';
  await writeFile(join(dir, 'app/page.tsx'), page);
  await mkdir(join(dir, 'app/fix/[[...answers]]'), { recursive: true });
  await writeFile(
    join(dir, 'app/fix/[[...answers]]/page.tsx'),
    `export const dynamicParams = true;\nexport function generateStaticParams() {\n  return [];\n}\n${page}`,
  );
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        jsx: 'react-jsx',
        strict: true,
        skipLibCheck: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        target: 'ES2022',
        lib: ['dom', 'ES2022'],
        noEmit: true,
        isolatedModules: true,
        esModuleInterop: true,
      },
      include: ['**/*.tsx'],
    }),
  );
  // Hard links make node_modules instant; a plain copy where they can't be made.
  try {
    execFileSync('cp', ['-al', 'node_modules', join(dir, 'node_modules')]);
  } catch {
    await cp('node_modules', join(dir, 'node_modules'), { recursive: true });
  }
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'pipe',
  });
  return dir;
}
