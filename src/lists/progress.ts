// Progress bars for imports, on stderr and only when stderr is a terminal (never on stdout).
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  start(label: string, total: number): void;
  update(value: number): void;
  stop(): void;
}

const silent: Progress = { start() {}, update() {}, stop() {} };

export function progressBar(enabled: boolean | undefined): Progress {
  if (!enabled || process.stderr.isTTY !== true) return silent;
  let bar: SingleBar | undefined;
  return {
    start(label, total) {
      bar?.stop();
      bar = new SingleBar({ stream: process.stderr, format: `${label.padEnd(24)} [{bar}] {percentage}% {value}/{total}`, hideCursor: true }, Presets.shades_classic);
      bar.start(total, 0);
    },
    update(value) { bar?.update(value); },
    stop() { bar?.stop(); bar = undefined; },
  };
}
