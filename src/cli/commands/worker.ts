// `vigil worker` — take batch screening chunks and party re-screenings from the PostgreSQL job
// queues without serving HTTP. Run as many as the machine (or cluster) has cores; they share jobs
// submitted to any instance.
import type { Command } from 'commander';
import { Vigil } from '../../app/vigil.js';
import { JobService } from '../../jobs/service.js';
import { VigilInputError } from '../../model/errors.js';
import { action, globalOptions } from '../context.js';

interface WorkerOptions { concurrency: string; json?: boolean }

export function register(program: Command): void {
  program.command('worker')
    .description('Screen batch-job chunks from the PostgreSQL job queue (needs --database-url or $VIGIL_DATABASE_URL)')
    .option('--concurrency <n>', 'chunk loops in this process (screening uses one core; 2 overlaps database writes)', '2')
    .option('--json', 'print one JSON line on stdout when the worker is ready')
    .action(action(async (o: WorkerOptions, cmd: Command) => {
      const concurrency = Number(o.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
        throw new VigilInputError(`expected an integer from 1 to 64, got "${o.concurrency}"`, '--concurrency');
      }
      const { databaseUrl } = globalOptions(cmd);
      if (!databaseUrl) {
        throw new VigilInputError('a worker needs the PostgreSQL database of the server: pass --database-url postgres://… or set VIGIL_DATABASE_URL', '--database-url');
      }
      // Workers screen against what is in the database; importing lists is the servers' (or an admin's) job.
      const vigil = await Vigil.open({ databaseUrl, bundled: false });
      try {
        const jobs = await JobService.start(vigil, { databaseUrl, worker: true, concurrency });
        if (o.json) process.stdout.write(JSON.stringify({ worker: 'ready', pid: process.pid, concurrency, store: vigil.store.location }) + '\n');
        process.stderr.write(`vigil: worker ${process.pid} taking screening chunks and party re-screenings (concurrency ${concurrency}; store ${vigil.store.location})\n`);
        await new Promise<void>((resolve) => {
          const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); resolve(); };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        // Finish the chunks in hand (pg-boss waits for them), then let go of the queue.
        await jobs.close();
      } finally {
        await vigil.close();
      }
    }));
}
