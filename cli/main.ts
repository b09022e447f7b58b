import { Command } from 'commander';
import { RulesError } from '../rules';
import { serve } from './serve';

const program = new Command()
  .name('jszg-sim')
  .description('Workflow simulation and load-test harness for the teacher-qualification portal (中国教师资格网)');

const serveCommand = (name: string, description: string, demoByDefault: boolean) =>
  program.command(name)
    .description(description)
    .option('--port <port>', 'port to listen on (0 picks a free one)', '8080')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--db <file>', 'lowdb snapshot file (a journal sits beside it)', 'data/portal.json')
    .option('--memory', 'keep the state in memory only')
    .option('--clock <clock>', 'system | settable | scaled:N (one real second = N simulated seconds)', 'system')
    .option('--clock-start <iso>', 'where a settable or scaled clock starts (default: now)')
    .option('--admin-token <token>', 'token for admin operations (default: a random one, printed)')
    .option('--rules <file>', 'rules override (JSON or TS) merged over the defaults')
    .option('--demo', 'seed the demo dataset (provinces, institutions, confirmation points, schools)', demoByDefault)
    .action(async (options) => { await serve(options); });

serveCommand('serve', 'start the portal stub server', false);
serveCommand('start', 'start the stub with the demo dataset (what `npm start` runs)', true);

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof RulesError || error instanceof Error ? `jszg-sim: ${error.message}` : error);
  process.exit(1);
});
