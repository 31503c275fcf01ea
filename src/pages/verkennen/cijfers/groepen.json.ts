import { staticGroups } from '../../../lib/workbench-static-build.ts';

/** The workbench's place groups as its SQL resolves them (src/lib/workbench-static.ts). */
export async function GET() {
  return new Response(JSON.stringify(await staticGroups()), { headers: { 'Content-Type': 'application/json' } });
}
